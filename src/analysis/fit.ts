// Fit measures: how far model runs are from an observed history. Pure functions over plain
// numbers, so the same code scores `parley replay --compare` and the calibration.

/** An observed cumulative count on a day (day 0 = the scenario's start). */
export interface Observation {
  day: number;
  cumulative: number;
}

/** The value of a daily cumulative series on `day` (row r = day r + 1); 0 before day 1, the last value after the end. */
export function valueOn(series: ArrayLike<number>, length: number, day: number): number {
  if (day < 1 || length === 0) return 0;
  return series[Math.min(day, length) - 1]!;
}

/**
 * Root-mean-square error on log(1 + cumulative) at the observed days: scale-free, so 20 vs 40
 * early counts as much as 2,000 vs 4,000 later (models.md §6.8).
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

export interface StallDefinition {
  walkoutDays: number;
  noProgressDays: number;
}

export interface Episode {
  start: number;
  end: number | null;
}

/**
 * Stall episodes of an observed history under the model's definition (docs/model.md §5): a stall
 * is on from the day a walk-out has lasted `walkoutDays`, or `noProgressDays` have passed
 * without progress, until neither holds. `progressDays` are the days something moved;
 * `walkouts` are [from, to) day ranges away from the table.
 */
export function stallEpisodes(progressDays: readonly number[], walkouts: readonly {from: number; to: number | null}[], lastDay: number, def: StallDefinition): Episode[] {
  const progress = new Set(progressDays);
  const episodes: Episode[] = [];
  let lastProgress = 0;
  let on = false;
  for (let day = 1; day <= lastDay; day++) {
    if (progress.has(day)) lastProgress = day;
    const away = walkouts.some((w) => day >= w.from && (w.to === null || day < w.to) && day - w.from >= def.walkoutDays);
    const stalled = away || day - lastProgress >= def.noProgressDays;
    if (stalled && !on) episodes.push({start: day, end: null});
    if (!stalled && on) episodes[episodes.length - 1]!.end = day;
    on = stalled;
  }
  return episodes;
}

export function longest(episodes: readonly Episode[], lastDay: number): number {
  return episodes.reduce((m, e) => Math.max(m, (e.end ?? lastDay) - e.start), 0);
}

/** Median of the present values (null when none). */
export function medianOf(values: readonly (number | null)[]): number | null {
  const v = values.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}
