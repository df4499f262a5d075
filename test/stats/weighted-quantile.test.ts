// The weighted quantile: equal weights give the nearest rank (src/stats/nearest-rank.ts), whole
// weights the quantile of the values repeated; it is one of the values, never one of weight 0,
// and rises with q.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {nearestRank} from '../../src/stats/nearest-rank.js';
import {weightedQuantile} from '../../src/stats/weighted-quantile.js';

const values = fc.array(fc.double({min: -1e6, max: 1e6, noNaN: true}), {minLength: 1, maxLength: 40});
const q = fc.double({min: 0, max: 1, noNaN: true});

describe('weightedQuantile', () => {
  it('with equal weights is the nearest rank, whatever the weights sum to', () => {
    // q = (j + f)/n keeps q·n clear of whole numbers, where the two differ only by rounding.
    const sample = values.chain((xs) => fc.tuple(fc.constant(xs), fc.integer({min: 0, max: xs.length - 1}), fc.double({min: 0.01, max: 0.99, noNaN: true})));
    fc.assert(
      fc.property(sample, fc.constantFrom(1, 0.1, 1 / 3, 7), ([xs, j, f], w) => {
        const p = (j + f) / xs.length;
        const sorted = [...xs].sort((a, b) => a - b);
        expect(weightedQuantile(xs, xs.map(() => w), p)).toBe(nearestRank(sorted, p));
      }),
    );
  });

  it('counts a cumulative weight that rounding leaves a hair short of q as reaching it', () => {
    // 0.1 + 0.1 + 0.1 is 0.30000000000000004 and 0.29 · 100 is 28.999999999999996: the third of
    // ten values is the 0.3 quantile, and the 29th of a hundred the 0.29 quantile.
    const ten = Array.from({length: 10}, (_, i) => i + 1);
    expect(weightedQuantile(ten, ten.map(() => 0.1), 0.3)).toBe(3);
    const hundred = Array.from({length: 100}, (_, i) => i + 1);
    expect(weightedQuantile(hundred, hundred.map(() => 0.01), 0.29)).toBe(29);
    expect(weightedQuantile(hundred, hundred.map(() => 0.01), 0.57)).toBe(57);
  });

  it('with whole-number weights is the nearest rank of the values repeated', () => {
    const sample = fc.array(fc.tuple(fc.double({min: -1e6, max: 1e6, noNaN: true}), fc.integer({min: 1, max: 4})), {minLength: 1, maxLength: 40});
    fc.assert(
      fc.property(sample, q, (pairs, p) => {
        const flat = pairs.flatMap(([x, c]) => Array<number>(c).fill(x)).sort((a, b) => a - b);
        // Whole weights sum exactly: the rank is ⌈q·total⌉ with no rounding to forgive, unless q·total is within the slack of a whole number.
        const total = flat.length;
        fc.pre(Math.abs(p * total - Math.round(p * total)) > 1e-9 || Number.isInteger(p * total));
        expect(weightedQuantile(pairs.map((x) => x[0]), pairs.map((x) => x[1]), p)).toBe(nearestRank(flat, p));
      }),
    );
  });

  it('skips values of weight 0 and rises with q', () => {
    expect(weightedQuantile([5, 1, 3], [0, 1, 1], 0)).toBe(1);
    expect(weightedQuantile([5, 1, 3], [0, 1, 1], 1)).toBe(3);
    expect(weightedQuantile([1, 2, 3, 4], [0.1, 0.2, 0.3, 0.4], 0.3)).toBe(2);
    expect(weightedQuantile([1, 2, 3, 4], [0.1, 0.2, 0.3, 0.4], 0.31)).toBe(3);
    let prev = -Infinity;
    for (let p = 0; p <= 1; p += 0.01) {
      const x = weightedQuantile([4, 1, 3, 2], [0.1, 0.4, 0.2, 0.3], p);
      expect(x).toBeGreaterThanOrEqual(prev);
      prev = x;
    }
  });

  it('refuses q outside [0, 1], NaN values and bad weights', () => {
    expect(() => weightedQuantile([1], [1], 1.5)).toThrow(/q must be in \[0, 1\]/);
    expect(() => weightedQuantile([NaN], [1], 0.5)).toThrow(/NaN/);
    expect(() => weightedQuantile([1, 2], [0, 0], 0.5)).toThrow(/positive total/);
  });
});
