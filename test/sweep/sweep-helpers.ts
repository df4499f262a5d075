// Shared by the sweep tests: small specs written to a temp folder, and the rows a spec makes,
// computed in-process (no worker pool) with the same formatting the workers use.
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {formatRows, headerText, rowValues, type Format} from '../../src/sweep/output.js';
import {loadSweep, sweepRunner, type SweepPlan} from '../../src/sweep/plan.js';

/**
 * 8 points (batch size × Taliban policy) × 25 replicates = 200 runs, no stall risk. The master
 * seed has a comma and quotes, so every row's seed needs RFC 4180 quoting.
 */
export const SMALL_SPEC = `name: small
description: A sweep written by the tests.
scenario: baseline
set:
  - stall.rollouts=0
vary:
  agents.government.params.batchSize: {values: [50, 100, 150, 200]}
  agents.taliban.policy: {values: [ratio-releaser, coercive-leverage]}
replicates: 25
seed: 'tiny, "quoted"'
`;

/** 4 points × 2,000 replicates = 8,000 runs: a few seconds on one worker. */
export const LONG_SPEC = `name: long
scenario: baseline
set:
  - stall.rollouts=0
vary:
  agents.government.params.batchSize: {values: [50, 100, 150, 200]}
replicates: 2000
seed: long
`;

export function writeSpec(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** The whole output of a sweep (header and rows), computed here, run by run. */
export function expectedOutput(plan: SweepPlan, format: Format, from = 0, to = plan.runs): string {
  const run = sweepRunner(plan);
  const rows = [];
  for (let id = from; id < to; id++) rows.push(rowValues(run(id), plan.columns));
  return headerText(plan.columns, format) + formatRows(rows, plan.columns, format);
}

export const planOf = (file: string): SweepPlan => loadSweep(file, {check: false});

/** Complete lines of a file (the header counts as one). */
export const lineCount = (file: string): number => (readFileSync(file, 'utf8').match(/\n/g) ?? []).length;
