// What the analysis must find on a model whose answer is known: the stall-risk rollouts change
// no outcome (their rollouts run on streams of their own), so they are inert for the completion
// day, exactly; the government's batch size moves it, so it is not.
import {afterAll, describe, expect, it} from 'vitest';
import {removeTempDirs, tempDir} from '../helpers/cli.js';
import {analyseInProcess, ROLLOUTS_SPEC, writeSpec} from './sensitivity-helpers.js';

afterAll(removeTempDirs);

const ROLLOUTS = 'stall.rollouts';
const BATCH = 'agents.government.params.batchSize';

describe.each(['morris', 'sobol'] as const)('%s on rollouts and batch size', (method) => {
  const file = writeSpec(tempDir(), 'spec.yaml', ROLLOUTS_SPEC);
  const {analysis} = analyseInProcess(file, method);
  const of = (output: string) => analysis.outputs.find((o) => o.output === output)!;

  it('finds stall.rollouts inert for the completion day, with an index of exactly 0', () => {
    const rollouts = of('completionDay').factors.find((f) => f.factor === ROLLOUTS)!;
    expect(rollouts.inert).toBe(true);
    expect([rollouts.index, rollouts.lo, rollouts.hi]).toEqual([0, 0, 0]);
  });

  it('ranks the batch size first, its index above 0 with confidence', () => {
    const completion = of('completionDay');
    expect(completion.factors[0]!.factor).toBe(BATCH);
    expect(completion.factors[0]!.lo).toBeGreaterThan(0);
  });

  it.runIf(method === 'morris')('finds the batch size not inert for the completion day: its mu* is above the seed\'s', () => {
    const batch = of('completionDay').factors[0]!;
    expect(batch).toMatchObject({factor: BATCH, inert: false});
    expect(batch.aboveSeedLo).toBeGreaterThan(0);
  });

  it('analyses status as one indicator per outcome', () => {
    expect(analysis.outputs.map((o) => o.output)).toEqual(['completionDay', 'status=complete', 'status=broken', 'status=ongoing', 'releasedByGovernment']);
  });
});
