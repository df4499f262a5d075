// The naive baselines on series whose forecasts can be worked by hand, their bounds (never below
// the last value, never above the cap), and the logistic fit on a curve it must recover exactly.
import {describe, expect, it} from 'vitest';
import {BASELINES, fitLogistic, interpolate, lastValue, logistic, logisticToCap, rateOverLast, rateSinceFirstRelease} from '../../src/analysis/baselines.js';
import type {Observation} from '../../src/analysis/fit.js';

// Nothing until day 10, then 100 by day 20, 300 by day 40, 700 by day 60.
const series: Observation[] = [
  {day: 5, cumulative: 0},
  {day: 10, cumulative: 0},
  {day: 20, cumulative: 100},
  {day: 40, cumulative: 300},
  {day: 60, cumulative: 700},
];

describe('rateSinceFirstRelease', () => {
  it('the rate from the first release (day 20, 100) to the last (day 60, 700): 15 a day', () => {
    const b = rateSinceFirstRelease(series, 1000);
    expect(b.fitted).toEqual({rate: 15});
    expect(b.forecast(60)).toBe(700);
    expect(b.forecast(70)).toBe(850);
    expect(b.forecast(80)).toBe(1000);
    expect(b.forecast(200)).toBe(1000); // capped
    expect(b.forecast(50)).toBe(700); // never below the last value
  });

  it('from the first observation when nothing was released yet', () => {
    expect(rateSinceFirstRelease([{day: 1, cumulative: 0}, {day: 9, cumulative: 0}], 10).forecast(20)).toBe(0);
    expect(rateSinceFirstRelease([{day: 1, cumulative: 40}, {day: 9, cumulative: 80}], 1000).fitted).toEqual({rate: 5});
  });
});

describe('rateOverLast', () => {
  it('interpolates the series linearly', () => {
    expect(interpolate(series, 30)).toBe(200);
    expect(interpolate(series, 15)).toBe(50);
    expect(interpolate(series, 40)).toBe(300);
    expect(interpolate(series, 7)).toBe(0);
    expect(interpolate(series, 60)).toBe(700);
  });

  it('30 days: from day 30 (200) to day 60 (700), 50/3 a day', () => {
    const b = rateOverLast(30)(series, 1000);
    expect(b.name).toBe('rate over last 30 days');
    expect(b.fitted.rate).toBeCloseTo(500 / 30, 12);
    expect(b.forecast(66)).toBeCloseTo(800, 9);
    expect(b.forecast(90)).toBe(1000);
  });

  it('45 days: from day 15 (50), 650/45 a day', () => {
    expect(rateOverLast(45)(series, 1000).fitted.rate).toBeCloseTo(650 / 45, 12);
  });

  it('a window longer than the series starts at the first observation', () => {
    expect(rateOverLast(100)(series, 1000).fitted.rate).toBeCloseTo(700 / 55, 12);
    expect(rateOverLast(30)([{day: 3, cumulative: 9}], 100).forecast(50)).toBe(9);
  });

  it('refuses a window that is not a positive number of days', () => {
    expect(() => rateOverLast(0)).toThrow(RangeError);
    expect(() => rateOverLast(-5)).toThrow(RangeError);
  });
});

describe('lastValue', () => {
  it('carries the last value forward', () => {
    const b = lastValue(series, 1000);
    expect(b.forecast(61)).toBe(700);
    expect(b.forecast(1e4)).toBe(700);
  });
});

describe('every baseline', () => {
  const fitted = BASELINES.map((fit) => fit(series, 1000));

  it('has a distinct name and a description of one line', () => {
    expect(new Set(fitted.map((b) => b.name)).size).toBe(BASELINES.length);
    for (const b of fitted) expect(b.description).toMatch(/^[^\n]{20,120}$/);
  });

  it('stays between the last value and the cap, and stays at the last value when it is above the cap', () => {
    for (const b of fitted) {
      for (let day = 61; day <= 400; day += 7) {
        const v = b.forecast(day);
        expect(v, b.name).toBeGreaterThanOrEqual(700);
        expect(v, b.name).toBeLessThanOrEqual(1000);
      }
    }
    for (const fit of BASELINES) expect(fit(series, 500).forecast(90), fit(series, 500).name).toBe(700);
  });

  it('is not falling: a later day is never forecast lower', () => {
    for (const b of fitted) for (let day = 61; day < 400; day++) expect(b.forecast(day + 1), b.name).toBeGreaterThanOrEqual(b.forecast(day));
  });

  it('forecasts 0 with no observations, and refuses days out of order or a bad cap', () => {
    for (const fit of BASELINES) {
      expect(fit([], 1000).forecast(10)).toBe(0);
      expect(() => fit([series[2]!, series[1]!], 1000)).toThrow(/before the one before it/);
      expect(() => fit(series, NaN)).toThrow(/cap/);
    }
  });
});

describe('logisticToCap', () => {
  // Exact points of cap / (1 + exp(−0.08 (t − 50))) with cap 1000.
  const curve = [10, 20, 30, 40, 55].map((day) => ({day, cumulative: logistic(1000, 0.08, 50, day)}));

  it('recovers a logistic curve from its own points', () => {
    const fit = fitLogistic(curve, 1000);
    expect(fit.k).toBeCloseTo(0.08, 8);
    expect(fit.t0).toBeCloseTo(50, 6);
    expect(fit.sse).toBeLessThan(1e-16);
    const b = logisticToCap(curve, 1000);
    expect(b.forecast(80)).toBeCloseTo(1000 / (1 + Math.exp(-0.08 * 30)), 4);
  });

  it('by hand: the curve is half the cap at t0 and 1/(1 + e) of it one 1/k before', () => {
    expect(logistic(1000, 0.08, 50, 50)).toBe(500);
    expect(logistic(1000, 0.08, 50, 50 - 1 / 0.08)).toBeCloseTo(1000 / (1 + Math.E), 9);
  });

  it('on a noisy series, stops where no small move of k or t0 lowers the sum of squares', () => {
    const noisy = [series[2]!, series[3]!, {day: 45, cumulative: 330}, {day: 50, cumulative: 520}, series[4]!];
    const fit = fitLogistic(noisy, 1000);
    const sse = (k: number, t0: number): number => noisy.reduce((s, o) => s + (Math.log1p(logistic(1000, k, t0, o.day)) - Math.log1p(o.cumulative)) ** 2, 0);
    expect(sse(fit.k, fit.t0)).toBeCloseTo(fit.sse, 14);
    for (const [dk, dt] of [[1e-4, 0], [-1e-4, 0], [0, 1e-2], [0, -1e-2], [1e-4, 1e-2], [-1e-4, -1e-2], [1e-4, -1e-2], [-1e-4, 1e-2]] as const) {
      expect(sse(fit.k * (1 + dk), fit.t0 + dt)).toBeGreaterThanOrEqual(fit.sse);
    }
    expect(fitLogistic(noisy, 1000)).toEqual(fit); // deterministic
  });

  it('a fitted curve below the last value stays at the last value', () => {
    // Slow doubling, then a jump on the last day: the curve through the many small points passes under the last one.
    const jump = [{day: 0, cumulative: 1}, {day: 10, cumulative: 3}, {day: 20, cumulative: 7}, {day: 30, cumulative: 15}, {day: 31, cumulative: 2000}];
    const fit = fitLogistic(jump, 5000);
    expect(logistic(5000, fit.k, fit.t0, 40)).toBeLessThan(2000);
    const b = logisticToCap(jump, 5000);
    expect(b.forecast(40)).toBe(2000);
    expect(b.forecast(1000)).toBeCloseTo(5000, 6);
  });
});
