// Fit measures on hand-computed cases.
import {describe, expect, it} from 'vitest';
import {logRmse, longest, medianOf, stallEpisodes, valueOn} from '../../src/analysis/fit.js';

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

  it('finds stall episodes under the definition: no progress, and long walk-outs', () => {
    // Progress on days 1 and 20; a walk-out from day 5 to day 12 (7-day threshold); 14 days no progress.
    const eps = stallEpisodes([1, 20], [{from: 5, to: 12}], 40, {walkoutDays: 7, noProgressDays: 14});
    // Walk-out stall from day 12? It ends on day 12 (returned), so it never reaches 7 days away: no.
    // No progress from day 1: stalled from day 15 to day 20; again from day 34 (20 + 14).
    expect(eps).toEqual([{start: 15, end: 20}, {start: 34, end: null}]);
    expect(longest(eps, 40)).toBe(6);
    const walk = stallEpisodes([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], [{from: 2, to: 12}], 16, {walkoutDays: 7, noProgressDays: 14});
    expect(walk).toEqual([{start: 9, end: 12}]);
  });

  it('takes medians of present values', () => {
    expect(medianOf([3, null, 1, 2])).toBe(2);
    expect(medianOf([4, 1])).toBe(2.5);
    expect(medianOf([null])).toBeNull();
  });
});
