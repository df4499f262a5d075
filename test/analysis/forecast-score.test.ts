// Scoring an ensemble and point forecasts on held-out observations: a case worked by hand, the
// log-RMSE of the median path on the 2020 record, an ensemble of equal members
// scoring as a point, coverage and PIT of a calibrated forecast, and determinism.
import {describe, expect, it} from 'vitest';
import {rateSinceFirstRelease} from '../../src/analysis/baselines.js';
import {logRmse, valueOn, type Observation} from '../../src/analysis/fit.js';
import {median} from '../../src/stats/median.js';
import {runSimulation} from '../../src/sim/run.js';
import {bucketOf, scoreEnsembleForecast, scorePointForecast, type HeldOut} from '../../src/analysis/forecast-score.js';
import {dayOf, loadHistory} from '../../src/history/load.js';
import {SIDES, type Side} from '../../src/history/schema.js';
import {loadScenario} from '../../src/scenario/resolve.js';
import {createRng} from '../../src/sim/rng.js';
import {ensembleWis} from '../../src/stats/interval-score.js';
import {normalQuantile} from '../../src/stats/normal-quantile.js';

const uniform = (seed: string): (() => number) => {
  const rng = createRng(seed);
  return () => rng.next();
};

const tenToOne = Float64Array.from({length: 10}, (_, i) => 10 - i);

describe('scoreEnsembleForecast by hand', () => {
  const obs: HeldOut[] = [
    {side: 'government', day: 110, horizon: 10, value: 12},
    {side: 'government', day: 150, horizon: 50, value: 5},
  ];
  const s = scoreEnsembleForecast(obs, () => tenToOne, () => 0.5);

  it('the ensemble 1..10 at 12 and at 5', () => {
    const gov = s.government!;
    expect(gov.all.n).toBe(2);
    // CRPS: mean |x − y| (6.5 at 12, 2.5 at 5) less Σ_i Σ_j |x_i − x_j| / 200 = 330 / 200.
    expect(gov.all.crps).toBeCloseTo((6.5 - 1.65 + (2.5 - 1.65)) / 2, 12);
    expect(gov.all.wis).toBeCloseTo((ensembleWis([...tenToOne].reverse(), 12) + ensembleWis([...tenToOne].reverse(), 5)) / 2, 12);
    // 12 is outside [3, 8] and [1, 9]; 5 is inside both.
    expect(gov.all.coverage50).toBe(0.5);
    expect(gov.all.coverage80).toBe(0.5);
    // The median is 5.5.
    expect(gov.all.logRmse).toBeCloseTo(Math.sqrt((Math.log(6.5 / 13) ** 2 + Math.log(6.5 / 6) ** 2) / 2), 12);
    // PIT: 1 at 12; (4 below + 0.5 × 1 equal) / 10 = 0.45 at 5.
    expect(gov.all.pit).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
  });

  it('by horizon: the buckets with observations only', () => {
    const gov = s.government!;
    expect(gov.byHorizon.map((h) => h.bucket.label)).toEqual(['1-30', '31-60']);
    expect(gov.byHorizon[0]!.scores.crps).toBeCloseTo(6.5 - 1.65, 12);
    expect(gov.byHorizon[1]!.scores.coverage50).toBe(1);
    expect(gov.byHorizon[1]!.scores.pit).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
  });

  it('a side with no held-out observations has no scores', () => {
    expect(s.taliban).toBeNull();
  });

  it('leaves the ensemble it was given as it was', () => {
    expect([...tenToOne]).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });
});

describe('horizon buckets', () => {
  it('1-30, 31-60, 61-90, 91+', () => {
    expect([1, 30, 30.5, 60, 61, 90, 91, 400].map((h) => bucketOf(h).label)).toEqual(['1-30', '1-30', '31-60', '31-60', '61-90', '61-90', '91+', '91+']);
  });

  it('refuse a horizon that is not after the information day', () => {
    expect(() => bucketOf(0)).toThrow(RangeError);
    expect(() => scorePointForecast([{side: 'taliban', day: 5, horizon: 0, value: 1}], () => 1)).toThrow(/horizon/);
    expect(() => scorePointForecast([{side: 'taliban', day: 5, horizon: 3, value: 1}], () => NaN)).toThrow(/point forecast/);
  });
});

describe('on the 2020 record after 30 June', () => {
  const SCENARIO = 'afghanistan-2020';
  const history = loadHistory(SCENARIO);
  const cutoff = dayOf(history, '2020-06-30');
  const series = (side: Side): Observation[] => history.series[side].map((p) => ({day: dayOf(history, p.date), cumulative: p.cumulative}));
  const inSample = {government: series('government').filter((o) => o.day <= cutoff), taliban: series('taliban').filter((o) => o.day <= cutoff)};
  const outOfSample = {government: series('government').filter((o) => o.day > cutoff), taliban: series('taliban').filter((o) => o.day > cutoff)};
  const heldOut: HeldOut[] = SIDES.flatMap((side) => outOfSample[side].map((o) => ({side, day: o.day, horizon: o.day - cutoff, value: o.cumulative})));
  const config = loadScenario(SCENARIO).config;
  const runs = Array.from({length: 24}, (_, i) => runSimulation({...config, seed: `forecast-score-${i}`}, {stallRisk: false}));
  const at = (side: Side, day: number): Float64Array =>
    Float64Array.from(runs, (r) => valueOn(side === 'government' ? r.daily.govReleased : r.daily.talReleased, r.daily.length, day));

  it("the median's log-RMSE is the log-RMSE of the runs' median path", () => {
    const s = scoreEnsembleForecast(heldOut, (o) => at(o.side, o.day), uniform('forecast-score/2020'));
    for (const side of SIDES) {
      const path = logRmse((day) => median([...at(side, day)]), outOfSample[side]);
      expect(s[side]!.all.n).toBe(outOfSample[side].length);
      expect(s[side]!.all.logRmse).toBeCloseTo(path, 12);
      expect(s[side]!.all.pit.reduce((a, b) => a + b, 0)).toBe(outOfSample[side].length);
      expect(s[side]!.byHorizon.reduce((a, h) => a + h.scores.n, 0)).toBe(outOfSample[side].length);
    }
  });

  it("a baseline's log-RMSE is fit.ts's, and its CRPS and WIS the mean absolute error", () => {
    const cap = {government: 5000, taliban: 1000};
    const fitted = {government: rateSinceFirstRelease(inSample.government, cap.government), taliban: rateSinceFirstRelease(inSample.taliban, cap.taliban)};
    const f = (side: Side, day: number): number => fitted[side].forecast(day);
    const s = scorePointForecast(heldOut, f);
    for (const side of SIDES) {
      const mae = outOfSample[side].reduce((a, o) => a + Math.abs(f(side, o.day) - o.cumulative), 0) / outOfSample[side].length;
      expect(s[side]!.all.logRmse).toBeCloseTo(logRmse((day) => f(side, day), outOfSample[side]), 12);
      expect(s[side]!.all.crps).toBeCloseTo(mae, 9);
      expect(s[side]!.all.wis).toBeCloseTo(mae, 9);
      expect(s[side]!.all).not.toHaveProperty('coverage50');
    }
  });

  it('the same inputs and stream give the same scores', () => {
    const once = (): unknown => scoreEnsembleForecast(heldOut, (o) => at(o.side, o.day), uniform('forecast-score/again'));
    expect(JSON.stringify(once())).toBe(JSON.stringify(once()));
  });
});

describe('an ensemble of equal members', () => {
  it('scores as the point forecast it repeats', () => {
    const obs: HeldOut[] = [3, 20, 45, 70, 120].map((h, i) => ({side: i % 2 ? 'taliban' : 'government', day: 100 + h, horizon: h, value: 200 + 37 * i}));
    const f = (side: Side, day: number): number => (side === 'taliban' ? 250 : 300) + day;
    const point = scorePointForecast(obs, f);
    const ens = scoreEnsembleForecast(obs, (o) => new Float64Array(7).fill(f(o.side, o.day)), () => 0.3);
    for (const side of SIDES) {
      expect(ens[side]!.all.crps).toBeCloseTo(point[side]!.all.crps, 9);
      expect(ens[side]!.all.wis).toBeCloseTo(point[side]!.all.wis, 9);
      expect(ens[side]!.all.logRmse).toBeCloseTo(point[side]!.all.logRmse, 12);
      expect(ens[side]!.byHorizon.map((h) => h.bucket.label)).toEqual(point[side]!.byHorizon.map((h) => h.bucket.label));
    }
  });
});

describe('a calibrated forecast', () => {
  // 3,000 observations, each with a fresh ensemble of 200 draws from Normal(1000, 50) and a value drawn from the same normal.
  const draw = uniform('forecast-score/calibrated');
  const normal = (sigma: number): number => 1000 + sigma * normalQuantile(draw());
  const obs: HeldOut[] = Array.from({length: 3000}, (_, j) => ({side: j % 2 ? 'taliban' : 'government', day: 200 + j, horizon: 1 + (j % 120), value: normal(50)}));
  const ensembles = obs.map(() => Float64Array.from({length: 200}, () => normal(50)));
  const s = scoreEnsembleForecast(obs, (_, i) => ensembles[i]!, draw);

  it('covers about half the observations with its 50% interval and 80% with its 80% interval, on each side and horizon', () => {
    for (const side of SIDES) {
      const all = s[side]!.all;
      // Three binomial standard errors at n = 1,500.
      expect(Math.abs(all.coverage50 - 0.5)).toBeLessThan(3 * Math.sqrt(0.25 / 1500));
      expect(Math.abs(all.coverage80 - 0.8)).toBeLessThan(3 * Math.sqrt(0.16 / 1500));
      expect(s[side]!.byHorizon.map((h) => h.bucket.label)).toEqual(['1-30', '31-60', '61-90', '91+']);
      for (const h of s[side]!.byHorizon) expect(Math.abs(h.scores.coverage80 - 0.8)).toBeLessThan(3 * Math.sqrt(0.16 / h.scores.n));
    }
  });

  it('has a flat PIT histogram (chi-square below its 99.9% point, 27.877 with 9 degrees of freedom)', () => {
    for (const side of SIDES) {
      const h = s[side]!.all.pit;
      const e = 1500 / h.length;
      expect(h.reduce((a, c) => a + (c - e) ** 2 / e, 0)).toBeLessThan(27.877);
    }
  });

  it('scores better than the same forecast too narrow, whose intervals cover less', () => {
    const narrow = scoreEnsembleForecast(obs, (_, i) => ensembles[i]!.map((x) => 1000 + (x - 1000) / 3), uniform('forecast-score/narrow'));
    for (const side of SIDES) {
      expect(narrow[side]!.all.coverage80).toBeLessThan(0.5);
      expect(narrow[side]!.all.crps).toBeGreaterThan(s[side]!.all.crps);
      expect(narrow[side]!.all.wis).toBeGreaterThan(s[side]!.all.wis);
    }
  });
});
