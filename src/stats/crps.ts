// The continuous ranked probability score (Gneiting & Raftery 2007, JASA 102):
// CRPS(F, y) = E|X − y| − ½ E|X − X'|, in the units of y, lower is better, and for a point
// forecast x simply |x − y|. For an ensemble x_1..x_m taken as its empirical distribution:
//   CRPS = (1/m) Σ_i |x_i − y| − (1/(2m²)) Σ_i Σ_j |x_i − x_j|,
// and the "fair" version (Ferro 2014, Q. J. R. Meteorol. Soc. 140), which scores the
// distribution the members were drawn from rather than the m points, divides the second term
// by 2m(m − 1) instead.
import {checkEnsemble} from './ensemble.js';

/** A point forecast's CRPS: the absolute error. */
export const crpsPoint = (x: number, y: number): number => Math.abs(x - y);

/**
 * The CRPS of an ensemble (ascending, src/stats/ensemble.ts), in O(m) once sorted, so O(m log m)
 * in all. It is computed as the equal integral ∫ (F(z) − 1{z ≥ y})² dz, F the ensemble's step
 * CDF (Hersbach 2000, Weather Forecast. 15): between neighbouring members F is i/m, so the
 * integral is a sum over the m − 1 gaps, split at y, and the two tails beyond the extreme
 * members and y. Every term is a square times a length, so the result is never negative, and an
 * ensemble of equal members gives exactly |x − y|; the double sum above would subtract two large
 * numbers to get there.
 */
export function crps(sorted: ArrayLike<number>, y: number): number {
  checkEnsemble('crps', sorted);
  const m = sorted.length;
  const first = sorted[0]!;
  const last = sorted[m - 1]!;
  // Beyond the members F is 0 or 1: only the stretch between them and y counts, fully.
  let sum = Math.max(0, first - y) + Math.max(0, y - last);
  for (let i = 1; i < m; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    const f = i / m;
    // [a, b) with F = i/m: (F − 0)² below y, (F − 1)² above it.
    const below = Math.max(0, Math.min(b, y) - a);
    const above = Math.max(0, b - Math.max(a, y));
    sum += f * f * below + (1 - f) * (1 - f) * above;
  }
  return sum;
}

/**
 * Σ_i Σ_j |x_i − x_j| of an ascending ensemble in O(m): member i (from 0) is the larger of a pair
 * i times and the smaller m − 1 − i times, so the sum is 2 Σ_i (2i − m + 1) x_i.
 */
export function pairSum(sorted: ArrayLike<number>): number {
  const m = sorted.length;
  let s = 0;
  // Differences from the smallest member: the coefficients sum to 0, and equal members give 0 exactly.
  for (let i = 0; i < m; i++) s += (2 * i - m + 1) * (sorted[i]! - sorted[0]!);
  return 2 * s;
}

/**
 * The fair CRPS of an ensemble of m ≥ 2 members: the CRPS with the spread term over 2m(m − 1),
 * i.e. crps − Σ_i Σ_j |x_i − x_j| / (2m²(m − 1)). Never above the CRPS; an unbiased estimate of
 * the CRPS of the distribution the members were drawn from.
 */
export function crpsFair(sorted: ArrayLike<number>, y: number): number {
  checkEnsemble('crpsFair', sorted);
  const m = sorted.length;
  if (m < 2) throw new RangeError('crpsFair: needs at least two members (the spread term divides by m − 1)');
  return crps(sorted, y) - pairSum(sorted) / (2 * m * m * (m - 1));
}
