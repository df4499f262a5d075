// Shared by the sensitivity tests: specs written to a temp folder, and an analysis computed
// in-process (no worker pool) from the same rows the workers make.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {analyse, type Analysis} from '../../src/sensitivity/analyse.js';
import {OutputTable} from '../../src/sensitivity/outputs.js';
import {loadSensitivity, type SensitivityPlan} from '../../src/sensitivity/plan.js';
import type {Method} from '../../src/sensitivity/spec.js';
import {rowValues} from '../../src/sweep/output.js';
import {sweepRunner} from '../../src/sweep/plan.js';

/**
 * Two parameters on baseline: the stall-risk rollouts (which only the stall-risk metrics read)
 * and the government's batch size over its schema's range. Baseline is noisy (a completion day's
 * standard deviation over seeds is near 27 days): 4 replicates a point and 40 trajectories are
 * what it takes for Morris to tell the batch size's effect from the seed's.
 */
export const ROLLOUTS_SPEC = `name: rollouts-and-batches
scenario: baseline
parameters:
  stall.rollouts: {min: 0, max: 12, integer: true}
  agents.government.params.batchSize: range
outputs: [completionDay, status, releasedByGovernment]
morris: {trajectories: 40, levels: 4}
sobol: {samples: 32}
replicates: 4
seed: rollouts
`;

export function writeSpec(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** The analysis of every run of the spec, run here in order. */
export function analyseInProcess(file: string, method?: Method): {plan: SensitivityPlan; analysis: Analysis} {
  const plan = loadSensitivity(file, {method, check: false});
  const run = sweepRunner(plan.sweep);
  const table = new OutputTable(plan);
  for (let id = 0; id < plan.sweep.runs; id++) table.addRow(rowValues(run(id), plan.sweep.columns));
  return {plan, analysis: analyse(plan, table)};
}
