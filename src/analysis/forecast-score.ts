// Scores of forecasts of cumulative releases on held-out observations (those after the
// information day): a probabilistic forecast given as an ensemble (the model's runs) and point
// forecasts (src/analysis/baselines.ts), on the same observations, by the same scores, so their
// numbers compare. Per side, and per side by horizon, since a forecast 90 days out is harder
// than one 10 days out. The scores are src/stats's: CRPS, WIS, central-interval coverage, PIT.
import {SIDES, type Side} from '../history/schema.js';
import {covers} from '../stats/central-interval.js';
import {crps, crpsPoint} from '../stats/crps.js';
import {sortEnsemble} from '../stats/ensemble.js';
import {ensembleWis} from '../stats/interval-score.js';
import {median} from '../stats/median.js';
import {pitHistogram, randomisedPit} from '../stats/pit.js';
import {logRmse} from './fit.js';

/** An observation held out of the fit: the cumulative count `value` of `side` on `day`, `horizon` days after the information day. */
export interface HeldOut {
  side: Side;
  day: number;
  horizon: number;
  value: number;
}

/** Scores of a group of observations. CRPS and WIS are means, in prisoners; lower is better. */
export interface PointScores {
  n: number;
  crps: number;
  wis: number;
  /** Root-mean-square error of log(1 + cumulative) of the point (an ensemble's median), as src/analysis/fit.ts's logRmse. */
  logRmse: number;
}

export interface EnsembleScores extends PointScores {
  /** Shares of the observations inside the central 50% and 80% intervals (nominal 0.5 and 0.8). */
  coverage50: number;
  coverage80: number;
  /** Counts of the randomised PIT in PIT_BINS equal bins of [0, 1]: flat when calibrated. */
  pit: number[];
}

/** Horizons in days from `from` to `to` (inclusive; no end when null). */
export interface HorizonBucket {
  label: string;
  from: number;
  to: number | null;
}

export const HORIZON_BUCKETS: readonly HorizonBucket[] = [
  {label: '1-30', from: 1, to: 30},
  {label: '31-60', from: 31, to: 60},
  {label: '61-90', from: 61, to: 90},
  {label: '91+', from: 91, to: null},
];

export const PIT_BINS = 10;

export interface SideForecastScore<S> {
  all: S;
  /** The buckets that hold at least one observation, in HORIZON_BUCKETS's order. */
  byHorizon: {bucket: HorizonBucket; scores: S}[];
}

/** Each side's scores, or null for a side with no held-out observations. */
export type ForecastScores<S> = Record<Side, SideForecastScore<S> | null>;
export type EnsembleForecastScore = ForecastScores<EnsembleScores>;
export type PointForecastScore = ForecastScores<PointScores>;

/** One observation scored: its point (an ensemble's median) and its scores. */
interface Scored {
  o: HeldOut;
  point: number;
  crps: number;
  wis: number;
}

interface EnsembleScored extends Scored {
  in50: boolean;
  in80: boolean;
  pit: number;
}

/** The bucket of a horizon; a horizon below 1 (not after the information day) is refused. */
export function bucketOf(horizon: number): HorizonBucket {
  if (!(horizon >= 1)) throw new RangeError(`a held-out observation's horizon must be at least 1 day, got ${horizon}`);
  return HORIZON_BUCKETS.find((b) => b.to === null || horizon <= b.to)!;
}

function check(o: HeldOut, i: number): void {
  if (!SIDES.includes(o.side)) throw new RangeError(`held-out observation ${i}: unknown side ${String(o.side)}`);
  if (!Number.isFinite(o.day) || !Number.isFinite(o.value)) throw new RangeError(`held-out observation ${i}: day and value must be finite`);
  bucketOf(o.horizon);
}

function pointScores(rows: readonly Scored[]): PointScores {
  const n = rows.length;
  const mean = (pick: (r: Scored) => number): number => rows.reduce((s, r) => s + pick(r), 0) / n;
  // logRmse reads a forecast by day; here each row is its own "day", so two rows on one day stay apart.
  const log = logRmse((k) => rows[k]!.point, rows.map((r, k) => ({day: k, cumulative: r.o.value})));
  return {n, crps: mean((r) => r.crps), wis: mean((r) => r.wis), logRmse: log};
}

function ensembleScores(rows: readonly EnsembleScored[]): EnsembleScores {
  const share = (pick: (r: EnsembleScored) => boolean): number => rows.filter(pick).length / rows.length;
  return {
    ...pointScores(rows),
    coverage50: share((r) => r.in50),
    coverage80: share((r) => r.in80),
    pit: pitHistogram(rows.map((r) => r.pit), PIT_BINS),
  };
}

/** Groups scored rows by side and, within a side, by horizon bucket. */
function bySide<R extends Scored, S>(rows: readonly R[], summarise: (rows: readonly R[]) => S): ForecastScores<S> {
  const out = {} as ForecastScores<S>;
  for (const side of SIDES) {
    const mine = rows.filter((r) => r.o.side === side);
    out[side] =
      mine.length === 0
        ? null
        : {
            all: summarise(mine),
            byHorizon: HORIZON_BUCKETS.flatMap((bucket) => {
              const inBucket = mine.filter((r) => bucketOf(r.o.horizon) === bucket);
              return inBucket.length === 0 ? [] : [{bucket, scores: summarise(inBucket)}];
            }),
          };
  }
  return out;
}

/**
 * Scores an ensemble forecast: `ensembleAt(o, i)` gives the members' values at observation i
 * (any order; not modified). `u` (uniform in [0, 1)) randomises the PIT on ties, one draw an
 * observation in the order of `obs`, so the same inputs and stream give the same scores. The
 * point of an ensemble is its median (src/stats/median.ts, as the median path of today's
 * reports); its intervals are nearest-rank quantiles (src/stats/ensemble.ts).
 */
export function scoreEnsembleForecast(obs: readonly HeldOut[], ensembleAt: (o: HeldOut, i: number) => Float64Array, u: () => number): EnsembleForecastScore {
  const rows = obs.map((o, i): EnsembleScored => {
    check(o, i);
    const sorted = sortEnsemble(ensembleAt(o, i));
    const y = o.value;
    return {
      o,
      point: median(Array.from(sorted)),
      crps: crps(sorted, y),
      wis: ensembleWis(sorted, y),
      in50: covers(sorted, y, 0.5),
      in80: covers(sorted, y, 0.8),
      pit: randomisedPit(sorted, y, u),
    };
  });
  return bySide(rows, ensembleScores);
}

/** Scores a point forecast on the same observations: its CRPS and its WIS are both the absolute error. */
export function scorePointForecast(obs: readonly HeldOut[], forecast: (side: Side, day: number) => number): PointForecastScore {
  const rows = obs.map((o, i): Scored => {
    check(o, i);
    const x = forecast(o.side, o.day);
    if (!Number.isFinite(x)) throw new RangeError(`held-out observation ${i}: the point forecast is ${x}`);
    const error = crpsPoint(x, o.value);
    return {o, point: x, crps: error, wis: error};
  });
  return bySide(rows, pointScores);
}
