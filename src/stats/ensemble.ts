// An ensemble forecast as the scores read it: a non-empty ascending array of finite numbers,
// taken as the empirical distribution that puts mass 1/m on each member. Sorting once lets the
// CRPS, the quantiles and the PIT each read it in one pass (or a binary search).
import {nearestRank} from './nearest-rank.js';

/** The members in ascending order, copied; refused (RangeError) when empty or not all finite. */
export function sortEnsemble(values: ArrayLike<number>): Float64Array {
  const sorted = Float64Array.from(values).sort();
  checkEnsemble('sortEnsemble', sorted);
  return sorted;
}

/** Refuses (RangeError naming `caller`) an ensemble that is empty, not finite or not ascending. */
export function checkEnsemble(caller: string, sorted: ArrayLike<number>): void {
  if (sorted.length === 0) throw new RangeError(`${caller}: the ensemble is empty`);
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i]!;
    if (!Number.isFinite(x)) throw new RangeError(`${caller}: member ${i} is ${x}`);
    if (i > 0 && x < sorted[i - 1]!) throw new RangeError(`${caller}: the ensemble is not in ascending order at member ${i}`);
  }
}

/**
 * The p quantile of the ensemble's empirical distribution, inf{x : F(x) ≥ p}: the nearest rank
 * (src/stats/nearest-rank.ts), always a member. It is the quantile of the same distribution
 * whose CRPS and PIT are scored, so the weighted interval score tends to that CRPS as levels are
 * added (an interpolated quantile would score a different, smoothed distribution). p is lowered
 * by 1e-12 first so that a level like 0.55 with m = 100, whose product rounds to
 * 55.00000000000001, takes rank 55 and not 56.
 */
export function ensembleQuantile(sorted: ArrayLike<number>, p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`ensembleQuantile: p must be in (0, 1), got ${p}`);
  checkEnsemble('ensembleQuantile', sorted);
  return nearestRank(sorted, p - 1e-12)!;
}
