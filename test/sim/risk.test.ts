import {describe, expect, it} from 'vitest';
import {StallRiskEstimator} from '../../src/sim/risk.js';
import {cloneState} from '../../src/sim/state.js';
import {configOf, rawScenario, snapshot, stateAfter} from '../helpers/scenario.js';

const cfg = configOf(rawScenario({days: 150, seed: 'risk', stall: {rollouts: 40, horizon: 10}}));

function checkBounds(e: {p: number; lo: number; hi: number; n: number}, rollouts: number): void {
  for (const x of [e.p, e.lo, e.hi]) {
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x).toBeLessThanOrEqual(1);
  }
  expect(e.lo).toBeLessThanOrEqual(e.p + 1e-12);
  expect(e.p).toBeLessThanOrEqual(e.hi + 1e-12);
  expect(e.n).toBe(rollouts);
  // p is a share of the rollouts.
  expect(Math.abs(e.p * rollouts - Math.round(e.p * rollouts))).toBeLessThan(1e-9);
}

/** Talks active from day 0, the government still verifying lists for 60 days and the Taliban owing nothing and giving nothing: nothing moves. */
const IDLE = {
  days: 60,
  agents: {
    government: {policy: 'phased-conditional', params: {verificationDays: 60}},
    taliban: {policy: 'ratio-releaser', params: {generosity: 0}},
    us: {policy: 'facilitator'},
  },
  stall: {rollouts: 20, noProgressDays: 14, horizon: 14},
};

describe('StallRiskEstimator', () => {
  it('gives a probability and an interval in [0, 1] with lo <= p <= hi', () => {
    const est = new StallRiskEstimator(cfg);
    for (const day of [1, 5, 12, 25, 40]) {
      const s = stateAfter(cfg, day);
      if (s.outcome !== 'ongoing') break;
      const e = est.estimate(s, 30, 7);
      checkBounds(e, 30);
      expect(e.mode).toBe(s.stalled ? 'recovery' : 'onset');
    }
  });

  it('uses the scenario rollouts and horizon by default', () => {
    const s = stateAfter(cfg, 10);
    const est = new StallRiskEstimator(cfg);
    expect(est.estimate(s)).toEqual(est.estimate(s, cfg.stall.rollouts, cfg.stall.horizon));
    expect(est.estimate(s).n).toBe(cfg.stall.rollouts);
  });

  it('does not change the state it is given', () => {
    for (const day of [3, 15, 30]) {
      const s = stateAfter(cfg, day);
      const before = snapshot(s);
      new StallRiskEstimator(cfg).estimate(s, 25, 14);
      expect(snapshot(s)).toEqual(before);
    }
  });

  it('gives the same estimate for the same inputs, and does not depend on the state generator', () => {
    const s = stateAfter(cfg, 12);
    const a = new StallRiskEstimator(cfg);
    const first = a.estimate(s, 30, 10);
    expect(a.estimate(s, 30, 10)).toEqual(first); // the estimator's scratch state is reused
    expect(new StallRiskEstimator(cfg).estimate(s, 30, 10)).toEqual(first);
    // A value copy of the state estimates the same; so does one whose generator has moved on
    // (rollout i always draws from the stream derived from (seed, 'risk', i)).
    const copy = cloneState(cfg, s);
    for (let i = 0; i < 17; i++) copy.rng.next();
    expect(new StallRiskEstimator(cfg).estimate(copy, 30, 10)).toEqual(first);
  });

  it('estimates recovery while stalled, and when it comes', () => {
    // Talks active from day 0, the government still verifying lists and the Taliban owing
    // nothing and giving nothing: a no-progress stall from day 14 (the default threshold),
    // which a scheduled release on day 20 ends.
    const held = configOf(rawScenario({...IDLE, events: [{type: 'release', day: 20, side: 'government', count: 10}]}));
    const s = stateAfter(held, 15);
    expect(s.stalled).toBe(true);
    expect(s.stallCause).toBe('no-progress');
    const est = new StallRiskEstimator(held);
    const e = est.estimate(s, 20, 14);
    expect(e.mode).toBe('recovery');
    checkBounds(e, 20);
    expect(e.p).toBe(1); // every rollout reaches the release within the horizon
    expect(e.lo).toBeGreaterThan(0.5);
    expect(e.days).toBe(5); // day 15 to day 20
    expect(e.cause).toBeNull(); // a recovery has no stall cause
    // The horizon counts rounds exactly: from day 15 the release (day 20) is 5 rounds ahead.
    // Nothing else moves before it, so recovery within H is certain for H >= 5 and impossible below.
    for (let h = 1; h <= 8; h++) {
      const e = est.estimate(s, 10, h);
      expect(e.mode).toBe('recovery');
      expect(e.p, `horizon ${h}`).toBe(h >= 5 ? 1 : 0);
      expect(e.days, `horizon ${h}`).toBe(h >= 5 ? 5 : null);
    }
  });

  it('says when an onset is due and which clock runs out', () => {
    const raw = IDLE;
    const held = configOf(rawScenario(raw));
    // Nothing moves from day 0: the no-progress stall is due on day 14, 4 rounds after day 10.
    const s = stateAfter(held, 10);
    expect(s.stalled).toBe(false);
    const e = new StallRiskEstimator(held).estimate(s, 20, 14);
    expect(e).toMatchObject({mode: 'onset', p: 1, days: 4, cause: 'no-progress'});
    // Talks pending, the same idleness is no stall: nothing is due.
    const pending = configOf(rawScenario({...raw, talks: 'pending'}));
    expect(stateAfter(pending, 20).stalled).toBe(false);
    expect(new StallRiskEstimator(pending).estimate(stateAfter(pending, 10), 20, 14)).toMatchObject({mode: 'onset', p: 0, days: null, cause: null});
  });

  it('estimates nothing with no rollouts or once the run is over', () => {
    const s = stateAfter(cfg, 10);
    expect(new StallRiskEstimator(cfg).estimate(s, 0, 10).n).toBe(0);
    const over = cloneState(cfg, s);
    over.outcome = 'complete';
    const e = new StallRiskEstimator(cfg).estimate(over, 30, 10);
    expect(e.n).toBe(0);
    expect(e.lo).toBeLessThanOrEqual(e.p);
    expect(e.p).toBeLessThanOrEqual(e.hi);
  });
});
