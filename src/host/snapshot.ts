// What the dashboard shows: an immutable, plain-data picture of a run at one moment. The
// engine loop builds one at most ~20 times a second; panels read nothing else. Plain data, so
// it crosses a worker boundary unchanged and component tests can make their own.
import type {Replay} from '../history/replay.js';
import {dateOfDay} from '../sim/calendar.js';
import type {RunHandle} from '../sim/run.js';

import {dayValue, outcomeOf, readRun, type RunName} from '../sim/observables.js';
import {completionTargets} from '../sim/stepper.js';
import type {OutcomeStatus, StallEpisode, TalksState} from '../sim/types.js';
import type {Actor} from './history-view.js';
import type {ObservedView, ReplayView} from './history-view.js';
import {observedView} from './observed.js';

export type Playback = 'running' | 'paused' | 'finished';

export interface BatchView {
  day: number;
  date: string;
  from: 'government' | 'taliban';
  count: number;
  criteria: string;
  unilateral: boolean;
}

export interface EventView {
  /** Its place in the run's log (or the record), from 1: it names the event while the log scrolls. */
  n: number;
  day: number;
  date: string;
  actor: Actor;
  type: string;
  reason: string;
}

export interface RiskView {
  p: number;
  lo: number;
  hi: number;
  mode: 'onset' | 'recovery';
}

export interface AgentView {
  policy: string;
  lastAction: string;
  lastReason: string;
}

export interface Snapshot {
  scenario: string;
  seed: string;
  start: string;
  /** Rounds simulated so far (0 before the first). */
  day: number;
  date: string;
  /** The scenario's horizon in rounds. */
  horizon: number;
  playback: Playback;
  /** Rounds per second; Infinity is "as fast as possible". */
  speed: number;
  outcome: {status: OutcomeStatus; day: number | null; date: string | null};
  targets: {government: number; taliban: number};
  /** The agreed ratio of government to Taliban releases. */
  ratio: number;
  released: {government: number; taliban: number; custody: number; offList: number};
  /** 'open' only in a replay: the intra-Afghan negotiations opened (12 September 2020). */
  talks: TalksState | 'open';
  /** The walk-out under way, if any. */
  walkout: {by: Actor; since: number; sinceDate: string; days: number; reason: string} | null;
  /** Every walk-out so far (for the timeline), including the current one. */
  walkouts: {day: number; returnDay: number | null; by: Actor}[];
  batches: BatchView[];
  stalled: boolean;
  stallCause: StallEpisode['cause'] | null;
  /** Today's stall risk (onset, or recovery while stalled); null when not estimated. */
  risk: RiskView | null;
  /** One entry a round: P(onset) or, while stalled, P(recovery); NaN when not estimated. */
  riskHistory: number[];
  /** Parallel to riskHistory: true where the entry is P(recovery). */
  recoveryHistory: boolean[];
  stallDefinition: {walkoutDays: number; noProgressDays: number; horizon: number; rollouts: number; confidence: number};
  violence: number;
  government: AgentView & {trustInTaliban: number; trustInUs: number; pressure: number; aid: number; ratification: string};
  taliban: AgentView & {trustInGovernment: number; trustInUs: number; pressure: number; violenceTarget: number; priorityDemand: number};
  us: AgentView & {troops: number; troopsStart: number; deadline: number | null; leverage: number};
  /** The latest events, oldest first. */
  events: EventView[];
  /**
   * Set when the snapshot replays the record instead of running the model: then the model-only
   * numbers above (trust, violence, stall risk) are NaN or empty, and panels say they are not observed.
   */
  replay?: ReplayView;
  /** Set when a model run's scenario names a history: the record on the run's current day. */
  observed?: ObservedView;
}

/**
 * How many latest events a snapshot carries: the log panel shows as many as fit (it fills a
 * column of a 200x60 terminal, up to its maxRows), and older ones can be selected.
 */
export const SNAPSHOT_EVENTS = 100;

/** The observables a snapshot shows (sim/observables.ts); the rest is the scenario's settings and the run's records. */
const SNAPSHOT_OBSERVABLES = [
  'rounds',
  'releasedByGovernment',
  'releasedByTaliban',
  'transferredToCustody',
  'offListReleases',
  'talks',
  'stalled',
  'stallCause',
  'violence',
  'governmentLastAction',
  'governmentLastReason',
  'governmentTrustInTaliban',
  'governmentTrustInUs',
  'governmentPressure',
  'governmentAid',
  'governmentRatification',
  'talibanLastAction',
  'talibanLastReason',
  'talibanTrustInGovernment',
  'talibanTrustInUs',
  'talibanPressure',
  'talibanViolenceTarget',
  'talibanPriorityDemand',
  'usLastAction',
  'usLastReason',
  'usTroops',
  'usDeadline',
  'usLeverage',
] as const satisfies readonly RunName[];

/** `history`: the record the run's scenario names, if any, to set the run against. */
export function buildSnapshot(run: RunHandle, playback: Playback, speed: number, history: Replay | null = null): Snapshot {
  const {config: cfg, state: s, daily} = run;
  const date = (day: number): string => dateOfDay(cfg.calendar, day);
  // The dashboard shows values as read, unrounded (its panels round them for the eye).
  const o = readRun(SNAPSHOT_OBSERVABLES, run, 'raw');
  const riskHistory: number[] = new Array<number>(daily.length);
  const recoveryHistory: boolean[] = new Array<boolean>(daily.length);
  for (let r = 0; r < daily.length; r++) {
    const cell = dayValue('stallRisk', daily, r, 'raw');
    riskHistory[r] = cell ? cell.p : Number.NaN;
    recoveryHistory[r] = cell?.mode === 'recovery';
  }
  const risk: RiskView | null = daily.length > 0 ? dayValue('stallRisk', daily, daily.length - 1, 'raw') : null;
  const log = s.log ?? [];
  const walkouts = s.walkouts ?? [];
  return {
    scenario: cfg.name,
    seed: cfg.seed,
    start: cfg.start,
    day: o.rounds,
    date: date(o.rounds),
    horizon: cfg.days,
    playback,
    speed,
    outcome: outcomeOf(run, date),
    targets: completionTargets(cfg),
    ratio: cfg.world.ratio,
    released: {government: o.releasedByGovernment, taliban: o.releasedByTaliban, custody: o.transferredToCustody, offList: o.offListReleases},
    talks: o.talks,
    walkout:
      o.talks === 'walked-out' && s.walkoutBy
        ? {by: s.walkoutBy, since: s.walkoutSince, sinceDate: date(s.walkoutSince), days: o.rounds - s.walkoutSince, reason: s.walkoutReason}
        : null,
    walkouts: walkouts.map((w) => ({day: w.day, returnDay: w.returnDay, by: w.by})),
    batches: (s.batches ?? []).map((b) => ({day: b.day, date: date(b.day), from: b.from, count: b.count, criteria: b.criteria, unilateral: b.unilateral})),
    stalled: o.stalled,
    stallCause: o.stallCause,
    risk,
    riskHistory,
    recoveryHistory,
    stallDefinition: {
      walkoutDays: cfg.stall.walkoutDays,
      noProgressDays: cfg.stall.noProgressDays,
      horizon: cfg.stall.horizon,
      rollouts: cfg.stall.rollouts,
      confidence: cfg.stall.confidence,
    },
    violence: o.violence,
    government: {
      policy: cfg.agents.government.policy,
      lastAction: o.governmentLastAction,
      lastReason: o.governmentLastReason,
      trustInTaliban: o.governmentTrustInTaliban,
      trustInUs: o.governmentTrustInUs,
      pressure: o.governmentPressure,
      aid: o.governmentAid,
      ratification: o.governmentRatification,
    },
    taliban: {
      policy: cfg.agents.taliban.policy,
      lastAction: o.talibanLastAction,
      lastReason: o.talibanLastReason,
      trustInGovernment: o.talibanTrustInGovernment,
      trustInUs: o.talibanTrustInUs,
      pressure: o.talibanPressure,
      violenceTarget: o.talibanViolenceTarget,
      priorityDemand: o.talibanPriorityDemand,
    },
    us: {
      policy: cfg.agents.us.policy,
      lastAction: o.usLastAction,
      lastReason: o.usLastReason,
      troops: o.usTroops,
      troopsStart: cfg.world.troops.start,
      deadline: o.usDeadline,
      leverage: o.usLeverage,
    },
    events: log.slice(-SNAPSHOT_EVENTS).map((e, i, shown) => ({n: log.length - shown.length + i + 1, day: e.day, date: date(e.day), actor: e.actor, type: e.type, reason: e.reason})),
    ...(history ? {observed: observedView(history, run)} : {}),
  };
}

