// Stall risk to a precision (src/sim/risk.ts): the rollouts stop once the interval's half-width
// is at most stall.precision, or at the cap stall.rollouts. These tests check that the interval
// stays honest under that stopping rule on states of the bundled scenarios' real runs, that
// precision 0 is the fixed-N estimate as it was before precision existed, and that the
// rule spends few rollouts where the answer is near 0 or 1.
import {createHash} from 'node:crypto';
import {beforeAll, describe, expect, it} from 'vitest';
import {loadScenario} from '../../src/scenario/resolve.js';
import type {SimConfig} from '../../src/sim/config.js';
import {FIRST_LOOK, sequentialLooks, StallRiskEstimator} from '../../src/sim/risk.js';
import {runSimulation} from '../../src/sim/run.js';
import {cloneState, createState} from '../../src/sim/state.js';
import {step} from '../../src/sim/step.js';
import {createStepper} from '../../src/sim/stepper.js';
import type {WorldState} from '../../src/sim/types.js';

const SCENARIOS = ['afghanistan-2020', 'baseline', 'goodwill-cascade', 'hardline-government', 'us-pressure'];
const SEEDS = ['cover-1', 'cover-2'];
/** Every seventh day of each run: 164 states. */
const EVERY = 7;
/**
 * The reference p of a state: 6,000 rollouts on streams of another seed than the estimates'
 * (so they share no rollout). 100,000 a state would take many minutes on two cores; at 6,000 the
 * reference's standard error is at most 0.0065, a tenth of the half-width of a 200-rollout
 * interval near 1/2.
 */
const REFERENCE = 6000;
/** Adaptive estimates a state, each on its own seed's streams: coverage is a share over the rollouts' dice. */
const REPEATS = 8;

interface Case {
  cfg: SimConfig;
  s: WorldState;
  ref: number;
}

/** States of real runs of the bundled scenarios (ongoing ones, every EVERY-th day), with their reference p. */
function cases(): Case[] {
  const out: Case[] = [];
  for (const name of SCENARIOS) {
    for (const seed of SEEDS) {
      const {config: cfg} = loadScenario(name, {seed});
      const s = createState(cfg, {record: false});
      const stepper = createStepper(cfg, s);
      while (s.outcome === 'ongoing' && s.day < cfg.days) {
        step(s, cfg, stepper);
        if (s.day % EVERY === 0 && s.outcome === 'ongoing') {
          const ref = new StallRiskEstimator(cfg, 'reference').estimate(s, REFERENCE, cfg.stall.horizon, 0).p;
          out.push({cfg, s: cloneState(cfg, s), ref});
        }
      }
    }
  }
  return out;
}

/** The least count of `n` trials at share `p` that is not 3 standard deviations below the mean. */
const lowest = (n: number, p: number): number => Math.floor(n * p - 3 * Math.sqrt(n * p * (1 - p)));

describe('stall risk to a precision', () => {
  let all: Case[] = [];
  beforeAll(() => {
    all = cases();
  }, 120_000);

  it('draws its states from real runs, some of them far from 0 and 1', () => {
    expect(all.length).toBeGreaterThan(150);
    // Without such states coverage would be won by intervals touching 0 or 1.
    expect(all.filter((c) => c.ref > 0.02 && c.ref < 0.98).length).toBeGreaterThan(15);
  });

  it('has an interval that holds the reference p at least as often as its confidence says', () => {
    let covered = 0;
    let trials = 0;
    let midCovered = 0;
    let midTrials = 0;
    for (const {cfg, s, ref} of all) {
      const mid = ref > 0.02 && ref < 0.98;
      for (let r = 0; r < REPEATS; r++) {
        const e = new StallRiskEstimator(cfg, `cover-${r}`).estimate(s);
        expect(e.n).toBeLessThanOrEqual(cfg.stall.rollouts);
        const hit = e.lo <= ref && ref <= e.hi ? 1 : 0;
        covered += hit;
        trials++;
        if (mid) {
          midCovered += hit;
          midTrials++;
        }
      }
    }
    const nominal = all[0]!.cfg.stall.confidence;
    expect(covered).toBeGreaterThanOrEqual(lowest(trials, nominal));
    // And on the states where an interval could miss on either side.
    expect(midCovered).toBeGreaterThanOrEqual(lowest(midTrials, nominal));
  });

  it('uses far fewer rollouts where the answer is near 0 or 1, and the cap near 1/2', () => {
    const cap = 1000;
    const settled: number[] = [];
    const open: number[] = [];
    for (const {cfg, s, ref} of all) {
      const e = new StallRiskEstimator(cfg).estimate(s, cap);
      if (ref === 0 || ref === 1) settled.push(e.n);
      if (ref >= 0.1 && ref <= 0.9) open.push(e.n);
    }
    expect(settled.length).toBeGreaterThan(100);
    const sorted = [...settled].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThanOrEqual(2 * FIRST_LOOK);
    expect(settled.reduce((a, b) => a + b, 0) / settled.length).toBeLessThan(cap / 5);
    // A half-width of 0.025 at p near 1/2 needs more than 1,000 rollouts: these stop at the cap.
    expect(open.length).toBeGreaterThan(5);
    for (const n of open) expect(n).toBe(cap);
  });

  it('draws rollout i from the same stream whatever the stopping: its first n rollouts are a fixed-N estimate of n', () => {
    for (const {cfg, s} of all.filter((_, i) => i % 10 === 0)) {
      const seq = new StallRiskEstimator(cfg).estimate(s, 1000);
      const fixed = new StallRiskEstimator(cfg).estimate(s, seq.n, cfg.stall.horizon, 0);
      expect({p: seq.p, n: seq.n, days: seq.days, cause: seq.cause, mode: seq.mode}).toEqual({p: fixed.p, n: fixed.n, days: fixed.days, cause: fixed.cause, mode: fixed.mode});
      // The sequential interval is the wider: each look is at a higher level.
      if (seq.n > FIRST_LOOK) expect(seq.hi - seq.lo).toBeGreaterThan(fixed.hi - fixed.lo);
    }
  });
});

describe('sequentialLooks', () => {
  it('counts the looks at 64, 128, 256, … below the cap and at the cap', () => {
    expect([1, 64, 65, 128, 129, 200, 1000, 1024, 1025].map(sequentialLooks)).toEqual([1, 1, 2, 2, 3, 3, 5, 5, 6]);
  });
});

describe('precision 0', () => {
  /** The daily stall-risk series of afghanistan-2020, seed 42, 120 days, 300 rollouts a day, hashed. */
  function seriesHash(set: string[]): {hash: string; n: number[]} {
    const {config} = loadScenario('afghanistan-2020', {seed: '42', set: ['stall.rollouts=300', ...set]});
    const {daily: d} = runSimulation({...config, days: 120}, {stallRisk: true});
    const cols = [d.riskP, d.riskLo, d.riskHi, d.riskMode, d.riskDays, d.riskCause].map((a) => Array.from(a.subarray(0, d.length)));
    const est = new StallRiskEstimator(config);
    return {hash: createHash('sha256').update(JSON.stringify(cols)).digest('hex'), n: [est.estimate(createState(config, {record: false})).n]};
  }

  it('gives exactly the fixed-N estimates parley gave before precision existed', () => {
    // Pinned from the engine as it was before stall.precision (commit 554c0d6): 300 rollouts
    // every day, a Wilson interval at stall.confidence.
    const fixed = seriesHash(['stall.precision=0']);
    expect(fixed.hash).toBe('04c35168835f9c7c9fe2e46f2db25b7cbf1939fbec084d306c01eb8119474164');
    expect(fixed.n).toEqual([300]);
    // The default precision stops early and widens the interval, so it is another series.
    expect(seriesHash([]).hash).not.toBe(fixed.hash);
  });
});
