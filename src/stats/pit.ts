// The probability integral transform of an observation under an ensemble forecast, and its
// histogram. Under a calibrated forecast the PIT is uniform on [0, 1]; a U shape says the
// forecast is too narrow, a hump too wide, a slope biased. Members of a forecast of whole counts
// often equal the observation: the randomised PIT (as in Czado, Gneiting & Held 2009, Biometrics
// 65) spreads such ties uniformly, which keeps it uniform for a discrete forecast too.
import {checkEnsemble} from './ensemble.js';

/** The number of members below `y` (or at most `y`, with `orEqual`): a binary search of the ascending ensemble. */
function countBelow(sorted: ArrayLike<number>, y: number, orEqual: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const x = sorted[mid]!;
    if (x < y || (orEqual && x === y)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The randomised PIT: (members below y + u · members equal to y) / m, u uniform in [0, 1) from
 * `next`. It draws one u on every call, ties or not, so the stream's position never depends on
 * the data.
 */
export function randomisedPit(sorted: ArrayLike<number>, y: number, next: () => number): number {
  checkEnsemble('randomisedPit', sorted);
  const u = next();
  const below = countBelow(sorted, y, false);
  const equal = countBelow(sorted, y, true) - below;
  return (below + u * equal) / sorted.length;
}

/** Counts of PIT values in `bins` equal bins of [0, 1]: [0, 1/b), …, [(b − 1)/b, 1], 1 in the last. */
export function pitHistogram(pits: ArrayLike<number>, bins: number): number[] {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`pitHistogram: bins must be a whole number ≥ 1, got ${bins}`);
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < pits.length; i++) {
    const p = pits[i]!;
    if (!(p >= 0 && p <= 1)) throw new RangeError(`pitHistogram: PIT ${i} is ${p}, not in [0, 1]`);
    counts[Math.min(bins - 1, Math.floor(p * bins))]!++;
  }
  return counts;
}
