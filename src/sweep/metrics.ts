// The outcome metrics of one run, as a sweep keeps them: one value per column, in a fixed order.
// Pure: computed from the finished run's state and daily series, no report built.
import type {ArenaRun} from '../sim/run.js';
import {stallRiskUnderWay} from '../sim/under-way.js';
import {round4 as r4} from '../stats/round.js';

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
] as const;
export type Metric = (typeof METRICS)[number];

/** null where a metric does not apply (no completion; talks that never met, for stall risk). */
export type MetricValues = Record<Metric, string | number | null>;

/** The metrics read from the daily stall-risk estimate: a sweep can fill them only where stall.rollouts > 0. */
export const STALL_RISK_METRICS: readonly Metric[] = ['peakStallRisk', 'meanStallRisk'];

/** Numeric metrics, the ones a summary averages (status is summarised as shares). */
export const NUMERIC_METRICS = METRICS.filter((m) => m !== 'status') as Exclude<Metric, 'status'>[];

export function runMetrics(result: ArenaRun): MetricValues {
  const {state: s, daily: d} = result;
  const c = s.counters;
  const risk = stallRiskUnderWay(s, d);
  let peakViolence = 0;
  for (let r = 0; r < d.length; r++) if (d.violence[r]! > peakViolence) peakViolence = d.violence[r]!;
  return {
    status: s.outcome,
    completionDay: s.outcome === 'complete' ? s.outcomeDay : null,
    releasedByGovernment: c.govReleased,
    releasedByTaliban: c.talReleased,
    batches: c.govBatches + c.talBatches,
    walkouts: c.walkouts,
    stallEpisodes: c.stallEpisodes,
    stalledDays: c.stalledDays,
    peakStallRisk: risk.peakRow >= 0 ? r4(d.riskP[risk.peakRow]!) : null,
    meanStallRisk: risk.mean === null ? null : r4(risk.mean),
    peakViolence: r4(peakViolence),
  };
}
