// An ensemble as the scores read it: sorted copies, the checks, nearest-rank quantiles and the
// central intervals built on them.
import {describe, expect, it} from 'vitest';
import {centralInterval, covers} from '../../src/stats/central-interval.js';
import {checkEnsemble, ensembleQuantile, sortEnsemble} from '../../src/stats/ensemble.js';

const oneToTen = Float64Array.from({length: 10}, (_, i) => i + 1);

describe('sortEnsemble and checkEnsemble', () => {
  it('sort a copy numerically, leaving the input as it was', () => {
    const xs = [10, 9, 100, -1, 9];
    expect([...sortEnsemble(xs)]).toEqual([-1, 9, 9, 10, 100]);
    expect(xs).toEqual([10, 9, 100, -1, 9]);
  });

  it('refuse an empty, non-finite or unsorted ensemble, naming the caller', () => {
    expect(() => sortEnsemble([])).toThrow(/sortEnsemble: the ensemble is empty/);
    expect(() => sortEnsemble([1, Infinity])).toThrow(RangeError);
    expect(() => checkEnsemble('here', [1, 3, 2])).toThrow(/here: the ensemble is not in ascending order at member 2/);
    expect(() => checkEnsemble('here', [1, 1, 2])).not.toThrow();
  });
});

describe('ensembleQuantile', () => {
  it('is the nearest rank, inf{x : F(x) ≥ p}: a member, never interpolated', () => {
    expect(ensembleQuantile(oneToTen, 0.5)).toBe(5); // F(5) = 0.5
    expect(ensembleQuantile(oneToTen, 0.51)).toBe(6);
    expect(ensembleQuantile(oneToTen, 0.01)).toBe(1);
    expect(ensembleQuantile(oneToTen, 0.99)).toBe(10);
    expect(ensembleQuantile([4, 4, 4, 9], 0.75)).toBe(4);
  });

  it('is not thrown off by a product that rounds above a whole rank', () => {
    expect(0.55 * 100).toBeGreaterThan(55); // 55.00000000000001
    expect(ensembleQuantile(Float64Array.from({length: 100}, (_, i) => i + 1), 0.55)).toBe(55);
    expect(ensembleQuantile(Float64Array.from({length: 200}, (_, i) => i + 1), 0.55)).toBe(110);
  });

  it('refuses p outside (0, 1)', () => {
    expect(() => ensembleQuantile(oneToTen, 0)).toThrow(RangeError);
    expect(() => ensembleQuantile(oneToTen, 1)).toThrow(RangeError);
  });
});

describe('centralInterval and covers', () => {
  it('read the two quantiles of the interval, and cover it closed', () => {
    expect(centralInterval(oneToTen, 0.8)).toEqual([1, 9]); // the 10% and 90% quantiles
    expect(centralInterval(oneToTen, 0.5)).toEqual([3, 8]); // 25%: rank 3; 75%: rank 8
    expect(covers(oneToTen, 8, 0.5)).toBe(true);
    expect(covers(oneToTen, 3, 0.5)).toBe(true);
    expect(covers(oneToTen, 8.5, 0.5)).toBe(false);
    expect(covers(oneToTen, 2, 0.5)).toBe(false);
    expect(covers([5], 5, 0.8)).toBe(true);
  });

  it('refuse a level outside (0, 1)', () => {
    expect(() => centralInterval(oneToTen, 1)).toThrow(RangeError);
    expect(() => covers(oneToTen, 1, 0)).toThrow(RangeError);
  });
});
