import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {normalQuantile, stallCause, updateStall, wilson} from '../../src/sim/stall.js';
import {createState} from '../../src/sim/state.js';
import type {WorldState} from '../../src/sim/types.js';
import {configOf, rawScenario} from '../helpers/scenario.js';

const cfg = configOf(rawScenario({stall: {rollouts: 0, walkoutDays: 5, noProgressDays: 10}}));

function stateAt(day: number, patch: Partial<WorldState> = {}, record = true): WorldState {
  const s = createState(cfg, {record});
  s.day = day;
  s.lastProgressDay = day;
  return Object.assign(s, patch);
}

describe('stallCause', () => {
  it('is null while talks move', () => {
    expect(stallCause(stateAt(30), cfg)).toBeNull();
    expect(stallCause(stateAt(30, {lastProgressDay: 21}), cfg)).toBeNull(); // 9 < 10 days
  });

  it('no-progress: after noProgressDays without progress', () => {
    expect(stallCause(stateAt(30, {lastProgressDay: 20}), cfg)).toBe('no-progress');
    expect(stallCause(stateAt(30, {lastProgressDay: 0, talks: 'pending'}), cfg)).toBe('no-progress');
  });

  it('walk-out: a walk-out of walkoutDays or more', () => {
    const out = {talks: 'walked-out', walkoutBy: 'taliban'} as const;
    expect(stallCause(stateAt(30, {...out, walkoutSince: 26}), cfg)).toBeNull(); // 4 days
    expect(stallCause(stateAt(30, {...out, walkoutSince: 25}), cfg)).toBe('walk-out');
    // A short walk-out after a long drought is still a no-progress stall.
    expect(stallCause(stateAt(30, {...out, walkoutSince: 28, lastProgressDay: 15}), cfg)).toBe('no-progress');
    // A long walk-out is named as such even when there is also no progress.
    expect(stallCause(stateAt(30, {...out, walkoutSince: 20, lastProgressDay: 15}), cfg)).toBe('walk-out');
  });

  it('breakdown: talks broken, whatever else holds', () => {
    expect(stallCause(stateAt(30, {talks: 'broken'}), cfg)).toBe('breakdown');
    expect(stallCause(stateAt(30, {talks: 'broken', lastProgressDay: 0, walkoutSince: 1}), cfg)).toBe('breakdown');
  });

  it('a completed exchange is not a no-progress stall', () => {
    expect(stallCause(stateAt(30, {outcome: 'complete', outcomeDay: 5, lastProgressDay: 5}), cfg)).toBeNull();
  });
});

describe('updateStall: episodes', () => {
  it('records onset, counts stalled days, and records recovery', () => {
    const s = stateAt(10);
    updateStall(s, cfg);
    expect(s.stalled).toBe(false);
    expect(s.counters.stallEpisodes).toBe(0);

    s.day = 20; // ten days since progress on day 10
    updateStall(s, cfg);
    expect(s.stalled).toBe(true);
    expect(s.stallCause).toBe('no-progress');
    expect(s.stallSince).toBe(20);
    expect(s.counters.stallEpisodes).toBe(1);
    expect(s.counters.stalledDays).toBe(1);
    expect(s.episodes).toEqual([{start: 20, end: null, cause: 'no-progress'}]);
    expect(s.log!.at(-1)).toMatchObject({day: 20, actor: 'world', type: 'stall'});
    expect(s.log!.at(-1)!.reason.length).toBeGreaterThan(0);

    for (const day of [21, 22, 23]) {
      s.day = day;
      updateStall(s, cfg);
    }
    expect(s.stalled).toBe(true);
    expect(s.stallSince).toBe(20); // onset day is kept
    expect(s.counters.stallEpisodes).toBe(1);
    expect(s.counters.stalledDays).toBe(4);
    expect(s.episodes!.length).toBe(1);

    s.day = 24;
    s.lastProgressDay = 24;
    updateStall(s, cfg);
    expect(s.stalled).toBe(false);
    expect(s.stallCause).toBeNull();
    expect(s.counters.stalledDays).toBe(4);
    expect(s.episodes).toEqual([{start: 20, end: 24, cause: 'no-progress'}]);
    expect(s.log!.at(-1)).toMatchObject({day: 24, actor: 'world', type: 'recovery'});

    s.day = 40;
    s.talks = 'walked-out';
    s.walkoutBy = 'taliban';
    s.walkoutSince = 33;
    s.lastProgressDay = 35;
    updateStall(s, cfg);
    expect(s.counters.stallEpisodes).toBe(2);
    expect(s.episodes!.at(-1)).toEqual({start: 40, end: null, cause: 'walk-out'});
    expect(s.counters.stalledDays).toBe(5);
  });

  it('a change of cause within a stall is the same episode', () => {
    const s = stateAt(20, {lastProgressDay: 10});
    updateStall(s, cfg);
    s.day = 21;
    s.talks = 'broken';
    updateStall(s, cfg);
    expect(s.counters.stallEpisodes).toBe(1);
    expect(s.episodes!.length).toBe(1);
    expect(s.stalled).toBe(true);
  });

  it('keeps the counters without a log (rollout states)', () => {
    const s = stateAt(20, {lastProgressDay: 10}, false);
    updateStall(s, cfg);
    expect(s.stalled).toBe(true);
    expect(s.counters.stallEpisodes).toBe(1);
    expect(s.counters.stalledDays).toBe(1);
    expect(s.log).toBeNull();
    expect(s.episodes).toBeNull();
  });
});

describe('normalQuantile', () => {
  it('matches known quantiles', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514715, 8);
    expect(normalQuantile(0.975)).toBeCloseTo(1.9599639845400536, 8);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489004, 8);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.3263478740408408, 8); // lower tail branch
    expect(normalQuantile(1e-6)).toBeCloseTo(-4.753424308822899, 7);
    expect(normalQuantile(1 - 1e-6)).toBeCloseTo(4.753424308822899, 7); // upper tail branch
  });

  it('is antisymmetric and increasing', () => {
    let prev = -Infinity;
    for (let i = 1; i < 1000; i++) {
      const p = i / 1000;
      const q = normalQuantile(p);
      expect(q).toBeGreaterThan(prev);
      expect(q + normalQuantile(1 - p)).toBeCloseTo(0, 8);
      prev = q;
    }
  });

  it.each([0, 1, -0.1, 1.1])('rejects p = %d', (p) => {
    expect(() => normalQuantile(p)).toThrow(RangeError);
  });
});

describe('wilson', () => {
  // Reference values computed independently (Python, statistics.NormalDist).
  it.each([
    [5, 20, 0.9, 0.25, 0.1273771685203578, 0.43220175016012446],
    [17, 50, 0.95, 0.34, 0.22436949222500088, 0.4784617394976739],
    [1, 3, 0.8, 1 / 3, 0.10577563612172286, 0.6788173521696517],
    [99, 200, 0.99, 0.495, 0.4055695777990511, 0.5847515149452123],
  ])('%d of %d at %d', (hits, n, conf, p, lo, hi) => {
    const w = wilson(hits, n, conf);
    expect(w.p).toBeCloseTo(p, 12);
    expect(w.lo).toBeCloseTo(lo, 7);
    expect(w.hi).toBeCloseTo(hi, 7);
  });

  it('0 hits: p = 0, lo = 0, hi = z^2 / (n + z^2)', () => {
    const z = normalQuantile(0.95);
    const w = wilson(0, 20, 0.9);
    expect(w.p).toBe(0);
    expect(w.lo).toBeCloseTo(0, 12);
    expect(w.hi).toBeCloseTo((z * z) / (20 + z * z), 12);
  });

  it('n hits: p = 1, hi = 1, lo = n / (n + z^2)', () => {
    const z = normalQuantile(0.95);
    const w = wilson(20, 20, 0.9);
    expect(w.p).toBe(1);
    expect(w.hi).toBeCloseTo(1, 12);
    expect(w.lo).toBeCloseTo(20 / (20 + z * z), 12);
  });

  it('no trials: the uninformative interval', () => {
    expect(wilson(0, 0, 0.9)).toEqual({p: 0, lo: 0, hi: 1});
  });

  it('lo <= p <= hi, all in [0, 1], wider at higher confidence', () => {
    // Exact comparisons up to 1e-12: at 0 or n hits the bounds can miss p by one ulp (see the
    // report to the lead; the interval is not clamped to contain p).
    fc.assert(
      fc.property(fc.integer({min: 1, max: 5000}), fc.double({min: 0, max: 1, noNaN: true}), fc.double({min: 0.5, max: 0.99, noNaN: true}), (n, share, conf) => {
        const hits = Math.round(share * n);
        const w = wilson(hits, n, conf);
        expect(w.p).toBe(hits / n);
        expect(w.lo).toBeGreaterThanOrEqual(0);
        expect(w.hi).toBeLessThanOrEqual(1);
        expect(w.lo).toBeLessThanOrEqual(w.p + 1e-12);
        expect(w.hi).toBeGreaterThanOrEqual(w.p - 1e-12);
        const wider = wilson(hits, n, Math.min(0.999, conf + 0.009));
        expect(wider.lo).toBeLessThanOrEqual(w.lo + 1e-12);
        expect(wider.hi).toBeGreaterThanOrEqual(w.hi - 1e-12);
      }),
      {numRuns: 500},
    );
  });
});
