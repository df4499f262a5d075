// What a calibration found, as data (report.json, --json; the text and docs/calibration.md are
// made from it): the tolerance schedule, the posterior's marginals and correlations, and the
// posterior predictive check on the record after the information date, beside the naive
// baselines fitted on the same information. The verdict is written from the numbers.
import {BASELINES, type Baseline} from '../analysis/baselines.js';
import {scoreEnsembleForecast, scorePointForecast, type EnsembleForecastScore, type HeldOut, type PointForecastScore} from '../analysis/forecast-score.js';
import {SIDES, type Side} from '../history/schema.js';
import type {Population, RngFor} from '../stats/abc-smc.js';
import {histogram} from '../stats/weighted-histogram.js';
import {weightedCovariance, weightedMean, weightedSd} from '../stats/weighted-moments.js';
import {weightedQuantile} from '../stats/weighted-quantile.js';
import type {Prior} from '../stats/prior.js';
import type {Value} from '../sweep/output.js';
import {runValue, type CalibrationPlan, type ObservedPoint} from './plan.js';

export const HISTOGRAM_BINS = 20;

export interface GenerationReport {
  generation: number;
  runs: number;
  epsilon: number;
  acceptance: number;
  ess: number;
}

export interface MarginalReport {
  path: string;
  prior: Prior;
  mean: number;
  sd: number;
  q05: number;
  q50: number;
  q95: number;
  /** Posterior weight in HISTOGRAM_BINS equal bins of the prior's range (a normal's: mean ± 4 sd, inside the schema's range). */
  histogram: {lo: number; hi: number; weights: number[]};
}

export interface BaselineReport {
  name: string;
  description: string;
  fitted: Record<Side, Readonly<Record<string, number>>>;
  scores: PointForecastScore;
}

export interface CalibrationReport {
  name: string;
  spec: string;
  scenario: string;
  history: string;
  information: {date: string; day: number};
  seed: string;
  observed: {basis: 'reported' | 'all'; fitted: Record<Side, number>; heldOut: Record<Side, number>; lastFitted: Record<Side, {date: string; value: number} | null>};
  generations: GenerationReport[];
  runs: number;
  posterior: {particles: number; ess: number; marginals: MarginalReport[]; correlation: number[][]};
  predictive: {
    draws: number;
    /** The posterior predictive ensemble, scored as a probabilistic forecast (and its median path's log-RMSE). */
    model: EnsembleForecastScore;
    /** The mean over the draws of each single run's log-RMSE, per side. */
    singleRun: Record<Side, number | null>;
    /** In sample: the same scores on the fitted points (how well the posterior reproduces what it saw). */
    inSample: EnsembleForecastScore;
    baselines: BaselineReport[];
    /** Share of the draws in which the exchange completed, and the completion day's median among them. */
    complete: {share: number; medianDay: number | null};
  };
  verdict: string[];
}

const countBySide = (points: readonly ObservedPoint[]): Record<Side, number> => ({government: points.filter((p) => p.side === 'government').length, taliban: points.filter((p) => p.side === 'taliban').length});

function range(prior: Prior): {lo: number; hi: number} {
  if (prior.kind === 'uniform') return {lo: prior.lo, hi: prior.hi};
  return {lo: Math.max(prior.lo ?? -Infinity, prior.mean - 4 * prior.sd), hi: Math.min(prior.hi ?? Infinity, prior.mean + 4 * prior.sd)};
}

/** The last population's marginals, on the values the model ran with. */
function marginals(plan: CalibrationPlan, pop: Population): {marginals: MarginalReport[]; correlation: number[][]} {
  const n = pop.weights.length;
  const k = pop.dims;
  const ran = new Float64Array(n * k);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) ran[i * k + j] = runValue(plan.params[j]!, pop.theta[i * k + j]!);
  const column = (j: number): Float64Array => Float64Array.from({length: n}, (_, i) => ran[i * k + j]!);
  const out = plan.params.map((p, j): MarginalReport => {
    const v = column(j);
    const {lo, hi} = range(p.prior);
    return {
      path: p.path,
      prior: p.prior,
      mean: weightedMean(v, pop.weights),
      sd: weightedSd(v, pop.weights),
      q05: weightedQuantile(v, pop.weights, 0.05),
      q50: weightedQuantile(v, pop.weights, 0.5),
      q95: weightedQuantile(v, pop.weights, 0.95),
      histogram: {lo, hi, weights: [...histogram(v, pop.weights, lo, hi, HISTOGRAM_BINS)]},
    };
  });
  const cov = weightedCovariance(ran, k, pop.weights);
  const correlation = plan.params.map((_, a) => plan.params.map((__, b) => {
    const d = Math.sqrt(cov[a * k + a]! * cov[b * k + b]!);
    return d > 0 ? cov[a * k + b]! / d : 0;
  }));
  return {marginals: out, correlation};
}

/** The report of a finished calibration: its populations, and the predictive sweep's rows (in `columns` order). */
export function calibrationReport(plan: CalibrationPlan, populations: readonly Population[], columns: readonly string[], rows: readonly (readonly Value[])[], _particles: Uint32Array, rngFor: RngFor): CalibrationReport {
  const last = populations.at(-1)!;
  const cap = plan.caps;
  const at = (column: string): Float64Array => {
    const c = columns.indexOf(column);
    return Float64Array.from(rows, (r) => r[c] as number);
  };
  // In sample, the "horizon" is the day itself (days from the start): the check there is of fit, not of forecast.
  const heldOut = (points: readonly ObservedPoint[], from: number): {obs: HeldOut[]; columns: string[]} => ({
    obs: points.map((p) => ({side: p.side, day: p.day, horizon: p.day - from, value: p.value})),
    columns: points.map((p) => p.column),
  });
  const out = heldOut(plan.heldOut, plan.information.day);
  const inside = heldOut(plan.inSample, 0);
  const ensembles = new Map<string, Float64Array>();
  const ensembleOf = (column: string): Float64Array => {
    let e = ensembles.get(column);
    if (!e) ensembles.set(column, (e = at(column)));
    return e;
  };
  const model = scoreEnsembleForecast(out.obs, (_o, i) => ensembleOf(out.columns[i]!), rngFor(`${plan.spec.seed}:pit`));
  const inSample = scoreEnsembleForecast(inside.obs, (_o, i) => ensembleOf(inside.columns[i]!), rngFor(`${plan.spec.seed}:pit-in-sample`));

  const singleRun = {} as Record<Side, number | null>;
  for (const side of SIDES) {
    const points = plan.heldOut.filter((p) => p.side === side);
    if (points.length === 0) {
      singleRun[side] = null;
      continue;
    }
    const cols = points.map((p) => columns.indexOf(p.column));
    let sum = 0;
    for (const r of rows) {
      let squares = 0;
      points.forEach((p, i) => {
        const d = Math.log1p(r[cols[i]!] as number) - Math.log1p(p.value);
        squares += d * d;
      });
      sum += Math.sqrt(squares / points.length);
    }
    singleRun[side] = sum / rows.length;
  }

  const baselines = BASELINES.map((fit): BaselineReport => {
    const bySide = {} as Record<Side, Baseline>;
    for (const side of SIDES) bySide[side] = fit(plan.inSample.filter((p) => p.side === side).map((p) => ({day: p.day, cumulative: p.value})), cap[side]);
    const first = bySide.government;
    return {name: first.name, description: first.description, fitted: {government: bySide.government.fitted, taliban: bySide.taliban.fitted}, scores: scorePointForecast(out.obs, (side, day) => bySide[side].forecast(day))};
  });

  const status = columns.indexOf('status');
  const day = columns.indexOf('completionDay');
  const days = rows.filter((r) => r[status] === 'complete').map((r) => r[day] as number).sort((a, b) => a - b);
  const lastFitted = {} as Record<Side, {date: string; value: number} | null>;
  for (const side of SIDES) {
    const p = plan.inSample.filter((q) => q.side === side).at(-1);
    lastFitted[side] = p ? {date: p.date, value: p.value} : null;
  }

  const report: CalibrationReport = {
    name: plan.spec.name,
    spec: plan.file,
    scenario: plan.spec.scenario,
    history: plan.history.name,
    information: plan.information,
    seed: plan.spec.seed,
    observed: {basis: plan.spec.observed.basis, fitted: countBySide(plan.fitted), heldOut: countBySide(plan.heldOut), lastFitted},
    generations: populations.map((p) => ({generation: p.generation, runs: plan.spec.abc.proposals * plan.spec.abc.replicates, epsilon: p.epsilon, acceptance: p.acceptance, ess: p.ess})),
    runs: populations.length * plan.spec.abc.proposals * plan.spec.abc.replicates + rows.length,
    posterior: {particles: last.weights.length, ess: last.ess, ...marginals(plan, last)},
    predictive: {draws: rows.length, model, singleRun, inSample, baselines, complete: {share: days.length / rows.length, medianDay: days.length === 0 ? null : days[Math.floor((days.length - 1) / 2)]!}},
    verdict: [],
  };
  report.verdict = verdict(report);
  return report;
}

const pct = (x: number): string => `${Math.round(100 * x)}%`;

/** One sentence a side: does the 80% interval cover 65-95% of the held-out points, and does the CRPS beat every baseline? */
export function verdict(r: CalibrationReport): string[] {
  return SIDES.flatMap((side) => {
    const m = r.predictive.model[side];
    if (!m) return [];
    const scored = r.predictive.baselines.map((b) => ({name: b.name, crps: b.scores[side]!.all.crps}));
    const best = scored.reduce((a, b) => (b.crps < a.crps ? b : a));
    const cover = m.all.coverage80;
    const coverText = cover >= 0.65 && cover <= 0.95 ? `its 80% interval covers ${pct(cover)} of the ${m.all.n} held-out points (goal 65-95%: met)` : `its 80% interval covers ${pct(cover)} of the ${m.all.n} held-out points (goal 65-95%: not met)`;
    const beats = scored.filter((b) => m.all.crps < b.crps).length;
    const crpsText = beats === scored.length
      ? `its CRPS (${m.all.crps.toFixed(0)}) beats every baseline (best: ${best.name}, ${best.crps.toFixed(0)})`
      : `its CRPS (${m.all.crps.toFixed(0)}) beats ${beats} of ${scored.length} baselines and loses to ${scored.filter((b) => m.all.crps >= b.crps).map((b) => `${b.name} (${b.crps.toFixed(0)})`).join(', ')}`;
    return [`${side === 'government' ? 'Government' : 'Taliban'} releases: ${coverText}; ${crpsText}.`];
  });
}
