// The percentile bootstrap shared by the sensitivity estimators (docs/sensitivity.md): the
// settings and their checks, resampling indices with replacement, and the interval read from
// the sorted draws by nearest rank.
import {nearestRank} from './nearest-rank.js';

export interface BootstrapOptions {
  /** Bootstrap resamples; 1000 unless given. */
  readonly resamples?: number;
  /** Two-sided confidence of the percentile intervals; 0.95 unless given. */
  readonly confidence?: number;
  /**
   * An input to compare every input with: each index then also gets the interval of its
   * difference from that input's, from the same resamples (a paired comparison).
   */
  readonly reference?: number;
}

/** The options with their defaults, refused with a RangeError naming `caller` when out of range. */
export function bootstrapSettings(caller: string, options: BootstrapOptions): {resamples: number; confidence: number} {
  const {resamples = 1000, confidence = 0.95} = options;
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError(`${caller}: resamples must be a whole number ≥ 1, got ${resamples}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`${caller}: confidence must be in (0, 1), got ${confidence}`);
  return {resamples, confidence};
}

/** Fills `into` with indices drawn uniformly from 0..n−1, with replacement; `next` is uniform in [0, 1). */
export function drawIndices(into: Int32Array, n: number, next: () => number): void {
  for (let j = 0; j < into.length; j++) into[j] = Math.min(n - 1, Math.floor(next() * n));
}

/** The percentile interval of the bootstrap `draws` at `confidence` (sorts them in place). */
export function percentileInterval(draws: Float64Array, confidence: number): [lo: number, hi: number] {
  const sorted = draws.sort();
  const tail = (1 - confidence) / 2;
  return [nearestRank(sorted, tail)!, nearestRank(sorted, 1 - tail)!];
}

/** options.reference checked against the k inputs, or null when not given. */
export function referenceOf(caller: string, options: BootstrapOptions, k: number): number | null {
  const ref = options.reference;
  if (ref === undefined) return null;
  if (!Number.isInteger(ref) || ref < 0 || ref >= k) throw new RangeError(`${caller}: reference must be an input from 0 to ${k - 1}, got ${ref}`);
  return ref;
}
