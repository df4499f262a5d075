// Reading a run's daily cumulative series on a scenario day, shared by the fit measures
// (analysis/fit.ts) and the sweep's series columns (sweep/plan.ts).

/** The value of a daily cumulative series on `day` (row r = day r + 1); 0 before day 1, the last value after the end. */
export function valueOn(series: ArrayLike<number>, length: number, day: number): number {
  if (day < 1 || length === 0) return 0;
  return series[Math.min(day, length) - 1]!;
}
