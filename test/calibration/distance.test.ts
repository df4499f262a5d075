// The ABC distance, by hand: per side the RMSE of log(1 + releases) at the fitted dates, then the mean over sides.
import {describe, expect, it} from 'vitest';
import {particleDistances, rowDistance} from '../../src/calibration/distance.js';
import {pickByWeight} from '../../src/calibration/predictive.js';
import type {ObservedPoint} from '../../src/calibration/plan.js';

const point = (side: 'government' | 'taliban', date: string, value: number): ObservedPoint => ({side, date, day: 0, value, column: `${side}@${date}`});

describe('rowDistance', () => {
  const fitted = [point('government', '2020-04-01', 99), point('government', '2020-05-01', 999), point('taliban', '2020-05-01', 9)];
  const columns = ['run', 'government@2020-04-01', 'government@2020-05-01', 'taliban@2020-05-01'];
  const d = rowDistance(columns, fitted);
  it('is 0 on the record and the mean of the sides’ log-RMSE elsewhere', () => {
    expect(d([0, 99, 999, 9])).toBe(0);
    const gov = Math.sqrt((Math.log(200 / 100) ** 2 + 0) / 2);
    const tal = Math.abs(Math.log(20 / 10));
    expect(d([0, 199, 999, 19])).toBeCloseTo((gov + tal) / 2, 12);
  });
  it('share-rmse: the errors as shares of each side\'s agreed total', () => {
    const share = rowDistance(columns, fitted, 'share-rmse', {government: 1000, taliban: 100});
    const gov = Math.sqrt(((199 - 99) / 1000) ** 2 / 2);
    const tal = (19 - 9) / 100;
    expect(share([0, 199, 999, 19])).toBeCloseTo((gov + tal) / 2, 12);
  });

  it('is NaN when a value is missing, so such a run is never kept', () => {
    expect(d([0, null, 999, 9])).toBeNaN();
  });
});

describe('particleDistances', () => {
  const fitted = [point('government', '2020-04-01', 99), point('taliban', '2020-05-01', 9)];
  const columns = ['run', 'government@2020-04-01', 'taliban@2020-05-01'];
  it('is each row’s distance with one replicate, and the distance of the median path with more', () => {
    const rows = [[0, 99, 9], [1, 0, 9], [2, 199, 19], [3, 99, 19], [4, 99, 9], [5, 999, 9]];
    expect([...particleDistances(columns, fitted, rows, 1)]).toEqual(rows.map(rowDistance(columns, fitted)));
    // Particle 0: rows 0-2, medians 99 and 9 → 0; particle 1: rows 3-5, medians 99 and 9 → 0 despite the outliers.
    expect([...particleDistances(columns, fitted, rows, 3)]).toEqual([0, 0]);
    // Two replicates: medians are the middle of two values.
    const two = particleDistances(columns, fitted, rows.slice(0, 2), 2);
    expect(two[0]).toBeCloseTo((Math.abs(Math.log1p(49.5) - Math.log(100)) + 0) / 2, 12);
  });
});

describe('pickByWeight', () => {
  it('falls on each particle in proportion to its weight', () => {
    const w = [0.25, 0, 0.75];
    expect(pickByWeight(w, 0)).toBe(0);
    expect(pickByWeight(w, 0.2499)).toBe(0);
    expect(pickByWeight(w, 0.25)).toBe(2);
    expect(pickByWeight(w, 0.999999)).toBe(2);
    expect(pickByWeight([1, 3], 0.5)).toBe(1);
  });
});
