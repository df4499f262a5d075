// Empirical quantiles by the nearest-rank method: always one of the values, never interpolated,
// so a quantile of whole days or prisoners stays a whole number.

/** The q quantile of `sorted` (ascending, an array or a typed array), or null when it is empty. */
export function nearestRank(sorted: ArrayLike<number>, q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
