// Fit measures on hand-computed cases.
import {describe, expect, it} from 'vitest';
import {logRmse, medianOf, valueOn} from '../../src/analysis/fit.js';

describe('fit measures', () => {
  it('reads a daily cumulative series on a day, holding the last value', () => {
    const s = [0, 10, 10, 30];
    expect(valueOn(s, 4, 0)).toBe(0);
    expect(valueOn(s, 4, 2)).toBe(10);
    expect(valueOn(s, 4, 4)).toBe(30);
    expect(valueOn(s, 4, 99)).toBe(30);
  });

  it('scores log errors: zero for a perfect fit, symmetric, scale-free', () => {
    const obs = [{day: 1, cumulative: 99}, {day: 2, cumulative: 999}];
    expect(logRmse((d) => (d === 1 ? 99 : 999), obs)).toBe(0);
    const twiceEarly = logRmse((d) => (d === 1 ? 199 : 999), obs);
    expect(twiceEarly).toBeCloseTo(Math.sqrt((Math.log(200 / 100) ** 2) / 2), 12);
    expect(logRmse(() => 0, [{day: 1, cumulative: 0}])).toBe(0);
  });

  it('takes medians of present values', () => {
    expect(medianOf([3, null, 1, 2])).toBe(2);
    expect(medianOf([4, 1])).toBe(2.5);
    expect(medianOf([null])).toBeNull();
  });
});
