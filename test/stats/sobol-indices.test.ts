// Sobol indices against the published analytic values (docs/sensitivity.md §"Sobol indices"):
// the Ishigami function and Sobol's g-function, then properties on random additive and
// multiplicative functions, an ignored input, and reproducibility.
// Each wrong estimator tried fails here: f(A) for f(B) in S1, V for 2V in ST, a mean shifted in V.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {createRng} from '../../src/sim/rng.js';
import {saltelli, type SaltelliDesign} from '../../src/stats/saltelli.js';
import {sobolIndices, type SobolIndex, type SobolOptions} from '../../src/stats/sobol-indices.js';

const uniform = (seed: string) => {
  const rng = createRng(seed);
  return () => rng.next();
};

/** f on every row of every matrix of the design, then the indices. */
function analyse(d: SaltelliDesign, f: (x: Float64Array) => number, seed: string, options?: SobolOptions) {
  const run = (m: Float64Array) => Float64Array.from({length: d.n}, (_, j) => f(m.subarray(j * d.k, (j + 1) * d.k)));
  return sobolIndices(run(d.a), run(d.b), d.ab.map(run), uniform(`${seed}/bootstrap`), options);
}

/** The estimates lie within their intervals' reach of the analytic values and within `tol`. */
function expectNear(got: readonly SobolIndex[], s1: readonly number[], st: readonly number[], tol: number) {
  got.forEach((g, i) => {
    expect(g.s1Lo, `S1 of x${i + 1}`).toBeLessThanOrEqual(s1[i]!);
    expect(g.s1Hi, `S1 of x${i + 1}`).toBeGreaterThanOrEqual(s1[i]!);
    expect(g.stLo, `ST of x${i + 1}`).toBeLessThanOrEqual(st[i]!);
    expect(g.stHi, `ST of x${i + 1}`).toBeGreaterThanOrEqual(st[i]!);
    expect(Math.abs(g.s1 - s1[i]!), `S1 of x${i + 1}`).toBeLessThan(tol);
    expect(Math.abs(g.st - st[i]!), `ST of x${i + 1}`).toBeLessThan(tol);
  });
}

// Ishigami & Homma (1990), a = 7, b = 0.1, x_i ~ U(-π, π); the indices as published in
// Saltelli et al. 2010 (and SALib's reference values).
const ishigami = (u: Float64Array) => {
  const [x1, x2, x3] = [...u].map((v) => Math.PI * (2 * v - 1)) as [number, number, number];
  return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
};
const ISHIGAMI_S1 = [0.3139, 0.4424, 0];
const ISHIGAMI_ST = [0.5576, 0.4424, 0.2437];

// Sobol's g-function (Sobol' 1993; Saltelli & Sobol' 1995): prod_i (|4x_i - 2| + a_i) / (1 + a_i).
const G_A = [0, 1, 4.5, 9, 99, 99, 99, 99];
const gFunction = (x: Float64Array) => G_A.reduce((p, a, i) => (p * (Math.abs(4 * x[i]! - 2) + a)) / (1 + a), 1);
const gVi = G_A.map((a) => 1 / (3 * (1 + a) ** 2));
const gV = gVi.reduce((p, v) => p * (1 + v), 1) - 1;
const G_S1 = gVi.map((v) => v / gV);
const G_ST = gVi.map((v, i) => (v * gVi.reduce((p, w, j) => (j === i ? p : p * (1 + w)), 1)) / gV);

describe('sobolIndices against the analytic values', () => {
  it('Ishigami: S1 = 0.3139, 0.4424, 0 and ST = 0.5576, 0.4424, 0.2437 within their 95% intervals', () => {
    const {indices, variance} = analyse(saltelli(10_000, 3, uniform('ishigami')), ishigami, 'ishigami');
    // V = a^2/8 + b π^4/5 + b^2 π^8/18 + 1/2.
    expect(variance).toBeCloseTo(49 / 8 + (0.1 * Math.PI ** 4) / 5 + (0.01 * Math.PI ** 8) / 18 + 0.5, 0);
    expectNear(indices, ISHIGAMI_S1, ISHIGAMI_ST, 0.03);
    // x1 and x3 interact (ST > S1 clearly), x2 does not: the two estimators are not the same sum.
    expect(indices[0]!.stLo).toBeGreaterThan(indices[0]!.s1Hi);
    expect(indices[2]!.stLo).toBeGreaterThan(indices[2]!.s1Hi);
  });

  it('Ishigami with the columns of A_B^(i) mismatched misses the published values (the check can fail)', () => {
    const d = saltelli(10_000, 3, uniform('ishigami'));
    const swapped = {...d, ab: [d.ab[2]!, d.ab[1]!, d.ab[0]!]};
    const {indices} = analyse(swapped, ishigami, 'ishigami');
    expect(() => expectNear(indices, ISHIGAMI_S1, ISHIGAMI_ST, 0.03)).toThrow();
  });

  it('g-function, a = [0, 1, 4.5, 9, 99, 99, 99, 99]: S1 and ST within their intervals of the analytic values', () => {
    expect(G_S1[0]).toBeCloseTo(0.7165, 3); // the analytic values themselves, as tabulated
    // Sixteen intervals at once: each at 1 - 0.05/16 (Bonferroni) so that the family holds at 95%.
    // At 95% each, S1 of x5 (analytic 7e-5) falls just outside its interval [-0.0010, 0.0000] with this seed.
    const {indices} = analyse(saltelli(10_000, 8, uniform('g-function')), gFunction, 'g-function', {confidence: 1 - 0.05 / 16});
    expectNear(indices, G_S1, G_ST, 0.03);
    // The inputs with a = 99 are all but inert; x1 (a = 0) dominates.
    for (const g of indices.slice(4)) expect(g.st).toBeLessThan(0.001);
    expect(indices[0]!.s1Lo).toBeGreaterThan(0.6);
  });
});

// Random test functions on k = 4 inputs, the last of which they ignore.
const coefficients = fc.array(fc.double({min: 0.2, max: 3, noNaN: true}), {minLength: 3, maxLength: 3});
const additive = (c: number[]) => (x: Float64Array) => c.reduce((s, ci, i) => s + ci * x[i]! + 0.5 * ci * x[i]! ** 2, 0);
const multiplicative = (c: number[]) => (x: Float64Array) => c.reduce((p, ci, i) => p * (1 + ci * x[i]!), 1);

describe('sobolIndices properties', () => {
  const small = {resamples: 200};
  for (const [name, make] of [['additive', additive], ['multiplicative', multiplicative]] as const) {
    it(`${name}: ST_i >= S1_i - the width of S1_i's interval, and the ignored input is exactly 0`, () => {
      fc.assert(
        fc.property(coefficients, fc.integer({min: 0, max: 1e6}), (c, seed) => {
          const {indices} = analyse(saltelli(1000, 4, uniform(`p${seed}`)), make(c), `p${seed}`, small);
          for (const g of indices) expect(g.st).toBeGreaterThanOrEqual(g.s1 - (g.s1Hi - g.s1Lo));
          // f(A_B^(4)) = f(A) row for row, so both sums vanish term by term (an estimator that
          // subtracts a squared mean, as Sobol' 1993's, would give noise here instead).
          expect(indices[3]).toEqual({s1: 0, s1Lo: 0, s1Hi: 0, st: 0, stLo: 0, stHi: 0});
          // The inputs the function uses are not mistaken for ignored ones.
          for (const g of indices.slice(0, 3)) expect(g.stLo).toBeGreaterThan(0);
        }),
        {numRuns: 25},
      );
    });
  }

  it('an additive function has no interactions: ST within noise of S1 for every input', () => {
    const {indices} = analyse(saltelli(5000, 4, uniform('additive')), additive([1, 2, 0.5]), 'additive', small);
    for (const g of indices) expect(Math.abs(g.st - g.s1)).toBeLessThanOrEqual(g.s1Hi - g.s1Lo);
    expect(indices.reduce((s, g) => s + g.s1, 0)).toBeCloseTo(1, 1);
  });

  it('same seeds, identical indices; another bootstrap seed, other intervals', () => {
    const d = saltelli(500, 3, uniform('det'));
    const one = analyse(d, ishigami, 'det', small);
    expect(analyse(saltelli(500, 3, uniform('det')), ishigami, 'det', small)).toEqual(one);
    const other = analyse(d, ishigami, 'other', small);
    expect(other.indices.map((g) => g.s1)).toEqual(one.indices.map((g) => g.s1));
    expect(other.indices.map((g) => g.s1Lo)).not.toEqual(one.indices.map((g) => g.s1Lo));
  });

  it('a constant output gives 0 everywhere; mismatched lengths and bad options are refused', () => {
    const c = new Float64Array(10).fill(3);
    const r = sobolIndices(c, c, [c], uniform('c'), small);
    expect(r.variance).toBe(0);
    expect(r.indices[0]).toEqual({s1: 0, s1Lo: 0, s1Hi: 0, st: 0, stLo: 0, stHi: 0});
    expect(() => sobolIndices(c, c.subarray(1), [c], uniform('c'))).toThrow(/must have 10 rows/);
    expect(() => sobolIndices(c, c, [c], uniform('c'), {confidence: 1})).toThrow(/confidence/);
    expect(() => sobolIndices(c, c, [c], uniform('c'), {resamples: 0})).toThrow(/resamples/);
  });
});

describe('sobolIndices: the paired comparison with a reference input', () => {
  it('an input that matters rises above an ignored one; the ignored one does not rise above itself', () => {
    const {indices} = analyse(saltelli(800, 4, uniform('ref')), additive([1, 2, 0.5]), 'ref', {resamples: 300, reference: 3});
    for (const g of indices.slice(0, 3)) {
      expect(g.diffLo).toBeGreaterThan(0);
      expect(g.diffLo!).toBeLessThanOrEqual(g.st - indices[3]!.st);
      expect(g.diffHi!).toBeGreaterThanOrEqual(g.st - indices[3]!.st);
    }
    expect([indices[3]!.diffLo, indices[3]!.diffHi]).toEqual([0, 0]);
    // Against a reference that dominates, every other input is below it.
    const vsFirst = analyse(saltelli(800, 4, uniform('ref')), additive([3, 0.3, 0.3]), 'ref', {resamples: 300, reference: 0}).indices;
    for (const g of vsFirst.slice(1)) expect(g.diffHi).toBeLessThan(0);
    expect(() => analyse(saltelli(10, 4, uniform('ref')), additive([1, 1, 1]), 'ref', {reference: 4})).toThrow(/reference must be an input from 0 to 3, got 4/);
  });
});
