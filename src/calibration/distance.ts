// The ABC distance of one run from the record: for each fitted side, the root-mean-square error
// of log(1 + cumulative releases) at that side's observed dates on or before the information
// date, averaged over the sides. On the log scale 20 against 40 early counts as much as 2,000
// against 4,000 later, and the mean over sides keeps the side with more reports from drowning
// the other (docs/calibration.md, Method). It reads the run's row: the sweep writes each run's
// releases on the observed dates (sweep/plan.ts SeriesColumn).
import {median} from '../stats/median.js';
import type {Value} from '../sweep/output.js';
import type {ObservedPoint} from './plan.js';

/**
 * How a count is compared: `log-rmse` on log(1 + count), `share-rmse` as a share of the side's
 * agreed total (`caps`). On the log scale a first release a few days late is a large error while
 * counts are small; as shares of the total, early counts weigh little and the pace over months
 * dominates.
 */
export type DistanceKind = 'log-rmse' | 'share-rmse';

/** The distance of a row (values in `columns` order) from `fitted`; NaN when a value is missing. */
export function rowDistance(columns: readonly string[], fitted: readonly ObservedPoint[], kind: DistanceKind = 'log-rmse', caps: Record<'government' | 'taliban', number> = {government: 1, taliban: 1}): (row: readonly Value[]) => number {
  const sides = [...new Set(fitted.map((p) => p.side))].map((side) => {
    const points = fitted.filter((p) => p.side === side);
    const scale = kind === 'log-rmse' ? Math.log1p : (x: number): number => x / caps[side];
    return {at: points.map((p) => columns.indexOf(p.column)), log: points.map((p) => scale(p.value)), scale};
  });
  for (const s of sides) if (s.at.includes(-1)) throw new Error('a fitted date has no column in the rows');
  return (row) => {
    let total = 0;
    for (const {at, log, scale} of sides) {
      let sum = 0;
      for (let i = 0; i < at.length; i++) {
        const v = row[at[i]!];
        if (typeof v !== 'number') return Number.NaN;
        const d = scale(v) - log[i]!;
        sum += d * d;
      }
      total += Math.sqrt(sum / at.length);
    }
    return total / sides.length;
  };
}

/**
 * One distance a particle, from its `replicates` consecutive rows: the distance of the path of
 * their medians on each fitted date (with one replicate, the row's own distance). A single run's
 * path carries the model's dice (a first release a few days later is a large error on the log
 * scale while counts are small); the median of a few runs keeps the distance about the
 * parameters (docs/calibration.md, Method).
 */
export function particleDistances(columns: readonly string[], fitted: readonly ObservedPoint[], rows: readonly (readonly Value[])[], replicates: number, kind: DistanceKind = 'log-rmse', caps?: Record<'government' | 'taliban', number>): Float64Array {
  const distance = rowDistance(columns, fitted, kind, caps);
  if (replicates === 1) return Float64Array.from(rows, distance);
  const at = [...new Set(fitted.map((p) => p.column))].map((c) => columns.indexOf(c));
  const out = new Float64Array(rows.length / replicates);
  for (let i = 0; i < out.length; i++) {
    const group = rows.slice(i * replicates, (i + 1) * replicates);
    const path: Value[] = new Array<Value>(columns.length).fill(null);
    for (const c of at) {
      const values = group.map((r) => r[c]);
      path[c] = values.every((v): v is number => typeof v === 'number') ? median(values) : null;
    }
    out[i] = distance(path);
  }
  return out;
}
