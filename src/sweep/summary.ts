// The per-point summary of a sweep: for each point its runs, the shares of outcomes, and for each
// numeric metric the mean, sample standard deviation and 95% interval of the mean. Streaming:
// rows are folded in as they come (Welford's update) and only one small record per point is
// kept, so memory grows with the points of a sweep, never with its runs.
import {NUMERIC_METRICS} from './metrics.js';
import {round4} from '../stats/round.js';
import {t975} from '../stats/t-quantile.js';

export type Value = string | number | boolean | null;

export interface MetricSummary {
  /** Runs of the point where the metric is not null. */
  n: number;
  mean: number | null;
  /** Sample standard deviation (n − 1); null below two values. */
  sd: number | null;
  /** 95% interval of the mean (Student's t, n − 1 degrees of freedom); null below two values. */
  lo: number | null;
  hi: number | null;
}

export interface PointSummary {
  point: number;
  params: Record<string, string | number | boolean | null>;
  runs: number;
  complete: number;
  broken: number;
  /** Runs still ongoing at the horizon. */
  unfinished: number;
  /** Runs with at least one stall episode. */
  stalled: number;
  metrics: Record<string, MetricSummary>;
}

/**
 * Running statistics of each metric of a point, four numbers a metric at 4 * i: the count, the
 * sum (the mean reported is sum / n: exact for the integer metrics, and the heatmap's own mean),
 * and Welford's running mean and sum of squared deviations, for the variance. One typed array a
 * point rather than an object a metric: a design of 100,000 points makes one a point.
 */
type Running = Float64Array;
const N = 0;
const SUM = 1;
const MEAN = 2;
const M2 = 3;

interface PointState {
  params: Record<string, Value>;
  runs: number;
  complete: number;
  broken: number;
  unfinished: number;
  stalled: number;
  running: Running;
}

const NUMERIC: ReadonlySet<string> = new Set(NUMERIC_METRICS);

/** Welford's update of metric `i`: no sum of squares, so no catastrophic cancellation on large values. */
function push(r: Running, i: number, x: number): void {
  const at = 4 * i;
  const n = ++r[at + N]!;
  r[at + SUM]! += x;
  const d = x - r[at + MEAN]!;
  r[at + MEAN]! += d / n;
  r[at + M2]! += d * (x - r[at + MEAN]!);
}

function describe(r: Running, i: number): MetricSummary {
  const [n, sum, m2] = [r[4 * i + N]!, r[4 * i + SUM]!, r[4 * i + M2]!];
  if (n === 0) return {n, mean: null, sd: null, lo: null, hi: null};
  const mean = sum / n;
  if (n === 1) return {n, mean, sd: null, lo: null, hi: null};
  const sd = Math.sqrt(m2 / (n - 1));
  const half = (t975(n - 1) * sd) / Math.sqrt(n);
  return {n, mean, sd, lo: mean - half, hi: mean + half};
}

/** The outcomes a packed run codes as 0, 1 and 2 (NaN: status not kept, or another value). */
const STATUSES = ['complete', 'broken', 'ongoing'];

/**
 * A summary's view of the rows: which columns it folds in. Rows travel between threads packed
 * as numbers in this layout (a Float64Array moves without copying, and the thread that receives
 * it builds no row objects): per run, its point, its status code, then each numeric metric kept,
 * NaN for null.
 */
export class SummaryLayout {
  readonly metrics: string[];
  /** Numbers per run. */
  readonly width: number;
  /** Where a row's point, status and kept metrics sit among its values (-1: not a column). */
  private readonly at: {point: number; status: number; metrics: number[]};

  constructor(columns: readonly string[]) {
    this.metrics = columns.filter((c) => NUMERIC.has(c));
    this.width = 2 + this.metrics.length;
    this.at = {point: columns.indexOf('point'), status: columns.indexOf('status'), metrics: this.metrics.map((m) => columns.indexOf(m))};
  }

  /** Rows given as their values in column order (the columns the layout was made with). */
  pack(rows: readonly (readonly Value[])[]): Float64Array {
    const out = new Float64Array(rows.length * this.width);
    for (let r = 0; r < rows.length; r++) this.packInto(rows[r]!, out, r);
    return out;
  }

  /** Writes one row, given as its values in column order, as run r of `out`. */
  packInto(row: readonly Value[], out: Float64Array, r: number): void {
    const {point, status, metrics} = this.at;
    const at = r * this.width;
    const p = point < 0 ? undefined : row[point];
    out[at] = typeof p === 'number' ? p : Number.NaN;
    const code = status < 0 ? -1 : STATUSES.indexOf(row[status] as string);
    out[at + 1] = code < 0 ? Number.NaN : code;
    for (let i = 0; i < metrics.length; i++) {
      const v = row[metrics[i]!];
      out[at + 2 + i] = typeof v === 'number' ? v : Number.NaN;
    }
  }
}

export class SummaryAccumulator {
  private readonly points = new Map<number, PointState>();
  private readonly taken = {points: 0, runs: 0};
  private readonly layout: SummaryLayout;
  private readonly metrics: string[];
  private readonly stallIndex: number;

  /** `columns`: every column of the rows; `params`: the varied ones among them. */
  constructor(
    columns: readonly string[],
    private readonly params: readonly string[],
  ) {
    this.layout = new SummaryLayout(columns);
    this.metrics = this.layout.metrics;
    this.stallIndex = this.metrics.indexOf('stallEpisodes');
  }

  add(row: Record<string, Value>): void {
    const point = row.point;
    if (typeof point !== 'number' || !Number.isInteger(point) || point < 0) throw new TypeError(`point must be a whole number ≥ 0, got ${JSON.stringify(point)}`);
    const values = this.metrics.map((m) => {
      const v = row[m];
      if (v === null || v === undefined) return null;
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`${m} must be a number or null, got ${JSON.stringify(v)}`);
      return v;
    });
    this.fold(point, () => Object.fromEntries(this.params.map((p) => [p, row[p] ?? null])), STATUSES.indexOf(row.status as string), (i) => values[i]!);
  }

  /** Runs packed by a SummaryLayout of the same columns; `paramsOf` gives a point's parameter values. */
  addPacked(numbers: Float64Array, paramsOf: (point: number) => Record<string, Value>): void {
    const w = this.layout.width;
    for (let at = 0; at < numbers.length; at += w) {
      const point = numbers[at]!;
      this.fold(point, () => paramsOf(point), Number.isNaN(numbers[at + 1]!) ? -1 : numbers[at + 1]!, (i) => {
        const v = numbers[at + 2 + i]!;
        return Number.isNaN(v) ? null : v;
      });
    }
  }

  /** Folds one run in: `status` indexes STATUSES (-1: none), `value(i)` is metric i or null. */
  private fold(point: number, params: () => Record<string, Value>, status: number, value: (i: number) => number | null): void {
    let s = this.points.get(point);
    if (!s) {
      s = {params: params(), runs: 0, complete: 0, broken: 0, unfinished: 0, stalled: 0, running: new Float64Array(4 * this.metrics.length)};
      this.points.set(point, s);
    }
    s.runs++;
    if (status === 0) s.complete++;
    else if (status === 1) s.broken++;
    else if (status === 2) s.unfinished++;
    for (let i = 0; i < this.metrics.length; i++) {
      const v = value(i);
      if (v === null) continue;
      push(s.running, i, v);
      if (i === this.stallIndex && v > 0) s.stalled++;
    }
  }

  /** One summary per point seen and not yet taken (takeBefore), sorted by point. */
  summaries(): PointSummary[] {
    return [...this.points.keys()].sort((a, b) => a - b).map((point) => this.describePoint(point, this.points.get(point)!));
  }

  /**
   * Removes and returns the summaries of the points before `point`, in order: a sweep's rows
   * come in run order, so those points are finished, and memory holds only the points under way.
   * (Points are kept in the order they first came; rows out of order are taken at the end.)
   */
  takeBefore(point: number): PointSummary[] {
    const done: PointSummary[] = [];
    for (const [p, s] of this.points) {
      if (p >= point) break;
      done.push(this.describePoint(p, s));
      this.points.delete(p);
      this.taken.points++;
      this.taken.runs += s.runs;
    }
    return done;
  }

  /** Points and runs folded in, taken ones included. */
  get totals(): {points: number; runs: number} {
    let runs = this.taken.runs;
    for (const s of this.points.values()) runs += s.runs;
    return {points: this.taken.points + this.points.size, runs};
  }

  private describePoint(point: number, s: PointState): PointSummary {
    const metrics: Record<string, MetricSummary> = {};
    for (let i = 0; i < this.metrics.length; i++) metrics[this.metrics[i]!] = describe(s.running, i);
    return {point, params: s.params, runs: s.runs, complete: s.complete, broken: s.broken, unfinished: s.unfinished, stalled: s.stalled, metrics};
  }
}

/**
 * Shares of a point's runs. Outcome shares are over the runs with a status (null when status was
 * not kept); the stalled share over the runs with a stall-episode count (null when not kept).
 */
export function shares(s: PointSummary): {complete: number | null; broken: number | null; unfinished: number | null; stalled: number | null} {
  const withStatus = s.complete + s.broken + s.unfinished;
  const share = (k: number): number | null => (withStatus > 0 ? k / withStatus : null);
  const counted = s.metrics.stallEpisodes?.n ?? 0;
  return {complete: share(s.complete), broken: share(s.broken), unfinished: share(s.unfinished), stalled: counted > 0 ? s.stalled / counted : null};
}

const STATS = ['mean', 'sd', 'lo', 'hi'] as const;
const MEAN_ONLY = ['mean'] as const;

/**
 * The statistics a summary file gives each metric: all four, or only the mean when every point
 * has one run (replicates: 1), where the spread and the interval are empty in every row.
 */
const statsOf = (spread: boolean): readonly (typeof STATS)[number][] => (spread ? STATS : MEAN_ONLY);

/** The share columns the metrics kept allow: the outcome shares need status, the stalled share stallEpisodes. */
const shareColumns = (metrics: readonly string[]): string[] => [
  ...(metrics.includes('status') ? ['shareComplete', 'shareBroken', 'shareUnfinished'] : []),
  ...(metrics.includes('stallEpisodes') ? ['shareStalled'] : []),
];

/**
 * The columns of the summary file, in a stable order; `metrics` may include status (left out).
 * Only columns some row can fill, so that each has a type: shares whose metric is kept, and the
 * spread and interval of each metric unless `spread` is false (one run a point).
 */
export function summaryColumns(params: readonly string[], metrics: readonly string[], spread = true): string[] {
  const numeric = metrics.filter((m) => m !== 'status');
  return ['point', ...params, 'runs', ...shareColumns(metrics), ...numeric.flatMap((m) => statsOf(spread).map((k) => `${m}_${k}`))];
}

const r4 = (x: number | null): number | null => (x === null ? null : round4(x));

/**
 * A point's line of the summary file: its values in the order of summaryColumns(params, metrics,
 * spread), booleans written as true/false. Built as a list, not a keyed row: a sweep of 100,000
 * points writes one a point, and a row object of some sixty computed keys made about 9 KB of garbage.
 */
export function summaryValues(s: PointSummary, params: readonly string[], metrics: readonly string[], spread = true): Value[] {
  const sh = shares(s);
  const out: Value[] = [s.point];
  for (const p of params) {
    const v = s.params[p] ?? null;
    out.push(typeof v === 'boolean' ? String(v) : v);
  }
  out.push(s.runs);
  if (metrics.includes('status')) out.push(r4(sh.complete), r4(sh.broken), r4(sh.unfinished));
  if (metrics.includes('stallEpisodes')) out.push(r4(sh.stalled));
  for (const m of metrics) {
    if (m === 'status') continue;
    const stats = s.metrics[m];
    for (const k of statsOf(spread)) out.push(stats ? r4(stats[k]) : null);
  }
  return out;
}
