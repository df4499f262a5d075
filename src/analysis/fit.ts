// Fit measures: how far model runs are from an observed history. Pure functions over plain
// numbers, so the same code scores `parley replay --compare` and the calibration. Stall episodes,
// the record's and the model's, follow the one rule of src/sim/stall.ts.
import type {Episode} from '../sim/stall.js';
import {median} from '../stats/median.js';

export {valueOn} from '../sim/daily-value.js';

/** An observed cumulative count on a day (day 0 = the scenario's start). */
export interface Observation {
  day: number;
  cumulative: number;
}

/**
 * Root-mean-square error on log(1 + cumulative) at the observed days: scale-free, so 20 vs 40
 * early counts as much as 2,000 vs 4,000 later (docs/calibration.md, Method).
 */
export function logRmse(model: (day: number) => number, observed: readonly Observation[]): number {
  if (observed.length === 0) return 0;
  let sum = 0;
  for (const o of observed) {
    const d = Math.log1p(model(o.day)) - Math.log1p(o.cumulative);
    sum += d * d;
  }
  return Math.sqrt(sum / observed.length);
}

export function longest(episodes: readonly Episode[], lastDay: number): number {
  return episodes.reduce((m, e) => Math.max(m, (e.end ?? lastDay) - e.start), 0);
}

/** Median of the present values (null when none). */
export function medianOf(values: readonly (number | null)[]): number | null {
  const v = values.filter((x): x is number => x !== null);
  return v.length === 0 ? null : median(v);
}
