// Weighted histograms: each bin holds its share of the total weight, the edges (hi in the last
// bin, outside dropped), and the 2-d histogram's margins are the 1-d histograms.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {binOf, histogram, histogram2d} from '../../src/stats/weighted-histogram.js';

describe('histogram', () => {
  it('puts each value by its weight share into its bin; hi is in the last bin, outside is dropped', () => {
    const h = histogram([0, 0.5, 1, 2, -1, 0.25], [1, 1, 1, 1, 1, 3], 0, 1, 4);
    // Total weight 8: 0 → bin 0, 0.25 (×3) → bin 1, 0.5 → bin 2, 1 → bin 3; 2 and −1 are outside.
    expect([...h]).toEqual([1 / 8, 3 / 8, 1 / 8, 1 / 8]);
    expect(binOf(NaN, {lo: 0, hi: 1, bins: 2})).toBe(-1);
  });

  it('sums to 1 when the range holds every value', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({min: 0, max: 10, noNaN: true}), fc.double({min: 0.01, max: 5, noNaN: true})), {minLength: 1, maxLength: 50}), fc.integer({min: 1, max: 20}), (pairs, bins) => {
        const h = histogram(pairs.map((p) => p[0]), pairs.map((p) => p[1]), 0, 10, bins);
        expect(h.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      }),
    );
  });

  it('2-d: cell y·xBins + x, and its margins are the 1-d histograms', () => {
    const xs = [0.1, 0.9, 0.9, 0.4, 0.6];
    const ys = [0.1, 0.1, 0.8, 0.8, 0.5];
    const w = [1, 2, 3, 4, 5];
    const x = {lo: 0, hi: 1, bins: 2};
    const y = {lo: 0, hi: 1, bins: 3};
    const h = histogram2d(xs, ys, w, x, y);
    expect(h[0 * 2 + 0]).toBeCloseTo(1 / 15, 15); // (0.1, 0.1)
    expect(h[0 * 2 + 1]).toBeCloseTo(2 / 15, 15); // (0.9, 0.1)
    expect(h[2 * 2 + 1]).toBeCloseTo(3 / 15, 15); // (0.9, 0.8)
    expect(h[1 * 2 + 1]).toBeCloseTo(5 / 15, 15); // (0.6, 0.5)
    const hx = histogram(xs, w, 0, 1, 2);
    const hy = histogram(ys, w, 0, 1, 3);
    for (let i = 0; i < 2; i++) expect(h[i]! + h[2 + i]! + h[4 + i]!).toBeCloseTo(hx[i]!, 15);
    for (let j = 0; j < 3; j++) expect(h[j * 2]! + h[j * 2 + 1]!).toBeCloseTo(hy[j]!, 15);
  });

  it('refuses bad ranges, bin counts and lengths', () => {
    expect(() => histogram([1], [1], 1, 1, 2)).toThrow(/lo < hi/);
    expect(() => histogram([1], [1], 0, 1, 0)).toThrow(/bins must be/);
    expect(() => histogram2d([1, 2], [1], [1, 1], {lo: 0, hi: 1, bins: 1}, {lo: 0, hi: 1, bins: 1})).toThrow(/2 x values but 1 y/);
  });
});
