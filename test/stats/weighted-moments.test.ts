// Weighted mean, sd and covariance: hand-computed values, equal weights as the plain
// (population) moments, whole-number weights as repetitions, and the refusal of bad weights.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {weightedCovariance, weightedMean, weightedSd} from '../../src/stats/weighted-moments.js';

const repeated = (values: number[], counts: number[]): number[] => values.flatMap((v, i) => Array<number>(counts[i]!).fill(v));

describe('weighted moments', () => {
  it('match values worked by hand', () => {
    // Values 1, 2, 4 with weights 1, 2, 1: mean 9/4; Σ w (x − 9/4)² = 25/16 + 2/16 + 49/16 = 19/4, over 4.
    expect(weightedMean([1, 2, 4], [1, 2, 1])).toBe(2.25);
    expect(weightedSd([1, 2, 4], [1, 2, 1])).toBeCloseTo(Math.sqrt(19 / 16), 14);
    expect(weightedSd([1, 2, 4], [0.25, 0.5, 0.25])).toBeCloseTo(Math.sqrt(19 / 16), 14);
  });

  it('with whole-number weights equal the moments of the values repeated', () => {
    const sample = fc.array(fc.tuple(fc.double({min: -100, max: 100, noNaN: true}), fc.integer({min: 1, max: 5})), {minLength: 1, maxLength: 30});
    fc.assert(
      fc.property(sample, (pairs) => {
        const values = pairs.map((p) => p[0]);
        const counts = pairs.map((p) => p[1]);
        const flat = repeated(values, counts);
        const ones = flat.map(() => 1);
        expect(weightedMean(values, counts)).toBeCloseTo(weightedMean(flat, ones), 9);
        expect(weightedSd(values, counts)).toBeCloseTo(weightedSd(flat, ones), 9);
      }),
    );
  });

  it('with equal weights are the population mean and sd', () => {
    const xs = [2, 4, 4, 4, 5, 5, 7, 9]; // the textbook sample of mean 5 and population sd 2
    expect(weightedMean(xs, xs.map(() => 3))).toBe(5);
    expect(weightedSd(xs, xs.map(() => 3))).toBeCloseTo(2, 14);
  });

  it('covariance: the diagonal is the squared sd of each column, the off-diagonal by hand, symmetric', () => {
    // Rows (0, 0), (1, 2), (2, 1) with weights 1, 1, 2: means (5/4, 1), and cov_xy from its definition.
    const theta = [0, 0, 1, 2, 2, 1];
    const w = [1, 1, 2];
    const cov = weightedCovariance(theta, 2, w);
    const mx = 5 / 4;
    const my = 1;
    const cxy = (1 * (0 - mx) * (0 - my) + 1 * (1 - mx) * (2 - my) + 2 * (2 - mx) * (1 - my)) / 4;
    expect(cov[1]).toBeCloseTo(cxy, 14);
    expect(cov[2]).toBe(cov[1]);
    expect(Math.sqrt(cov[0]!)).toBeCloseTo(weightedSd([0, 1, 2], w), 14);
    expect(Math.sqrt(cov[3]!)).toBeCloseTo(weightedSd([0, 2, 1], w), 14);
  });

  it('keeps its precision far from 0 (two passes)', () => {
    expect(weightedSd([1e9 + 1, 1e9 + 3], [1, 1])).toBe(1);
  });

  it('refuses negative, non-finite or all-zero weights and a length mismatch', () => {
    expect(() => weightedMean([1, 2], [1, -1])).toThrow(/weights must be finite and ≥ 0/);
    expect(() => weightedMean([1, 2], [1, NaN])).toThrow(RangeError);
    expect(() => weightedMean([1, 2], [0, 0])).toThrow(/positive total/);
    expect(() => weightedSd([1, 2], [1])).toThrow(/one weight a value/);
    expect(() => weightedCovariance([1, 2, 3], 2, [1])).toThrow(/rows of 2/);
  });
});
