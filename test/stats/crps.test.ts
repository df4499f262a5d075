// The CRPS of an ensemble against the closed form for a normal forecast (Gneiting & Raftery
// 2007), a small ensemble worked by hand, the double-sum definition, and its properties.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {crps, crpsFair, crpsPoint, pairSum} from '../../src/stats/crps.js';
import {sortEnsemble} from '../../src/stats/ensemble.js';
import {normalQuantile} from '../../src/stats/normal-quantile.js';
import {normalCdf, normalCrps} from '../helpers/normal.js';

/** The definition, in O(m²): (1/m) Σ|x_i − y| − (1/(2m²)) Σ_i Σ_j |x_i − x_j| (or over 2m(m − 1), fair). */
function crpsByDefinition(xs: readonly number[], y: number, fair = false): number {
  const m = xs.length;
  let spread = 0;
  for (const a of xs) for (const b of xs) spread += Math.abs(a - b);
  return xs.reduce((s, x) => s + Math.abs(x - y), 0) / m - spread / (fair ? 2 * m * (m - 1) : 2 * m * m);
}

/** m members at the normal quantiles (i − ½)/m: an ensemble whose distribution tends to Normal(mu, sigma). */
const normalEnsemble = (mu: number, sigma: number, m: number): Float64Array => Float64Array.from({length: m}, (_, i) => mu + sigma * normalQuantile((i + 0.5) / m));

const ensembleArb = fc.array(fc.double({min: -1e4, max: 1e4, noNaN: true}), {minLength: 1, maxLength: 40});

describe('the normal helpers of the test', () => {
  it('Φ matches published values', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 14);
    expect(normalCdf(-1.5)).toBeCloseTo(0.0668072012688581, 14);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(2.5)).toBeCloseTo(0.9937903346742238, 14);
  });

  it('the CRPS of N(0, 1) at its mean is (√2 − 1)/√π = 0.2337', () => {
    expect(normalCrps(0, 1, 0)).toBeCloseTo((Math.SQRT2 - 1) / Math.sqrt(Math.PI), 14);
    expect(normalCrps(0, 1, 0)).toBeCloseTo(0.2337, 4);
    expect(normalCrps(5, 3, 5)).toBeCloseTo(3 * 0.23369497725510913, 13);
  });
});

describe('crps', () => {
  it('an ensemble of 10,000 normal quantiles has the closed-form CRPS of the normal', () => {
    const mu = 10;
    const sigma = 2;
    const ens = normalEnsemble(mu, sigma, 10_000);
    for (const z of [-3, -2, -0.7, 0, 0.3, 1.5, 3]) {
      const y = mu + sigma * z;
      expect(Math.abs(crps(ens, y) - normalCrps(mu, sigma, y)), `z = ${z}`).toBeLessThan(1e-6 * sigma);
    }
  });

  it('a small ensemble by hand: {1, 2, 4} at y = 3', () => {
    // (1/3)(2 + 1 + 1) = 4/3; the pairs differ by 1, 3, 2, so Σ_i Σ_j = 12: 12/18 = 2/3 off, or 12/12 = 1 (fair).
    expect(pairSum([1, 2, 4])).toBe(12);
    expect(crps([1, 2, 4], 3)).toBeCloseTo(2 / 3, 14);
    expect(crpsFair([1, 2, 4], 3)).toBeCloseTo(1 / 3, 14);
    // Below the smallest member F is 0: moving y 3 further down adds 3 in full.
    expect(crps([1, 2, 4], -2)).toBeCloseTo(crps([1, 2, 4], 1) + 3, 14);
    expect(crps([1, 2, 4], 1)).toBeCloseTo((0 + 1 + 3) / 3 - 12 / 18, 14);
  });

  it('a point forecast scores its absolute error; so does an ensemble of equal members', () => {
    expect(crpsPoint(7, 3)).toBe(4);
    expect(crpsPoint(-1, 2.5)).toBe(3.5);
    expect(crps([7], 3)).toBe(4);
    expect(crps([250, 250, 250, 250], 1000)).toBe(750);
  });

  it('equals the double-sum definition', () => {
    fc.assert(
      fc.property(ensembleArb, fc.double({min: -2e4, max: 2e4, noNaN: true}), (xs, y) => {
        const sorted = sortEnsemble(xs);
        const scale = 1 + Math.max(Math.abs(y), ...xs.map(Math.abs));
        expect(Math.abs(crps(sorted, y) - crpsByDefinition(xs, y))).toBeLessThan(1e-9 * scale);
        if (xs.length > 1) expect(Math.abs(crpsFair(sorted, y) - crpsByDefinition(xs, y, true))).toBeLessThan(1e-9 * scale);
      }),
      {numRuns: 300},
    );
  });

  it('is never negative, the fair version is never above it, and equal members score as a point', () => {
    fc.assert(
      fc.property(ensembleArb, fc.double({min: -2e4, max: 2e4, noNaN: true}), (xs, y) => {
        const sorted = sortEnsemble(xs);
        const c = crps(sorted, y);
        expect(c).toBeGreaterThanOrEqual(0);
        if (xs.length > 1) expect(crpsFair(sorted, y)).toBeLessThanOrEqual(c);
        const same = new Float64Array(xs.length).fill(xs[0]!);
        expect(crps(same, y)).toBe(crpsPoint(xs[0]!, y));
      }),
      {numRuns: 300},
    );
  });

  it('refuses an empty, unsorted or non-finite ensemble, and a fair score of one member', () => {
    expect(() => crps([], 1)).toThrow(RangeError);
    expect(() => crps([2, 1], 1)).toThrow(/ascending/);
    expect(() => crps([1, NaN], 1)).toThrow(RangeError);
    expect(() => crpsFair([1], 1)).toThrow(/two members/);
  });
});
