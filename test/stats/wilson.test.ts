// The Wilson interval against independent reference values, its edges, and its bounds.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {normalQuantile} from '../../src/stats/normal-quantile.js';
import {wilson} from '../../src/stats/wilson.js';

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
