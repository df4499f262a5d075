// Student's t 0.975 quantile against known values and the exact CDF.
import {describe, expect, it} from 'vitest';
import {t975, Z975} from '../../src/stats/t-quantile.js';

/** P(|T| ≤ t) for integer df, in closed form (Abramowitz & Stegun 26.7.3–4). */
function twoSidedCdf(t: number, df: number): number {
  const th = Math.atan(t / Math.sqrt(df));
  const c2 = Math.cos(th) ** 2;
  if (df % 2 === 0) {
    let term = 1;
    let sum = 1;
    for (let k = 2; k <= df - 2; k += 2) sum += term *= ((k - 1) / k) * c2;
    return Math.sin(th) * sum;
  }
  let term = Math.cos(th);
  let sum = df > 1 ? term : 0;
  for (let k = 3; k <= df - 2; k += 2) sum += term *= ((k - 1) / k) * c2;
  return (2 / Math.PI) * (th + Math.sin(th) * sum);
}

describe('t975', () => {
  it('matches the textbook values', () => {
    const known: [number, number][] = [[1, 12.706], [2, 4.303], [5, 2.571], [10, 2.228], [30, 2.042], [100, 1.984], [1e9, 1.96], [Infinity, 1.96]];
    for (const [df, t] of known) expect(t975(df), `df ${df}`).toBeCloseTo(t, 3);
    expect(t975(Infinity)).toBe(Z975);
  });

  it('is the 0.975 quantile of the exact CDF to 6 significant digits, table and expansion alike', () => {
    expect(twoSidedCdf(2.5, 7)).toBeCloseTo(0.959, 4); // the CDF itself, against a printed table
    for (let df = 1; df <= 400; df++) {
      let [lo, hi] = [0, 20];
      for (let i = 0; i < 60; i++) [lo, hi] = twoSidedCdf((lo + hi) / 2, df) < 0.95 ? [(lo + hi) / 2, hi] : [lo, (lo + hi) / 2];
      expect(Math.abs(t975(df) / lo - 1), `df ${df}`).toBeLessThan(1e-6);
    }
  });

  it('decreases towards the normal quantile and refuses nonsense', () => {
    for (let df = 1; df < 200; df++) expect(t975(df + 1)).toBeLessThan(t975(df));
    expect(t975(200)).toBeGreaterThan(Z975);
    expect(() => t975(0)).toThrow(RangeError);
    expect(() => t975(2.5)).toThrow(RangeError);
  });
});
