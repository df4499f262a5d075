// The calibration routine: what the objective may see, the naive baselines, the search, and that
// the bundled scenario carries the optimum the routine finds (docs/calibration.md).
import {describe, expect, it} from 'vitest';
import {
  coordinateSearch,
  fitObjective,
  observedRate,
  persistence,
  rateContinued,
  scoreForecast,
  splitAt,
  withoutEventsAfter,
  type ObservedSeries,
} from '../../src/analysis/calibrate.js';
import {BEFORE, calibrate2020, CUTOFF_DATE, observedSeries, SEARCH, SCENARIO} from '../../src/analysis/calibrate-2020.js';
import {dayOf, loadHistory} from '../../src/history/load.js';
import {loadScenario} from '../../src/scenario/resolve.js';

const history = loadHistory(SCENARIO);
const cutoff = dayOf(history, CUTOFF_DATE);
const observed = observedSeries(history);
const seeds = ['t-0', 't-1', 't-2', 't-3'];

/** A copy of the observations with the cumulative count on `date` of `side` replaced. */
function changed(side: 'government' | 'taliban', date: string, cumulative: number): ObservedSeries {
  const day = dayOf(history, date);
  expect(observed[side].some((o) => o.day === day)).toBe(true);
  return {...observed, [side]: observed[side].map((o) => (o.day === day ? {day, cumulative} : o))};
}

describe('the fit objective', () => {
  const {config} = loadScenario(SCENARIO);
  const base = fitObjective(config, observed, cutoff, seeds);

  it('reads no observation after 30 June', () => {
    expect(fitObjective(config, changed('government', '2020-07-01', 100), cutoff, seeds)).toBe(base);
    expect(fitObjective(config, changed('taliban', '2020-09-02', 5), cutoff, seeds)).toBe(base);
  });

  it('reads the observations up to 30 June, on both sides', () => {
    expect(fitObjective(config, changed('government', '2020-06-09', 100), cutoff, seeds)).toBeGreaterThan(base);
    expect(fitObjective(config, changed('taliban', '2020-06-06', 5), cutoff, seeds)).toBeGreaterThan(base);
  });

  it('does not depend on the scheduled events after the cutoff', () => {
    expect(fitObjective(withoutEventsAfter(config, cutoff), observed, cutoff, seeds)).toBe(base);
    expect(withoutEventsAfter(config, cutoff).events.every((e) => e.day <= cutoff)).toBe(true);
    expect(config.events.some((e) => e.day > cutoff)).toBe(true);
  });

  it('splits the record at the cutoff', () => {
    const {inSample, outOfSample} = splitAt(observed, cutoff);
    expect(inSample.government.at(-1)!.cumulative).toBe(3000); // 9 June (T52)
    expect(outOfSample.government[0]!.cumulative).toBe(3895); // 1 July (T56)
    expect(inSample.taliban.length + outOfSample.taliban.length).toBe(observed.taliban.length);
  });
});

describe('naive baselines', () => {
  const series = [
    {day: 10, cumulative: 100},
    {day: 20, cumulative: 300},
    {day: 30, cumulative: 500},
  ];

  it('nothing more: the last value carried forward', () => {
    expect(persistence(series)(31)).toBe(500);
    expect(persistence(series)(300)).toBe(500);
    expect(persistence([])(5)).toBe(0);
  });

  it('the rate continued: the average since the first observation, from the last, capped', () => {
    expect(observedRate(series)).toBe(20);
    const f = rateContinued(series, 1000);
    expect(f(30)).toBe(500);
    expect(f(35)).toBe(600);
    expect(f(55)).toBe(1000);
    expect(f(500)).toBe(1000);
    expect(observedRate(series.slice(0, 1))).toBe(0);
    expect(rateContinued(series, 400)(40)).toBe(500); // already past the cap: stays where it is
  });

  it('scores a forecast: log-RMSE and the error on the last date', () => {
    const obs: ObservedSeries = {government: [{day: 40, cumulative: 700}], taliban: [{day: 40, cumulative: 100}]};
    const s = scoreForecast((side) => (side === 'government' ? 700 : 50), obs);
    expect(s.logRmse.government).toBe(0);
    expect(s.logRmse.taliban).toBeCloseTo(Math.log(101 / 51), 12);
    expect(s.lastError).toEqual({government: 0, taliban: -50});
  });
});

describe('the coordinate search', () => {
  const params = [
    {path: 'a', values: [0, 1, 2, 3, 4, 5]},
    {path: 'b', values: [0.1, 0.2, 0.3]},
    {path: 'c', values: [5, 6, 7, 8]},
  ];

  it('finds the known optimum of a separable objective from any start', () => {
    const f = (p: readonly number[]): number => (p[0]! - 3) ** 2 + 10 * (p[1]! - 0.2) ** 2 + Math.abs(p[2]! - 7);
    for (const start of [
      [0, 0.1, 5],
      [5, 0.3, 8],
    ]) {
      const r = coordinateSearch(params, start, f);
      expect(r.best).toEqual([3, 0.2, 7]);
      expect(r.value).toBeCloseTo(0, 12);
    }
  });

  it('keeps the current value on a tie and stops when a pass moves nothing', () => {
    const r = coordinateSearch(params, [4, 0.3, 6], () => 1);
    expect(r.best).toEqual([4, 0.3, 6]);
    expect(r.cycles).toBe(1);
  });

  it('refuses a start off the grid', () => {
    expect(() => coordinateSearch(params, [2.5, 0.1, 5], () => 0)).toThrow(/not on its grid/);
  });
});

describe('calibrating afghanistan-2020', () => {
  it('is deterministic (a reduced search)', () => {
    const small = {
      params: [SEARCH[0]!, SEARCH[3]!].map((p) => ({...p, values: p.values.filter((_, i) => i % 3 === 0)})),
      start: [80, 50], // on the thinned grids
      fitSeeds: {prefix: 'calibrate', count: 5},
      evalSeeds: {prefix: 'evaluate', count: 5},
    };
    const a = calibrate2020(small);
    expect(a.objective.after).toBeLessThanOrEqual(a.objective.before);
    expect(calibrate2020(small)).toEqual(a);
  });

  it('the bundled scenario carries the optimum the full search finds, and it beats the values before', () => {
    const c = calibrate2020({evalSeeds: {prefix: 'evaluate', count: 1}});
    const scenario = loadScenario(SCENARIO).scenario as unknown as Record<string, unknown>;
    const bundled = SEARCH.map((p) => p.path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], scenario));
    expect(c.before).toEqual([...BEFORE]);
    expect(bundled).toEqual(c.after);
    expect(c.objective.after).toBeLessThan(c.objective.before);
  });
});
