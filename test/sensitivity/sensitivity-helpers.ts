// Shared by the sensitivity tests: specs written to a temp folder, and an analysis computed
// in-process (no worker pool) from the same rows the workers make.
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

export {writeSpec} from '../sweep/sweep-helpers.js';

/**
 * Three parameters on baseline (a number over its schema's range, one over a range given here, a
 * policy choice), small designs of both methods with second order, 2 replicates; the master seed
 * needs RFC 4180 quoting in every row.
 */
export const THREE_SPEC = `name: three
scenario: baseline
set: [stall.rollouts=0]
parameters:
  agents.government.params.batchSize: range
  agents.taliban.params.ratio: {min: 1, max: 10}
  agents.us.policy: {values: [facilitator, carrot-stick]}
outputs: [completionDay, status, walkouts]
morris: {trajectories: 6, levels: 4}
sobol: {samples: 8, secondOrder: true}
replicates: 2
seed: 'three, "quoted"'
`;

/** The analysis of every run of the spec, run here in order. */
export function analyseInProcess(file: string, method?: Method): {plan: SensitivityPlan; analysis: Analysis} {
  const plan = loadSensitivity(file, {method, check: false});
  const run = sweepRunner(plan.sweep);
  const table = new OutputTable(plan);
  for (let id = 0; id < plan.sweep.runs; id++) table.addRow(rowValues(run(id), plan.sweep.columns));
  return {plan, analysis: analyse(plan, table)};
}
