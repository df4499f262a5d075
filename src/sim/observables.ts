// What can be observed of a run, declared once (as Agents.jl's mdata and adata): each observable
// has a name, a type, a unit, how it is read from the run, and what it means. The run report
// (--json, and so --ndjson), the sweep's columns and summaries, and the dashboard's snapshot
// pick observables by name from these tables instead of reading the engine's counters
// themselves; README's table of sweep columns is generated from them (npm run docs).
//
// Observables are read from a run's state and daily series, once a run or once a snapshot, never
// inside the round: the engine's loop records the daily series (sim/run.ts) and nothing else.
import {stallRiskUnderWay} from './under-way.js';
import {round4} from '../stats/round.js';
import {RISK_CAUSES} from './risk.js';
import {TALKS_CODES, type DailySeries} from './run.js';
import {trustOf, T_GOV_TAL, T_GOV_US, T_TAL_GOV, T_TAL_US} from './trust.js';
import type {OutcomeStatus, StallEpisode, TalksState, WorldState} from './types.js';

/** A daily stall-risk estimate: P(onset), or P(recovery) while stalled, with its interval, when it is due and why (risk.ts). */
export interface RiskCell {
  p: number;
  lo: number;
  hi: number;
  mode: 'onset' | 'recovery';
  /** Median rounds to the onset (or recovery) among the rollouts that reached it; null when none did. */
  days: number | null;
  /** The commonest cause of those onsets; null in recovery mode or when none came. */
  cause: StallEpisode['cause'] | null;
}

/** What an observable reads: a run's state and daily series, at its end or while it runs. */
export interface RunView {
  readonly state: WorldState;
  readonly daily: DailySeries;
}

/** The value each declared type stands for: a consumer picking names gets these types. */
export interface TypeValues {
  /** complete, broken or ongoing. */
  outcome: OutcomeStatus;
  talks: TalksState;
  'stall cause': StallEpisode['cause'] | null;
  /** A whole number ≥ 0. */
  count: number;
  /** A day of the run (rounds from the start date), or null when it did not happen. */
  day: number | null;
  /** A probability from 0 to 1, or null when it was not estimated. */
  probability: number | null;
  number: number;
  flag: boolean;
  text: string;
  /** The day's stall-risk estimate, or null when none was made. */
  risk: RiskCell | null;
}

export type ValueType = keyof TypeValues;

/** Each type in words, as a results file holds it, and whether it may be empty (null): README's column table says these. */
export const TYPE_DOCS: Readonly<Record<ValueType, {value: string; empty: boolean}>> = {
  outcome: {value: 'text: complete, broken, ongoing', empty: false},
  talks: {value: 'text: pending, active, walked-out, broken', empty: false},
  'stall cause': {value: 'text: walk-out, no-progress, breakdown', empty: true},
  count: {value: 'whole number ≥ 0', empty: false},
  day: {value: 'day number', empty: true},
  probability: {value: 'number from 0 to 1', empty: true},
  number: {value: 'number', empty: false},
  flag: {value: 'true or false', empty: false},
  text: {value: 'text', empty: false},
  risk: {value: '{p, lo, hi, mode, days, cause}', empty: true},
};

/** The fields every observable documents. */
interface Described<T extends ValueType> {
  type: T;
  /** What one unit of the value is ('–' for a category or a text). */
  unit: string;
  /** What the value means, in a sentence (README's column table is made of these). */
  doc: string;
  /** Its value as reports and sweeps print it, rounded to four decimals (read: unrounded, as the dashboard shows it). */
  print?: (v: TypeValues[T]) => TypeValues[T];
  /** Read from the daily stall-risk estimate: known only when stall.rollouts > 0. */
  stallRisk?: true;
}

/** An observable of the run as a whole, at its end or at the current round. */
export interface RunObservable<T extends ValueType = ValueType> extends Described<T> {
  read: (run: RunView) => TypeValues[T];
}

/** An observable of one row of the daily series (row r: the state after round offset + r + 1). */
export interface DailyObservable<T extends ValueType = ValueType> extends Described<T> {
  read: (daily: DailySeries, r: number) => TypeValues[T];
}

// Identity functions that infer each entry's type from its `type`, so that `read` and `print` must agree with it.
const run = <T extends ValueType>(o: RunObservable<T>): RunObservable<T> => o;
const daily = <T extends ValueType>(o: DailyObservable<T>): DailyObservable<T> => o;

const r4 = (x: number): number => round4(x);
const r4OrNull = (x: number | null): number | null => (x === null ? null : round4(x));
const roundCell = (c: RiskCell | null): RiskCell | null => (c === null ? null : {p: round4(c.p), lo: round4(c.lo), hi: round4(c.hi), mode: c.mode, days: c.days, cause: c.cause});

function riskCellAt(d: DailySeries, r: number): RiskCell {
  const days = d.riskDays[r]!;
  const cause = d.riskCause[r]!;
  return {p: d.riskP[r]!, lo: d.riskLo[r]!, hi: d.riskHi[r]!, mode: d.riskMode[r] === 0 ? 'onset' : 'recovery', days: Number.isNaN(days) ? null : days, cause: cause === 0 ? null : RISK_CAUSES[cause - 1]!};
}

/** The highest daily violence of the run (0 before any round). */
function peakViolence(d: DailySeries): number {
  let peak = 0;
  for (let r = 0; r < d.length; r++) if (d.violence[r]! > peak) peak = d.violence[r]!;
  return peak;
}

const peakRow = (v: RunView): number => stallRiskUnderWay(v.state, v.daily).peakRow;

/** The observables of a run, by name. */
export const RUN_OBSERVABLES = {
  status: run({type: 'outcome', unit: '–', doc: 'the outcome: complete, broken (the talks broke down for good), or ongoing at the horizon', read: (v) => v.state.outcome}),
  outcomeDay: run({type: 'day', unit: 'day', doc: 'the day the exchange completed or the talks broke down; empty while ongoing', read: (v) => (v.state.outcomeDay >= 0 ? v.state.outcomeDay : null)}),
  completionDay: run({type: 'day', unit: 'day', doc: 'the day the exchange completed; empty for a run that did not complete', read: (v) => (v.state.outcome === 'complete' ? v.state.outcomeDay : null)}),
  rounds: run({type: 'count', unit: 'rounds', doc: 'rounds simulated (fewer than the horizon when the exchange completed or broke down)', read: (v) => v.state.day}),
  releasedByGovernment: run({type: 'count', unit: 'prisoners', doc: 'prisoners the government released, from the list or not (transfers to custody are counted apart)', read: (v) => v.state.counters.govReleased}),
  releasedByTaliban: run({type: 'count', unit: 'captives', doc: 'captives the Taliban released', read: (v) => v.state.counters.talReleased}),
  transferredToCustody: run({type: 'count', unit: 'prisoners', doc: "government releases into a third country's custody", read: (v) => v.state.counters.govCustody}),
  offListReleases: run({type: 'count', unit: 'prisoners', doc: 'government releases of prisoners not on the list', read: (v) => v.state.counters.govReleasedOffList}),
  priorityCommandersReleased: run({type: 'count', unit: 'prisoners', doc: 'priority commanders the government released', read: (v) => v.state.counters.govReleasedPriority}),
  batches: run({type: 'count', unit: 'batches', doc: 'release batches, both sides', read: (v) => v.state.counters.govBatches + v.state.counters.talBatches}),
  governmentBatches: run({type: 'count', unit: 'batches', doc: 'government release batches', read: (v) => v.state.counters.govBatches}),
  talibanBatches: run({type: 'count', unit: 'batches', doc: 'Taliban release batches', read: (v) => v.state.counters.talBatches}),
  walkouts: run({type: 'count', unit: 'walk-outs', doc: 'walk-outs from the talks, by either side', read: (v) => v.state.counters.walkouts}),
  stallEpisodes: run({type: 'count', unit: 'episodes', doc: 'stall episodes (docs/model.md §5)', read: (v) => v.state.counters.stallEpisodes}),
  stalledDays: run({type: 'count', unit: 'days', doc: 'days stalled', read: (v) => v.state.counters.stalledDays}),
  peakStallRisk: run({
    type: 'probability',
    unit: 'probability',
    doc: 'the highest daily estimate of a stall onset over the days the talks are under way, from the first meeting on (docs/model.md §5); empty for a run whose talks never met',
    read: (v) => {
      const row = peakRow(v);
      return row >= 0 ? v.daily.riskP[row]! : null;
    },
    print: r4OrNull,
    stallRisk: true,
  }),
  peakStallRiskDay: run({
    type: 'day',
    unit: 'day',
    doc: 'the day of peakStallRisk (the first that shows it); empty when there is none',
    read: (v) => {
      const row = peakRow(v);
      return row >= 0 ? v.daily.offset + row + 1 : null;
    },
    stallRisk: true,
  }),
  meanStallRisk: run({
    type: 'probability',
    unit: 'probability',
    doc: 'the mean of those daily onset estimates; empty for a run whose talks never met',
    read: (v) => stallRiskUnderWay(v.state, v.daily).mean,
    print: r4OrNull,
    stallRisk: true,
  }),
  peakViolence: run({type: 'number', unit: 'baseline = 1', doc: 'the highest daily Taliban violence against government forces (1 is the level before the deal)', read: (v) => peakViolence(v.daily), print: r4}),
  // The current round's state: what the dashboard shows.
  talks: run({type: 'talks', unit: '–', doc: 'the talks now: pending, active, walked-out or broken', read: (v) => v.state.talks}),
  stalled: run({type: 'flag', unit: '–', doc: 'the talks are stalled now', read: (v) => v.state.stalled}),
  stallCause: run({type: 'stall cause', unit: '–', doc: 'why the talks are stalled now (walk-out, no-progress, breakdown); empty when not stalled', read: (v) => v.state.stallCause}),
  violence: run({type: 'number', unit: 'baseline = 1', doc: 'Taliban violence against government forces now', read: (v) => v.state.violence, print: r4}),
  governmentTrustInTaliban: run({type: 'number', unit: 'share 0–1', doc: "the government's trust in the Taliban (mean of its Beta belief)", read: (v) => trustOf(v.state.trust, T_GOV_TAL)}),
  governmentTrustInUs: run({type: 'number', unit: 'share 0–1', doc: "the government's trust in the US", read: (v) => trustOf(v.state.trust, T_GOV_US)}),
  governmentPressure: run({type: 'number', unit: 'stock 0–1', doc: 'pressure on the government', read: (v) => v.state.gov.pressure}),
  governmentAid: run({type: 'number', unit: 'share 0–1', doc: 'US aid to the government, whole at 1', read: (v) => v.state.gov.aid}),
  governmentRatification: run({type: 'text', unit: '–', doc: 'ratification of the releases that need it: none, pending, approved or rejected', read: (v) => v.state.gov.ratification}),
  governmentLastAction: run({type: 'text', unit: '–', doc: "the government's last action", read: (v) => v.state.gov.lastAction}),
  governmentLastReason: run({type: 'text', unit: '–', doc: "the government's reason for it, in words (empty in runs that do not record)", read: (v) => v.state.gov.lastReason}),
  talibanTrustInGovernment: run({type: 'number', unit: 'share 0–1', doc: "the Taliban's trust in the government", read: (v) => trustOf(v.state.trust, T_TAL_GOV)}),
  talibanTrustInUs: run({type: 'number', unit: 'share 0–1', doc: "the Taliban's trust in the US", read: (v) => trustOf(v.state.trust, T_TAL_US)}),
  talibanPressure: run({type: 'number', unit: 'stock 0–1', doc: 'US pressure felt by the Taliban', read: (v) => v.state.tal.pressure}),
  talibanViolenceTarget: run({type: 'number', unit: 'baseline = 1', doc: 'the violence level the Taliban aim for', read: (v) => v.state.tal.violenceTarget}),
  talibanPriorityDemand: run({type: 'count', unit: 'prisoners', doc: 'priority commanders the Taliban demand first (0 once dropped)', read: (v) => v.state.tal.priorityDemand}),
  talibanLastAction: run({type: 'text', unit: '–', doc: "the Taliban's last action", read: (v) => v.state.tal.lastAction}),
  talibanLastReason: run({type: 'text', unit: '–', doc: "the Taliban's reason for it, in words", read: (v) => v.state.tal.lastReason}),
  usTroops: run({type: 'count', unit: 'troops', doc: 'US troops in the country', read: (v) => v.state.us.troops}),
  usDeadline: run({type: 'day', unit: 'day', doc: 'the deadline the US is pressing; empty when none', read: (v) => (v.state.us.deadline >= 0 ? v.state.us.deadline : null)}),
  usLeverage: run({type: 'number', unit: 'stock 0–1', doc: "the US's aid leverage over the government", read: (v) => v.state.us.leverageGov}),
  usLastAction: run({type: 'text', unit: '–', doc: "the US's last action", read: (v) => v.state.us.lastAction}),
  usLastReason: run({type: 'text', unit: '–', doc: "the US's reason for it, in words", read: (v) => v.state.us.lastReason}),
} as const;

/** The observables of each day, by name: the daily rows of --json and --ndjson. */
export const DAILY_OBSERVABLES = {
  releasedByGovernment: daily({type: 'count', unit: 'prisoners', doc: 'government releases so far', read: (d, r) => d.govReleased[r]!}),
  releasedByTaliban: daily({type: 'count', unit: 'captives', doc: 'Taliban releases so far', read: (d, r) => d.talReleased[r]!}),
  transferredToCustody: daily({type: 'count', unit: 'prisoners', doc: "government releases into a third country's custody so far", read: (d, r) => d.govCustody[r]!}),
  talks: daily({type: 'talks', unit: '–', doc: 'the talks that day: pending, active, walked-out or broken', read: (d, r) => TALKS_CODES[d.talks[r]!]!}),
  violence: daily({type: 'number', unit: 'baseline = 1', doc: 'Taliban violence against government forces that day', read: (d, r) => d.violence[r]!, print: r4}),
  stalled: daily({type: 'flag', unit: '–', doc: 'the talks were stalled that day', read: (d, r) => d.stalled[r] === 1}),
  stallRisk: daily({
    type: 'risk',
    unit: 'probability',
    doc: "the day's stall-risk estimate: P(onset), or P(recovery) while stalled, with its interval, the median days to it and the commonest cause of the onsets; empty when not estimated",
    read: (d, r) => (Number.isNaN(d.riskP[r]!) ? null : riskCellAt(d, r)),
    print: roundCell,
    stallRisk: true,
  }),
} as const;

export type RunName = keyof typeof RUN_OBSERVABLES;
export type DailyName = keyof typeof DAILY_OBSERVABLES;
/** The value of run observable K. */
export type RunValue<K extends RunName> = TypeValues[(typeof RUN_OBSERVABLES)[K]['type']];
export type DailyValue<K extends DailyName> = TypeValues[(typeof DAILY_OBSERVABLES)[K]['type']];

/** 'printed': as reports and sweeps write them (rounded where the table says); 'raw': as read (the dashboard). */
export type Reading = 'printed' | 'raw';

/** An entry seen without its type, to read it by name. */
interface Loose<A extends unknown[]> {
  read: (...args: A) => unknown;
  print?: (v: never) => unknown;
}

/** The value as `reading` asks: printed through the entry's `print` (which agrees with its `read`, by construction). */
function shown(o: {print?: (v: never) => unknown}, v: unknown, reading: Reading): unknown {
  return reading === 'printed' && o.print ? (o.print as (v: unknown) => unknown)(v) : v;
}

/** Run observables by name, their keys in the order given. */
export function readRun<const K extends RunName>(names: readonly K[], v: RunView, reading: Reading = 'printed'): {[P in K]: RunValue<P>} {
  const out: Record<string, unknown> = {};
  for (const n of names) out[n] = runValue(n, v, reading);
  return out as {[P in K]: RunValue<P>};
}

/** One run observable. */
export function runValue<K extends RunName>(name: K, v: RunView, reading: Reading = 'printed'): RunValue<K> {
  const o: Loose<[RunView]> = RUN_OBSERVABLES[name];
  return shown(o, o.read(v), reading) as RunValue<K>;
}

/** Daily observables of row r, by name, their keys in the order given. */
export function readDay<const K extends DailyName>(names: readonly K[], d: DailySeries, r: number, reading: Reading = 'printed'): {[P in K]: DailyValue<P>} {
  const out: Record<string, unknown> = {};
  for (const n of names) out[n] = dayValue(n, d, r, reading);
  return out as {[P in K]: DailyValue<P>};
}

/** One daily observable of row r. */
export function dayValue<K extends DailyName>(name: K, d: DailySeries, r: number, reading: Reading = 'printed'): DailyValue<K> {
  const o: Loose<[DailySeries, number]> = DAILY_OBSERVABLES[name];
  return shown(o, o.read(d, r), reading) as DailyValue<K>;
}

/** A run's outcome with its day and date, as the run report and the dashboard show it. */
export interface Outcome {
  status: OutcomeStatus;
  day: number | null;
  date: string | null;
}

export function outcomeOf(v: RunView, date: (day: number) => string): Outcome {
  const day = runValue('outcomeDay', v);
  return {status: runValue('status', v), day, date: day === null ? null : date(day)};
}
