// Naive point forecasts of one side's cumulative releases, to score the model's forecasts
// against (src/analysis/forecast-score.ts). Each is fitted on the in-sample observations only
// (those dated on or before the information day: the caller splits them, as
// src/calibration/plan.ts does) and knows nothing else: no events, no model. The series is cumulative, so no
// baseline forecasts below the last observed value, nor above the agreed total `cap` (5,000
// government, 1,000 Taliban) unless the last value already is.
import type {Observation} from './fit.js';

/** The daily rate between the first and the last observation (0 with fewer than two days). */
export function observedRate(inSample: readonly Observation[]): number {
  const first = inSample[0];
  const last = inSample.at(-1);
  if (!first || !last || last.day <= first.day) return 0;
  return (last.cumulative - first.cumulative) / (last.day - first.day);
}

/** A fitted baseline: its forecast of the cumulative count on a day after the last observation. */
export interface Baseline {
  /** A short name for a report's table. */
  name: string;
  /** One line for a report: what the forecast assumes. */
  description: string;
  /** What was fitted (a rate a day, the logistic's k and t0), for the report. */
  fitted: Readonly<Record<string, number>>;
  forecast: (day: number) => number;
}

/** A baseline's fit: one side's in-sample observations (ascending days) and its agreed total to a forecast. */
export type BaselineFit = (inSample: readonly Observation[], cap: number) => Baseline;

/** Refuses days out of order and a cap that is not a finite count ≥ 0. */
function check(caller: string, inSample: readonly Observation[], cap: number): void {
  if (!(Number.isFinite(cap) && cap >= 0)) throw new RangeError(`${caller}: cap must be a finite number ≥ 0, got ${cap}`);
  inSample.forEach((o, i) => {
    if (!Number.isFinite(o.day) || !Number.isFinite(o.cumulative)) throw new RangeError(`${caller}: observation ${i} is not finite`);
    if (i > 0 && o.day < inSample[i - 1]!.day) throw new RangeError(`${caller}: observation ${i} (day ${o.day}) is before the one before it`);
  });
}

/** `value` kept between the last observed value and the cap (the last value when it is above the cap). */
const bounded = (value: number, last: number, cap: number): number => Math.max(last, Math.min(cap, value));

/** From the last observation, linear growth at `rate` a day, bounded. */
function continued(last: Observation, rate: number, cap: number): (day: number) => number {
  return (day) => bounded(last.cumulative + rate * Math.max(0, day - last.day), last.cumulative, cap);
}

/** A linear baseline: the rate read by `rateOf` from the observations, continued from the last one. */
function linear(name: string, description: string, rateOf: (inSample: readonly Observation[]) => number): BaselineFit {
  return (inSample, cap): Baseline => {
    check(name, inSample, cap);
    const last = inSample.at(-1);
    if (!last) return {name, description, fitted: {}, forecast: () => 0};
    const rate = rateOf(inSample);
    return {name, description, fitted: {rate}, forecast: continued(last, rate, cap)};
  };
}

/**
 * The average daily rate from the first observation with a release (cumulative > 0; the first
 * observation if none has one) to the last, continued linearly. Leading zeros are left out:
 * days before anything was released would dilute the rate of an exchange that had not begun.
 */
export const rateSinceFirstRelease: BaselineFit = linear(
  'rate since first release',
  'the average daily rate from the first reported release to the last observation, continued linearly',
  (inSample) => {
    const first = inSample.findIndex((o) => o.cumulative > 0);
    return observedRate(inSample.slice(Math.max(0, first)));
  },
);

/** The cumulative count on `day`, interpolated linearly between the observations around it (inside their span). */
export function interpolate(inSample: readonly Observation[], day: number): number {
  let i = 0;
  while (i + 1 < inSample.length && inSample[i + 1]!.day <= day) i++;
  const a = inSample[i]!;
  const b = inSample[i + 1];
  if (!b || day <= a.day) return a.cumulative;
  return a.cumulative + ((b.cumulative - a.cumulative) * (day - a.day)) / (b.day - a.day);
}

/**
 * The average daily rate over the last `days` before the last observation, continued linearly:
 * the recent pace rather than the whole period's. The series is read at lastDay − days by
 * linear interpolation between the observations around it; a window that starts before the
 * first observation starts at the first observation instead.
 */
export function rateOverLast(days: number): BaselineFit {
  if (!(Number.isFinite(days) && days > 0)) throw new RangeError(`rateOverLast: days must be a finite number > 0, got ${days}`);
  return linear(`rate over last ${days} days`, `the average daily rate over the ${days} days before the last observation, continued linearly`, (inSample) => {
    const last = inSample.at(-1)!;
    const from = Math.max(inSample[0]!.day, last.day - days);
    return last.day > from ? (last.cumulative - interpolate(inSample, from)) / (last.day - from) : 0;
  });
}

/** Nothing more happens: the last observed value carried forward. */
export const lastValue: BaselineFit = (inSample, cap) => {
  check('last value', inSample, cap);
  const last = inSample.at(-1)?.cumulative ?? 0;
  return {name: 'last value', description: 'the last observed value carried forward: nothing more is released', fitted: {}, forecast: () => last};
};

/** A logistic curve to the cap and its fit. */
export interface LogisticFit {
  /** Growth rate a day (> 0). */
  k: number;
  /** The day the curve reaches half the cap. */
  t0: number;
  /** The sum of squared residuals on log(1 + cumulative) at the fit. */
  sse: number;
  /** Gauss–Newton iterations taken after the grid. */
  iterations: number;
}

/** cap / (1 + exp(−k (t − t0))). */
export const logistic = (cap: number, k: number, t0: number, t: number): number => cap / (1 + Math.exp(-k * (t - t0)));

/** The grid the fit starts from: k from 0.001 to 1 a day (log-spaced), t0 from a year before the first observation to two after the last. */
const K_GRID = Array.from({length: 61}, (_, i) => Math.log(1e-3) + (i * Math.log(1e3)) / 60);
const T0_BEFORE = 365;
const T0_AFTER = 730;
const T0_STEP = 5;

/**
 * Least squares of log(1 + cap / (1 + exp(−k (t − t0)))) against log(1 + cumulative) (the
 * scale-free measure of src/analysis/fit.ts's logRmse), over θ = (log k, t0), so k stays
 * positive. Deterministic: the best point of a fixed grid (the first in grid order on a tie),
 * then Gauss–Newton, each step halved until it lowers the sum of squares (at most 30 halvings),
 * until a step no longer lowers it by more than a relative 1e-14, or 200 iterations. Every
 * accepted step lowers the sum, so the fit is never worse than the grid's best.
 */
export function fitLogistic(inSample: readonly Observation[], cap: number): LogisticFit {
  check('fitLogistic', inSample, cap);
  if (inSample.length === 0) throw new RangeError('fitLogistic: no observations');
  const t = inSample.map((o) => o.day);
  const target = inSample.map((o) => Math.log1p(o.cumulative));
  const sse = (logK: number, t0: number): number => {
    const k = Math.exp(logK);
    let s = 0;
    for (let i = 0; i < t.length; i++) s += (Math.log1p(logistic(cap, k, t0, t[i]!)) - target[i]!) ** 2;
    return s;
  };

  let best = {logK: K_GRID[0]!, t0: t[0]! - T0_BEFORE, sse: Infinity};
  for (const logK of K_GRID) {
    for (let t0 = t[0]! - T0_BEFORE; t0 <= t.at(-1)! + T0_AFTER; t0 += T0_STEP) {
      const s = sse(logK, t0);
      if (s < best.sse) best = {logK, t0, sse: s};
    }
  }

  let iterations = 0;
  for (; iterations < 200; iterations++) {
    const k = Math.exp(best.logK);
    // Normal equations of the 2-parameter problem: [a b; b c] δ = −g.
    let a = 0;
    let b = 0;
    let c = 0;
    let g1 = 0;
    let g2 = 0;
    for (let i = 0; i < t.length; i++) {
      const share = logistic(1, k, best.t0, t[i]!);
      const f = cap * share;
      const slope = (cap * share * (1 - share)) / (1 + f); // d log(1 + f) / d(k (t − t0))
      const jLogK = slope * k * (t[i]! - best.t0);
      const jT0 = -slope * k;
      const r = Math.log1p(f) - target[i]!;
      a += jLogK * jLogK;
      b += jLogK * jT0;
      c += jT0 * jT0;
      g1 += jLogK * r;
      g2 += jT0 * r;
    }
    const det = a * c - b * b;
    // Flat (the curve saturated at every point) or one direction only: Gauss–Newton has no step.
    if (!(det > 1e-12 * a * c)) break;
    const dLogK = -(c * g1 - b * g2) / det;
    const dT0 = -(a * g2 - b * g1) / det;
    let next = null;
    for (let h = 0, step = 1; h <= 30 && next === null; h++, step /= 2) {
      const s = sse(best.logK + step * dLogK, best.t0 + step * dT0);
      if (s < best.sse) next = {logK: best.logK + step * dLogK, t0: best.t0 + step * dT0, sse: s};
    }
    if (next === null) break;
    const gain = best.sse - next.sse;
    best = next;
    if (gain <= 1e-14 * (best.sse + gain)) break;
  }
  return {k: Math.exp(best.logK), t0: best.t0, sse: best.sse, iterations};
}

/**
 * A logistic curve rising to the cap, cap / (1 + exp(−k (t − t0))), fitted to the in-sample
 * points by fitLogistic and continued: the S-shape an exchange with an agreed total might
 * follow. Bounded like the others, so a curve fitted below the last value stays at it.
 */
export const logisticToCap: BaselineFit = (inSample, cap): Baseline => {
  const name = 'logistic to cap';
  const description = 'a logistic curve rising to the agreed total, fitted by least squares on log(1 + cumulative), continued';
  check(name, inSample, cap);
  const last = inSample.at(-1);
  if (!last) return {name, description, fitted: {}, forecast: () => 0};
  const {k, t0} = fitLogistic(inSample, cap);
  return {name, description, fitted: {k, t0}, forecast: (day) => bounded(logistic(cap, k, t0, day), last.cumulative, cap)};
};

/** The baselines a calibration report scores, in the order of its table. */
export const BASELINES: readonly BaselineFit[] = [rateSinceFirstRelease, rateOverLast(30), rateOverLast(45), lastValue, logisticToCap];
