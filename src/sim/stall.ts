// Stalls, defined operationally (models.md §3.1, configurable per scenario):
//   a stall is on while talks are broken, or a walk-out has lasted >= walkoutDays rounds, or
//   there has been no progress for >= noProgressDays rounds. An episode runs from onset (the
//   round the condition first holds) to recovery (the first round it no longer holds).
// Stall risk (risk.ts) is the probability of an onset within the next H rounds.
import type {SimConfig} from './config.js';
import {emit} from './log.js';
import type {StallEpisode, WorldState} from './types.js';

export function stallCause(s: WorldState, cfg: SimConfig): StallEpisode['cause'] | null {
  if (s.talks === 'broken') return 'breakdown';
  if (s.talks === 'walked-out' && s.day - s.walkoutSince >= cfg.stall.walkoutDays) return 'walk-out';
  if (s.outcome !== 'complete' && s.day - s.lastProgressDay >= cfg.stall.noProgressDays) return 'no-progress';
  return null;
}

/** Phase 7 of a round: onset and recovery of stall episodes. */
export function updateStall(s: WorldState, cfg: SimConfig): void {
  const cause = stallCause(s, cfg);
  const c = s.counters;
  if (cause !== null && !s.stalled) {
    s.stalled = true;
    s.stallCause = cause;
    s.stallSince = s.day;
    c.stallEpisodes++;
    s.episodes?.push({start: s.day, end: null, cause});
    if (s.log) emit(s, 'world', 'stall', stallReason(s, cfg, cause));
  } else if (cause === null && s.stalled) {
    s.stalled = false;
    s.stallCause = null;
    const ep = s.episodes?.[s.episodes.length - 1];
    if (ep && ep.end === null) ep.end = s.day;
    if (s.log) emit(s, 'world', 'recovery', `stall over after ${s.day - s.stallSince} days`);
  }
  if (s.stalled) c.stalledDays++;
}

function stallReason(s: WorldState, cfg: SimConfig, cause: StallEpisode['cause']): string {
  switch (cause) {
    case 'breakdown':
      return 'stalled: talks have broken down';
    case 'walk-out':
      return `stalled: ${s.walkoutBy ?? 'a party'} has been away from the table for ${cfg.stall.walkoutDays} days`;
    case 'no-progress':
      return `stalled: no progress for ${cfg.stall.noProgressDays} days`;
  }
}

export interface RiskEstimate {
  /** 'onset': P(stall within H); 'recovery': P(recovery within H), when already stalled. */
  mode: 'onset' | 'recovery';
  p: number;
  lo: number;
  hi: number;
  n: number;
}

/** Standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (p <= 0 || p >= 1) throw new RangeError('p must be in (0, 1)');
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/** Wilson score interval for `hits` successes in `n` trials at the given two-sided confidence. */
export function wilson(hits: number, n: number, confidence: number): {p: number; lo: number; hi: number} {
  if (n <= 0) return {p: 0, lo: 0, hi: 1};
  const z = normalQuantile(0.5 + confidence / 2);
  const p = hits / n;
  const z2 = z * z;
  const den = 1 + z2 / n;
  const mid = (p + z2 / (2 * n)) / den;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / den;
  // Clamp so that lo <= p <= hi holds exactly despite rounding at 0 and 1.
  return {p, lo: Math.min(p, Math.max(0, mid - half)), hi: Math.max(p, Math.min(1, mid + half))};
}

