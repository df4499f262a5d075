// The priors: densities against scipy and against integrating to 1, draws by the quantile
// function against the analytic (truncated) moments, supports, and the refusal of improper priors.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {checkPriors, drawFromPrior, logDensityOf, logPriorDensity, priorDensity, priorScale, type Prior} from '../../src/stats/prior.js';

/** The mean and sd of draws at the K midpoints u = (i + ½)/K: a quadrature of the prior's moments. */
function quadratureMoments(p: Prior, k = 20_000): {mean: number; sd: number} {
  let s = 0;
  let ss = 0;
  for (let i = 0; i < k; i++) {
    const x = drawFromPrior(p, (i + 0.5) / k);
    s += x;
    ss += x * x;
  }
  const mean = s / k;
  return {mean, sd: Math.sqrt(ss / k - mean * mean)};
}

/** ∫ density over [lo, hi] by the midpoint rule. */
function integral(p: Prior, lo: number, hi: number, steps = 20_000): number {
  const h = (hi - lo) / steps;
  let s = 0;
  for (let i = 0; i < steps; i++) s += Math.exp(logDensityOf(p, lo + (i + 0.5) * h));
  return s * h;
}

const truncated: Prior = {kind: 'normal', mean: 1, sd: 2, lo: 0, hi: 5};

describe('prior densities', () => {
  it('a uniform is 1/(hi − lo) on its closed range and 0 outside', () => {
    const u: Prior = {kind: 'uniform', lo: 2, hi: 6};
    expect(Math.exp(logDensityOf(u, 2))).toBe(0.25);
    expect(Math.exp(logDensityOf(u, 6))).toBe(0.25);
    expect(logDensityOf(u, 6.0000001)).toBe(-Infinity);
    expect(logDensityOf(u, NaN)).toBe(-Infinity);
  });

  it('a normal matches scipy.stats.norm.logpdf, a truncated one truncnorm.pdf', () => {
    expect(logDensityOf({kind: 'normal', mean: 0.5, sd: 2}, 1.3)).toBeCloseTo(-1.6920857137646181, 13);
    // scipy: truncnorm.pdf(2.5, (0 − 1)/2, (5 − 1)/2, loc=1, scale=2)
    expect(Math.exp(logDensityOf(truncated, 2.5))).toBeCloseTo(0.22516216536518613, 13);
    expect(logDensityOf(truncated, -0.001)).toBe(-Infinity);
    expect(logDensityOf(truncated, 5.001)).toBe(-Infinity);
  });

  it('truncated normals integrate to 1 over their support, on one side or both', () => {
    expect(integral(truncated, 0, 5)).toBeCloseTo(1, 7);
    expect(integral({kind: 'normal', mean: 0, sd: 1, lo: 0}, 0, 12)).toBeCloseTo(1, 7);
    expect(integral({kind: 'normal', mean: 0, sd: 1, lo: 5, hi: 6}, 5, 6)).toBeCloseTo(1, 7);
  });

  it('the joint density is the product over parameters, read from an offset', () => {
    const priors: Prior[] = [{kind: 'uniform', lo: 0, hi: 2}, {kind: 'normal', mean: 0, sd: 1}];
    const row = [9, 9, 1.5, 0.3];
    const one = 0.5 * Math.exp(-0.5 * 0.09) / Math.sqrt(2 * Math.PI);
    expect(priorDensity(priors, row, 2)).toBeCloseTo(one, 15);
    expect(logPriorDensity(priors, row, 2)).toBeCloseTo(Math.log(one), 14);
    expect(priorDensity(priors, row, 0)).toBe(0);
  });
});

describe('drawFromPrior', () => {
  // Moments of the truncated normals from scipy.stats.truncnorm.mean/std; the half-normal's are
  // √(2/π) and √(1 − 2/π).
  it.each([
    ['uniform [2, 6]', {kind: 'uniform', lo: 2, hi: 6} as Prior, 4, 4 / Math.sqrt(12)],
    ['normal', {kind: 'normal', mean: -3, sd: 0.5} as Prior, -3, 0.5],
    ['normal on [0, 5]', truncated, 1.8914875565450298, 1.2273448352224992],
    ['half-normal', {kind: 'normal', mean: 0, sd: 1, lo: 0} as Prior, 0.7978845608028654, 0.6028102749890869],
    ['normal on [5, 6] (far upper tail)', {kind: 'normal', mean: 0, sd: 1, lo: 5, hi: 6} as Prior, 5.183147090477182, 0.17161710511611844],
    ['normal on [−6, −5] (far lower tail)', {kind: 'normal', mean: 0, sd: 1, lo: -6, hi: -5} as Prior, -5.183147090477182, 0.17161710511611844],
    ['normal below −1', {kind: 'normal', mean: 3, sd: 0.5, hi: -1} as Prior, -1.06068405611809, null],
  ])('%s: draws at evenly spread u have the analytic mean and sd', (_, p, mean, sd) => {
    const m = quadratureMoments(p);
    expect(Math.abs(m.mean - mean)).toBeLessThan(1e-3 * Math.max(1, Math.abs(mean)));
    if (sd !== null) expect(Math.abs(m.sd - sd) / sd).toBeLessThan(2e-3);
  });

  it('stays in the support for every u in [0, 1), and rises with u', () => {
    const prior = fc.oneof(
      fc.tuple(fc.double({min: -10, max: 10, noNaN: true}), fc.double({min: 0.01, max: 10, noNaN: true})).map(([lo, w]): Prior => ({kind: 'uniform', lo, hi: lo + w})),
      fc
        .tuple(fc.double({min: -5, max: 5, noNaN: true}), fc.double({min: 0.1, max: 3, noNaN: true}), fc.option(fc.double({min: -6, max: 6, noNaN: true})), fc.option(fc.double({min: 0.05, max: 8, noNaN: true})))
        // Bounds in sd units from the mean: lo within 6 sd of it, hi 0.05 to 8 sd above lo (or the mean).
        .map(([mean, sd, a, w]): Prior => {
          const lo = a === null ? undefined : mean + sd * a;
          return {kind: 'normal', mean, sd, ...(lo === undefined ? {} : {lo}), ...(w === null ? {} : {hi: (lo ?? mean) + sd * w})};
        }),
    );
    // Found by this property on a CI run: a truncation 6 to 2 sd below the mean drew, at u = 0, a
    // value an ulp below its lower bound (the rounding of the bound's z back to the scale).
    const tail: Prior = {kind: 'normal', mean: 0, sd: 1.2342004364310757, lo: -7.3762336361122, hi: -2.6474826761653603};
    for (const u of [0, 0.5, 1 - 2 ** -53]) expect(logDensityOf(tail, drawFromPrior(tail, u))).toBeGreaterThan(-Infinity);
    fc.assert(
      fc.property(prior, fc.array(fc.double({min: 0, max: 1 - 2 ** -53, noNaN: true}), {minLength: 2, maxLength: 20}), (p, us) => {
        checkPriors('test', [p]);
        const draws = [0, ...us, 1 - 2 ** -53].sort((a, b) => a - b).map((u) => drawFromPrior(p, u));
        for (const x of draws) expect(logDensityOf(p, x)).toBeGreaterThan(-Infinity);
        // Rises with u up to the rounding of Φ and its inverse: two u an ulp apart near 1 may give
        // draws a few ulps out of order (seen: sd 0.1, u 1 - 2.3e-15 and 1 - 2.1e-15).
        const slack = 1e-12 * (p.kind === 'uniform' ? p.hi - p.lo : p.sd);
        for (let i = 1; i < draws.length; i++) expect(draws[i]).toBeGreaterThanOrEqual(draws[i - 1]! - slack);
      }),
    );
  });
});

describe('checkPriors', () => {
  it.each<[Prior[], RegExp]>([
    [[], /need at least one prior/],
    [[{kind: 'uniform', lo: 1, hi: 1}], /priors\[0\]: a uniform needs finite lo < hi, got \[1, 1\]/],
    [[{kind: 'uniform', lo: 0, hi: Infinity}], /finite lo < hi/],
    [[{kind: 'normal', mean: 0, sd: 1}, {kind: 'normal', mean: 0, sd: 0}], /priors\[1\]: sd must be a finite number > 0, got 0/],
    [[{kind: 'normal', mean: NaN, sd: 1}], /mean must be a finite number/],
    [[{kind: 'normal', mean: 0, sd: 1, lo: 2, hi: 1}], /needs lo < hi, got \[2, 1\]/],
    [[{kind: 'normal', mean: 0, sd: 1, lo: 50, hi: 60}], /\[50, 60\] leaves the normal a probability of 0, below 1e-300/],
    [[{kind: 'normal', mean: 0, sd: 0.1, lo: -3.9, hi: -3.8}], /below 1e-300/],
    [[{kind: 'beta', a: 1, b: 1} as unknown as Prior], /kind must be "uniform" or "normal", got "beta"/],
  ])('refuses %j', (priors, message) => {
    expect(() => checkPriors('abc', priors)).toThrow(message);
  });

  it('a prior’s scale is its range, or its sd unless its truncated range is narrower', () => {
    expect(priorScale({kind: 'uniform', lo: 2, hi: 6})).toBe(4);
    expect(priorScale({kind: 'normal', mean: 0, sd: 3})).toBe(3);
    expect(priorScale({kind: 'normal', mean: 0, sd: 3, lo: 0})).toBe(3);
    expect(priorScale({kind: 'normal', mean: 0, sd: 3, lo: 0, hi: 1})).toBe(1);
  });
});
