// The outcome metrics of one run, as a sweep keeps them: one value per column, in a fixed order.
// Pure: computed from the finished run's state and daily series, no report built.
import type {ArenaRun} from '../sim/run.js';
import {firstRowUnderWay} from '../sim/under-way.js';

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

/** Rounds floats for output: far below the model's precision, and stable across machines. */
const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;

export function runMetrics(result: ArenaRun): MetricValues {
  const {state: s, daily: d} = result;
  const c = s.counters;
  let peakRisk = -1;
  let riskSum = 0;
  let riskDays = 0;
  let peakViolence = 0;
  const underWay = firstRowUnderWay(s, d);
  for (let r = 0; r < d.length; r++) {
    const p = d.riskP[r]!;
    // Only onset estimates, and only once the talks are under way (under-way.ts): while stalled
    // the panel shows P(recovery), a different quantity.
    if (r >= underWay && !Number.isNaN(p) && d.riskMode[r] === 0) {
      if (p > peakRisk) peakRisk = p;
      riskSum += p;
      riskDays++;
    }
    if (d.violence[r]! > peakViolence) peakViolence = d.violence[r]!;
  }
  return {
    status: s.outcome,
    completionDay: s.outcome === 'complete' ? s.outcomeDay : null,
    releasedByGovernment: c.govReleased,
    releasedByTaliban: c.talReleased,
    batches: c.govBatches + c.talBatches,
    walkouts: c.walkouts,
    stallEpisodes: c.stallEpisodes,
    stalledDays: c.stalledDays,
    peakStallRisk: riskDays > 0 ? r4(peakRisk) : null,
    meanStallRisk: riskDays > 0 ? r4(riskSum / riskDays) : null,
    peakViolence: r4(peakViolence),
  };
}
