// The outcome metrics of one run, as a sweep keeps them: one value per column, in a fixed order,
// picked from the run's observables (sim/observables.ts), which say what each is and how it is read.
import {readRun, RUN_OBSERVABLES, type RunName, type RunValue} from '../sim/observables.js';
import type {ArenaRun} from '../sim/run.js';

/** The metric columns of a sweep, in column order (README's table of them is generated from this list). */
export const METRICS = [
  'status',
  'completionDay',
  'releasedByGovernment',
  'releasedByTaliban',
  'batches',
  'walkouts',
  'stallEpisodes',
  'stalledDays',
  'peakStallRisk',
  'meanStallRisk',
  'peakViolence',
] as const satisfies readonly RunName[];
export type Metric = (typeof METRICS)[number];

/** A run's metrics, each of its observable's type: null where it does not apply (no completion; talks that never met, for stall risk). */
export type MetricValues = {[K in Metric]: RunValue<K>};

/** The metrics read from the daily stall-risk estimate: a sweep can fill them only where stall.rollouts > 0. */
export const STALL_RISK_METRICS: readonly Metric[] = METRICS.filter((m) => 'stallRisk' in RUN_OBSERVABLES[m]);

/** The metrics whose values are numbers: the ones a summary averages (status is summarised as shares). */
export type NumericMetric = {[K in Metric]: RunValue<K> extends number | null ? K : never}[Metric];
const isNumeric = (m: Metric): m is NumericMetric => ['count', 'day', 'probability', 'number'].includes(RUN_OBSERVABLES[m].type);
export const NUMERIC_METRICS: readonly NumericMetric[] = METRICS.filter(isNumeric);

export const runMetrics = (result: ArenaRun): MetricValues => readRun(METRICS, result);
