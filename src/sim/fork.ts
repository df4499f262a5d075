// Starting a run from an observed state instead of day 0: the counterfactual fork. The state
// (releases so far on both sides, the talks, the last progress) comes from outside, e.g. the
// replayed 2020 timeline (src/history/fork.ts); the engine only applies it.
import type {SimConfig} from './config.js';
import {govCriteriaIndex, govFilterMask, lastRelease, releaseFrom, talCriteriaIndex, talFilterMask} from './pools.js';
import {fireScheduledEvents} from './scheduled.js';
import {countGovRelease} from './release.js';
import type {Stepper} from './stepper.js';
import type {WorldState} from './types.js';

export interface Fork {
  /** The day the run starts from (rounds before it are history). */
  day: number;
  released: {government: number; taliban: number};
  talks: 'pending' | 'active' | 'walked-out';
  /** The walk-out under way, by the Taliban: since when, why, and the government releases then. */
  walkout: {since: number; reason: string; governmentReleasedThen: number} | null;
  /** Day the teams first met, or -1. */
  convenedDay: number;
  lastProgressDay: number;
  /** Commanders the Taliban demand first (0: none stands). */
  priorityDemand: number;
}

/**
 * Puts a fresh state at the fork: who has been released (chosen as the government did in 2020:
 * low-threat prisoners on the list by the humanitarian criteria first; the Taliban's regulars),
 * the talks, and the lasting effects of scheduled events before the fork, applied silently.
 */
export function applyFork(s: WorldState, cfg: SimConfig, st: Stepper, fork: Fork): void {
  const c = s.counters;
  const lowTier = govFilterMask({list: 'on', allowSerious: false, allowCommanders: false});
  const anyOnList = govFilterMask({list: 'on', allowSerious: true, allowCommanders: true});
  const anyHeld = govFilterMask({list: 'any', allowSerious: true, allowCommanders: true});
  let gov = 0;
  for (const mask of [lowTier, anyOnList, anyHeld]) {
    gov += releaseFrom(st.govPool, s.govPool, govCriteriaIndex('humanitarian'), mask, fork.released.government - gov);
    countGovRelease(c);
  }
  c.govReleased = gov;
  let tal = releaseFrom(st.talPool, s.talPool, talCriteriaIndex('regular-first'), talFilterMask(false), fork.released.taliban);
  tal += releaseFrom(st.talPool, s.talPool, talCriteriaIndex('regular-first'), talFilterMask(true), fork.released.taliban - tal);
  c.talReleased = tal;
  c.talReleasedSpecial = lastRelease.specialForces;
  if (gov > 0) c.govLastReleaseDay = fork.lastProgressDay;

  s.day = fork.day;
  s.talks = fork.talks;
  s.convenedDay = fork.convenedDay;
  s.lastProgressDay = fork.lastProgressDay;
  s.tal.lastPriorityProgressDay = Math.max(0, fork.convenedDay);
  s.tal.priorityDemand = fork.priorityDemand;
  if (fork.walkout) {
    s.walkoutBy = 'taliban';
    s.walkoutSince = fork.walkout.since;
    s.walkoutReason = fork.walkout.reason;
    s.walkoutGovReleased = fork.walkout.governmentReleasedThen;
    c.walkouts = 1;
    s.walkouts?.push({day: fork.walkout.since, by: 'taliban', reason: fork.walkout.reason, returnDay: null});
  }
  // Events before the fork happened already: apply their lasting effects, log nothing. They fire
  // on their recorded dates, triggers or not (the record dates them), and releases among them are
  // not applied again: the record's counts above already hold what was freed.
  const log = s.log;
  s.log = null;
  const day = s.day;
  s.day = fork.day - 1;
  fireScheduledEvents(s, cfg, st, true);
  s.day = day;
  s.log = log;
}
