// What the dashboard shows: an immutable, plain-data picture of a run (or of the record) at one
// moment, of one of two kinds: a model run, or the 2020 record replayed (replay-snapshot.ts).
// The engine loop builds one at most ~20 times a second; panels read nothing else. Plain data, so
// it crosses a worker boundary unchanged and component tests can make their own.
import type {Replay, ReplayTalks} from '../history/replay.js';
import {dateOfDay} from '../sim/calendar.js';
import type {RunHandle} from '../sim/run.js';

import {dayValue, outcomeOf, readRun, type RunName} from '../sim/observables.js';
import {completionTargets} from '../sim/stepper.js';
import type {OutcomeStatus, StallEpisode, TalksState} from '../sim/types.js';
import type {Actor, ObservedView, ReplayView} from './history-view.js';
import {observedView} from './observed.js';

export type Playback = 'running' | 'paused' | 'finished';

/** A release batch. Whether it was agreed or unilateral is the model's: the record does not say. */
export interface BatchView {
  day: number;
  date: string;
  from: 'government' | 'taliban';
  count: number;
  criteria: string;
}

export interface ModelBatchView extends BatchView {
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
  /** Median days to the onset (or recovery) among the rollouts that reached it; null when none did. */
  days: number | null;
  /** The commonest cause of those onsets; null in recovery mode or when none came. */
  cause: StallEpisode['cause'] | null;
}

export interface AgentView {
  policy: string;
  lastAction: string;
  lastReason: string;
}

/** Releases so far; custody transfers count towards the government's target. */
export interface ReleasedView {
  government: number;
  taliban: number;
  custody: number;
}

/** When a stall starts, in days: the part of the definition the record is measured by too. */
export interface StallRuleView {
  walkoutDays: number;
  noProgressDays: number;
}

/** What a model run and the record both have: the panels common to both read only this. */
interface SnapshotBase {
  scenario: string;
  start: string;
  /** Rounds simulated (days of the record) so far (0 before the first). */
  day: number;
  date: string;
  /** The last day: the scenario's horizon in rounds, or the record's last day. */
  horizon: number;
  playback: Playback;
  /** Rounds per second; Infinity is "as fast as possible". */
  speed: number;
  targets: {government: number; taliban: number};
  /** The agreed ratio of government to Taliban releases. */
  ratio: number;
  released: ReleasedView;
  talks: TalksState | 'open';
  /** The walk-out under way, if any. */
  walkout: {by: Actor; since: number; sinceDate: string; days: number; reason: string} | null;
  /** Every walk-out so far (for the timeline), including the current one. */
  walkouts: {day: number; returnDay: number | null; by: Actor}[];
  batches: BatchView[];
  stalled: boolean;
  stallCause: StallEpisode['cause'] | null;
  stallDefinition: StallRuleView;
  /** The latest events, oldest first. */
  events: EventView[];
}

/** A model run: the engine's state, including what exists only in the model (trust, violence, stall risk). */
export interface ModelSnapshot extends SnapshotBase {
  kind: 'model';
  seed: string;
  outcome: {status: OutcomeStatus; day: number | null; date: string | null};
  released: ReleasedView & {offList: number};
  talks: TalksState;
  batches: ModelBatchView[];
  /** Today's stall risk (onset, or recovery while stalled); null when not estimated. */
  risk: RiskView | null;
  /** One entry a round: P(onset) or, while stalled, P(recovery); NaN when not estimated. */
  riskHistory: number[];
  /** Parallel to riskHistory: true where the entry is P(recovery). */
  recoveryHistory: boolean[];
  stallDefinition: StallRuleView & {horizon: number; rollouts: number; confidence: number; precision: number};
  violence: number;
  government: AgentView & {trustInTaliban: number; trustInUs: number; pressure: number; aid: number; ratification: string};
  taliban: AgentView & {trustInGovernment: number; trustInUs: number; pressure: number; violenceTarget: number; priorityDemand: number};
  us: AgentView & {troops: number; troopsStart: number; deadline: number | null; leverage: number};
  /** Set when the run's scenario names a history: the record on the run's current day. */
  observed?: ObservedView;
  /** With --posterior: the particle the run's seed drew ("particle 17 of posterior.csv"). */
  drawn?: string;
}

/**
 * The 2020 record replayed: the same shared part from real data, and `replay` with what only
 * history has. The model's own numbers are not here at all, so no panel can show them by mistake.
 */
export interface RecordSnapshot extends SnapshotBase {
  kind: 'record';
  /** 'open': the intra-Afghan negotiations opened (12 September 2020). */
  talks: ReplayTalks;
  replay: ReplayView;
}

/** What the dashboard shows; panels switch on `kind` once. */
export type Snapshot = ModelSnapshot | RecordSnapshot;

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
export function buildSnapshot(run: RunHandle, playback: Playback, speed: number, history: Replay | null = null, drawn: string | null = null): ModelSnapshot {
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
    kind: 'model',
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
      precision: cfg.stall.precision,
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
    ...(drawn === null ? {} : {drawn}),
  };
}

