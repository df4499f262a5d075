// Calibration to observations up to a cutoff day, and scores after it beside naive baselines.
// Pure and deterministic: the seeds are given, the search is a fixed grid walk, and nothing here
// reads files or the clock (calibrate-2020.ts sets up the bundled case, src/cli/scripts/calibrate.ts prints).
import {SIDES, type Side} from '../history/schema.js';
import type {SimConfig} from '../sim/config.js';
import {runSimulation, type DailySeries} from '../sim/run.js';
import {logRmse, medianOf, valueOn, type Observation} from './fit.js';

export type ObservedSeries = Record<Side, readonly Observation[]>;
export type SideScores = Record<Side, number>;
/** A forecast of cumulative releases: side and day to a count. */
export type Forecast = (side: Side, day: number) => number;

/** One searched parameter: its `--set` path and the grid of values tried, in order. */
export interface GridParam {
  path: string;
  values: readonly number[];
}

/** A point of the search: one value per parameter, in the order of the parameters. */
export type Point = readonly number[];

export interface SearchResult {
  best: number[];
  value: number;
  /** Distinct points evaluated. */
  evaluations: number;
  /** Full passes over the parameters, the last of which moved nothing. */
  cycles: number;
}

/** The observations on or before `cutoffDay` (in sample) and after it (out of sample). */
export function splitAt(obs: ObservedSeries, cutoffDay: number): {inSample: ObservedSeries; outOfSample: ObservedSeries} {
  const part = (keep: (day: number) => boolean): ObservedSeries => ({
    government: obs.government.filter((o) => keep(o.day)),
    taliban: obs.taliban.filter((o) => keep(o.day)),
  });
  return {inSample: part((d) => d <= cutoffDay), outOfSample: part((d) => d > cutoffDay)};
}

/** `--set` texts for a point: what reproduces it on the command line. */
export function toOverrides(params: readonly GridParam[], point: Point): string[] {
  return params.map((p, i) => `${p.path}=${point[i]}`);
}

/** Log-RMSE of one run's cumulative releases on each side at the observed days. */
export function scoreRun(daily: DailySeries, obs: ObservedSeries): SideScores {
  return {
    government: logRmse((day) => valueOn(daily.govReleased, daily.length, day), obs.government),
    taliban: logRmse((day) => valueOn(daily.talReleased, daily.length, day), obs.taliban),
  };
}

/**
 * The calibration objective: the mean over `seeds` (the same seeds for every candidate: common
 * random numbers) of the mean of the two sides' log-RMSE, at the observed days up to
 * `cutoffDay` only. Runs stop at the cutoff, so nothing after it can reach the score.
 */
export function fitObjective(config: SimConfig, obs: ObservedSeries, cutoffDay: number, seeds: readonly string[]): number {
  const {inSample} = splitAt(obs, cutoffDay);
  let sum = 0;
  for (const seed of seeds) {
    const run = runSimulation({...config, seed, days: Math.min(config.days, cutoffDay)}, {stallRisk: false});
    const s = scoreRun(run.daily, inSample);
    sum += (s.government + s.taliban) / 2;
  }
  return sum / seeds.length;
}

/**
 * Cyclic coordinate search on grids: for each parameter in turn, try every value of its grid
 * with the others held, and move to the best; repeat until a whole pass moves nothing. Ties keep
 * the current value (else the first in grid order), so the walk is deterministic. Local: it
 * finds a point no single-parameter change improves, not necessarily the grid's best.
 */
export function coordinateSearch(params: readonly GridParam[], start: Point, f: (p: Point) => number, maxCycles = 20): SearchResult {
  params.forEach((p, i) => {
    if (!p.values.includes(start[i]!)) throw new RangeError(`${p.path}: start value ${start[i]} is not on its grid`);
  });
  const seen = new Map<string, number>();
  const value = (p: Point): number => {
    const key = p.join(',');
    let v = seen.get(key);
    if (v === undefined) seen.set(key, (v = f(p)));
    return v;
  };
  const best = [...start];
  let bestValue = value(best);
  let cycles = 0;
  for (let moved = true; moved && cycles < maxCycles; ) {
    moved = false;
    cycles++;
    params.forEach((param, i) => {
      for (const v of param.values) {
        const trial = best.map((x, k) => (k === i ? v : x));
        const tv = value(trial);
        if (tv < bestValue) {
          bestValue = tv;
          best[i] = v;
          moved = true;
        }
      }
    });
  }
  return {best, value: bestValue, evaluations: seen.size, cycles};
}

/** The scheduled events after `cutoffDay` removed: what the model knows of the future that a baseline does not. */
export function withoutEventsAfter(config: SimConfig, cutoffDay: number): SimConfig {
  return {...config, events: config.events.filter((e) => e.day <= cutoffDay)};
}

/** Naive baseline: nothing more happens; the last observed value is carried forward. */
export function persistence(inSample: readonly Observation[]): (day: number) => number {
  const last = inSample.at(-1)?.cumulative ?? 0;
  return () => last;
}

/** The daily rate between the first and the last observation (0 with fewer than two days). */
export function observedRate(inSample: readonly Observation[]): number {
  const first = inSample[0];
  const last = inSample.at(-1);
  if (!first || !last || last.day <= first.day) return 0;
  return (last.cumulative - first.cumulative) / (last.day - first.day);
}

/**
 * Naive baseline: the fitted period's rate continued. From the last observation, cumulative
 * releases grow linearly at the average daily rate since the first one, up to `cap` (the agreed
 * total). Meant for days after the last observation.
 */
export function rateContinued(inSample: readonly Observation[], cap: number): (day: number) => number {
  const last = inSample.at(-1);
  if (!last) return () => 0;
  const rate = observedRate(inSample);
  return (day) => Math.min(Math.max(cap, last.cumulative), last.cumulative + rate * Math.max(0, day - last.day));
}

export interface ForecastScore {
  logRmse: SideScores;
  /** Forecast minus observed, in prisoners, at each side's last observed day. */
  lastError: SideScores;
}

/** Scores a single forecast path on each side's observations. */
export function scoreForecast(forecast: Forecast, obs: ObservedSeries): ForecastScore {
  const logs = {} as SideScores;
  const lastError = {} as SideScores;
  for (const side of SIDES) {
    logs[side] = logRmse((day) => forecast(side, day), obs[side]);
    const last = obs[side].at(-1);
    lastError[side] = last ? forecast(side, last.day) - last.cumulative : 0;
  }
  return {logRmse: logs, lastError};
}

export interface EnsembleScore {
  /** The path of the median over seeds at each observed day, scored like a single forecast. */
  median: ForecastScore;
  /** The mean over seeds of each run's scores (the last error as a mean absolute error). */
  perSeedMean: ForecastScore;
}

/** A run kept for scoring: its daily series and the day the exchange completed (null if it did not). */
export interface EnsembleRun {
  daily: DailySeries;
  complete: number | null;
}

/** Runs `config` over `seeds`, to the scenario's horizon. */
export function runEnsemble(config: SimConfig, seeds: readonly string[]): EnsembleRun[] {
  return seeds.map((seed) => {
    const {state, daily} = runSimulation({...config, seed}, {stallRisk: false});
    return {daily, complete: state.outcome === 'complete' ? state.outcomeDay : null};
  });
}

/** Scores runs on a set of observations: the median path, and the mean of each run's scores. */
export function scoreEnsemble(runs: readonly EnsembleRun[], obs: ObservedSeries): EnsembleScore {
  const at = (d: DailySeries, side: Side, day: number): number => valueOn(side === 'government' ? d.govReleased : d.talReleased, d.length, day);
  const median: Forecast = (side, day) => medianOf(runs.map((r) => at(r.daily, side, day))) ?? 0;
  const per = runs.map((r) => scoreForecast((side, day) => at(r.daily, side, day), obs));
  const mean = (pick: (s: ForecastScore) => number): number => per.reduce((a, s) => a + pick(s), 0) / per.length;
  return {
    median: scoreForecast(median, obs),
    perSeedMean: {
      logRmse: {government: mean((s) => s.logRmse.government), taliban: mean((s) => s.logRmse.taliban)},
      lastError: {government: mean((s) => Math.abs(s.lastError.government)), taliban: mean((s) => Math.abs(s.lastError.taliban))},
    },
  };
}
