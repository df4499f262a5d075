// Stalls, defined operationally (docs/model.md §5, configurable per scenario under `stall:`):
//   a stall is on while talks are broken, or a walk-out has lasted >= walkoutDays rounds, or
//   there has been no progress for >= noProgressDays rounds since the parties first met. An
//   episode runs from onset (the round the condition first holds) to recovery (the first round
//   it no longer holds). The no-progress clock starts at the first meeting: before it there is
//   no negotiation to stall, and how long talks stay pending is the scenario's calendar (a
//   fixed-date talks-convene), which no party's choice moves (docs/model.md §5).
// The rule is written once, in stallRule, and read two ways: by the engine from its state each
// round (updateStall), and over an observed history's days (stallEpisodes, for `parley replay`).
// Stall risk (risk.ts) is the probability of an onset within the next H rounds.
import type {SimConfig, StallConfig} from './config.js';
import {emit} from './log.js';
import type {StallEpisode, WorldState} from './types.js';

/** The two durations that make a stall; the engine's StallConfig has them, and a replay its own. */
export type StallDefinition = Pick<StallConfig, 'walkoutDays' | 'noProgressDays'>;

export type StallCause = StallEpisode['cause'];

/**
 * The stall rule on one day's facts: `awayDays` is how long the walk-out under way has lasted
 * (-1 at the table), `idleDays` the days since the last progress or the first meeting, whichever
 * is later (-1 before the parties have met: the clock has not started), and `complete` whether
 * the exchange is done (no progress is then expected, so its absence is no stall).
 */
export function stallRule(def: StallDefinition, broken: boolean, awayDays: number, idleDays: number, complete: boolean): StallCause | null {
  if (broken) return 'breakdown';
  if (awayDays >= 0 && awayDays >= def.walkoutDays) return 'walk-out';
  if (!complete && idleDays >= 0 && idleDays >= def.noProgressDays) return 'no-progress';
  return null;
}

/** Days the no-progress clock has run: from the later of the last progress and the first meeting; -1 before the parties met. */
export function daysIdle(day: number, lastProgressDay: number, metDay: number | null): number {
  return metDay === null || metDay < 0 || day < metDay ? -1 : day - Math.max(lastProgressDay, metDay);
}

export function stallCause(s: WorldState, cfg: SimConfig): StallCause | null {
  const away = s.talks === 'walked-out' ? s.day - s.walkoutSince : -1;
  return stallRule(cfg.stall, s.talks === 'broken', away, daysIdle(s.day, s.lastProgressDay, s.convenedDay), s.outcome === 'complete');
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

function stallReason(s: WorldState, cfg: SimConfig, cause: StallCause): string {
  switch (cause) {
    case 'breakdown':
      return 'stalled: talks have broken down';
    case 'walk-out':
      return `stalled: ${s.walkoutBy ?? 'a party'} has been away from the table for ${cfg.stall.walkoutDays} days`;
    case 'no-progress':
      return `stalled: no progress for ${cfg.stall.noProgressDays} days`;
  }
}

export interface Episode {
  start: number;
  end: number | null;
}

/**
 * The stall cause on each day 0 to `lastDay` of an observed history, under the same rule:
 * `progressDays` are the days something moved; `walkouts` are [from, to) day ranges away from
 * the table (to null: never back); `metDay` the day the parties first met (null: never, so no
 * want of progress is a stall). A record has no breakdown and no completion to report, and
 * day 0, the start, is never a stall.
 */
export function recordStallCauses(progressDays: readonly number[], walkouts: readonly {from: number; to: number | null}[], lastDay: number, def: StallDefinition, metDay: number | null): (StallCause | null)[] {
  const progress = new Set(progressDays);
  const causes: (StallCause | null)[] = [null];
  let lastProgress = 0;
  for (let day = 1; day <= lastDay; day++) {
    if (progress.has(day)) lastProgress = day;
    let awayDays = -1;
    for (const w of walkouts) if (day >= w.from && (w.to === null || day < w.to)) awayDays = Math.max(awayDays, day - w.from);
    causes.push(stallRule(def, false, awayDays, daysIdle(day, lastProgress, metDay), false));
  }
  return causes;
}

/** The episodes of a day-by-day series of causes: onset the first stalled day, recovery the first day after it that is not. */
export function episodesOf(causes: readonly (StallCause | null)[]): Episode[] {
  const episodes: Episode[] = [];
  for (let day = 1; day < causes.length; day++) {
    const stalled = causes[day] !== null;
    const on = causes[day - 1] !== null;
    if (stalled && !on) episodes.push({start: day, end: null});
    if (!stalled && on) episodes[episodes.length - 1]!.end = day;
  }
  return episodes;
}

/** Stall episodes of an observed history (recordStallCauses), days 1 to `lastDay`. */
export function stallEpisodes(progressDays: readonly number[], walkouts: readonly {from: number; to: number | null}[], lastDay: number, def: StallDefinition, metDay: number | null): Episode[] {
  return episodesOf(recordStallCauses(progressDays, walkouts, lastDay, def, metDay));
}
