// The ABC distance of one run from the record: for each fitted side, the root-mean-square error
// of log(1 + cumulative releases) at that side's observed dates on or before the information
// date, averaged over the sides. On the log scale 20 against 40 early counts as much as 2,000
// against 4,000 later, and the mean over sides keeps the side with more reports from drowning
// the other (docs/calibration.md, Method). It reads the run's row: the sweep writes each run's
// releases on the observed dates (sweep/plan.ts SeriesColumn).
import type {Value} from '../sweep/output.js';
import type {ObservedPoint} from './plan.js';

/** The distance of a row (values in `columns` order) from `fitted`; NaN when a value is missing. */
export function rowDistance(columns: readonly string[], fitted: readonly ObservedPoint[]): (row: readonly Value[]) => number {
  const sides = [...new Set(fitted.map((p) => p.side))].map((side) => {
    const points = fitted.filter((p) => p.side === side);
    return {at: points.map((p) => columns.indexOf(p.column)), log: points.map((p) => Math.log1p(p.value))};
  });
  for (const s of sides) if (s.at.includes(-1)) throw new Error('a fitted date has no column in the rows');
  return (row) => {
    let total = 0;
    for (const {at, log} of sides) {
      let sum = 0;
      for (let i = 0; i < at.length; i++) {
        const v = row[at[i]!];
        if (typeof v !== 'number') return Number.NaN;
        const d = Math.log1p(v) - log[i]!;
        sum += d * d;
      }
      total += Math.sqrt(sum / at.length);
    }
    return total / sides.length;
  };
}
