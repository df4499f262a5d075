// The run report: the one document `parley run --json` prints, and the records of --ndjson.
// Field names are a stable contract for researchers (pandas, R, DuckDB): add, never rename.
import {dateOfDay} from './calendar.js';
import {completionTargets} from './stepper.js';
import type {RunResult} from './run.js';
import {outcomeOf, type Outcome, type RiskCell, readDay, readRun, runValue, type DailyName, type DailyValue, type RunName, type RunValue} from './observables.js';
import type {AgentId} from './types.js';

export type {Outcome, RiskCell} from './observables.js';

/** The observables of a daily row, after its day and date, in this order. */
const DAILY_FIELDS = ['releasedByGovernment', 'releasedByTaliban', 'transferredToCustody', 'talks', 'violence', 'stalled', 'stallRisk'] as const satisfies readonly DailyName[];

/** The observables of the report's totals, in this order. */
const TOTALS = [
  'releasedByGovernment',
  'releasedByTaliban',
  'transferredToCustody',
  'offListReleases',
  'priorityCommandersReleased',
  'batches',
  'governmentBatches',
  'talibanBatches',
  'walkouts',
  'stallEpisodes',
  'stalledDays',
] as const satisfies readonly RunName[];

export type DailyRow = {day: number; date: string} & {[K in (typeof DAILY_FIELDS)[number]]: DailyValue<K>};

/** A run's cumulative releases against an observed series on one reported date. */
export interface DivergencePoint {
  side: 'government' | 'taliban';
  day: number;
  date: string;
  observed: number;
  model: number;
  /** Off by more than 50 prisoners and more than 10% (src/history/divergence.ts). */
  departs: boolean;
}

/** Where a run parts from the history its scenario names. */
export interface Divergence {
  history: string;
  /** The run's first simulated day is fromDay + 1; reported dates before that are history for both. */
  fromDay: number;
  /** Reported dates after the start, both sides, with the run's value on each. */
  points: DivergencePoint[];
  /** The first reported date on which the run departs from the record, per side. */
  first: Record<'government' | 'taliban', {day: number; date: string} | null>;
}

/** The particle of a posterior sample a run's parameters were drawn from (`--posterior`, src/scenario/posterior.ts). */
export interface PosteriorDraw {
  file: string;
  /** The posterior's digest (src/scenario/posterior-file.ts): two files with the same one draw alike. */
  digest: string;
  particles: number;
  particle: number;
  /** Its normalised weight. */
  weight: number;
  /** Its values, by --set path. */
  values: Record<string, number>;
}

export interface RunReport {
  scenario: string;
  seed: string;
  version: string;
  start: string;
  /** Horizon in rounds. */
  days: number;
  /** Rounds actually simulated (fewer if the exchange completed or broke down). */
  rounds: number;
  roundDays: number;
  /** The historical state the run was forked from (`--from`), or null for a run from day 0. */
  from: {day: number; date: string; released: {government: number; taliban: number}; talks: string} | null;
  /** The run set against the observed series of the scenario's history, or null when it names none. */
  history: Divergence | null;
  /** The posterior particle the run's parameters came from (`--posterior`), or null for none. */
  posterior: PosteriorDraw | null;
  policies: Record<AgentId, {policy: string; params: Readonly<Record<string, unknown>>}>;
  outcome: Outcome;
  /** Releases that complete the exchange: from the list (or to custody), and captives. */
  targets: {government: number; taliban: number};
  /** The stall definition and stall-risk settings this run used (docs/model.md §5). */
  stall: {walkoutDays: number; noProgressDays: number; redLineDays: number; horizon: number; rollouts: number; confidence: number; precision: number};
  totals: {[K in (typeof TOTALS)[number]]: RunValue<K>};
  /** The highest onset estimate while the talks are under way (sim/under-way.ts), or null: not estimated, or the talks never met. */
  peakStallRisk: ({day: number; date: string} & RiskCell) | null;
  daily: DailyRow[];
  batches: {day: number; date: string; from: 'government' | 'taliban'; count: number; criteria: string; unilateral: boolean}[];
  walkouts: {day: number; date: string; by: AgentId; reason: string; returnDay: number | null; returnDate: string | null}[];
  stallEpisodes: {start: number; startDate: string; end: number | null; endDate: string | null; cause: string}[];
  events: {day: number; date: string; actor: string; type: string; reason: string; count?: number}[];
}

export function buildReport(result: RunResult, version: string, history: Divergence | null = null, posterior: PosteriorDraw | null = null): RunReport {
  const {config: cfg, state: s, daily} = result;
  const date = (day: number): string => dateOfDay(cfg.calendar, day);
  const rows: DailyRow[] = [];
  for (let r = 0; r < daily.length; r++) {
    const day = daily.offset + r + 1;
    rows.push({day, date: date(day), ...readDay(DAILY_FIELDS, daily, r)});
  }
  const peakDay = runValue('peakStallRiskDay', result);
  const peakRisk = peakDay === null ? null : rows[peakDay - daily.offset - 1]!.stallRisk;
  const peak: RunReport['peakStallRisk'] = peakDay !== null && peakRisk ? {day: peakDay, date: date(peakDay), ...peakRisk} : null;
  const policies = {} as RunReport['policies'];
  for (const agent of ['government', 'taliban', 'us'] as const) {
    policies[agent] = {policy: cfg.agents[agent].policy, params: cfg.agents[agent].params};
  }
  return {
    scenario: cfg.name,
    seed: cfg.seed,
    version,
    start: cfg.start,
    days: cfg.days,
    rounds: runValue('rounds', result),
    roundDays: cfg.calendar.roundDays,
    from: result.fork ? {day: result.fork.day, date: date(result.fork.day), released: {...result.fork.released}, talks: result.fork.talks} : null,
    history,
    posterior,
    policies,
    outcome: outcomeOf(result, date),
    targets: completionTargets(cfg),
    stall: {...cfg.stall},
    totals: readRun(TOTALS, result),
    peakStallRisk: peak,
    daily: rows,
    batches: (s.batches ?? []).map((b) => ({day: b.day, date: date(b.day), from: b.from, count: b.count, criteria: b.criteria, unilateral: b.unilateral})),
    walkouts: (s.walkouts ?? []).map((w) => ({
      day: w.day,
      date: date(w.day),
      by: w.by,
      reason: w.reason,
      returnDay: w.returnDay,
      returnDate: w.returnDay === null ? null : date(w.returnDay),
    })),
    stallEpisodes: (s.episodes ?? []).map((e) => ({start: e.start, startDate: date(e.start), end: e.end, endDate: e.end === null ? null : date(e.end), cause: e.cause})),
    events: (s.log ?? []).map((e) => ({day: e.day, date: date(e.day), actor: e.actor, type: e.type, reason: e.reason, ...(e.count === undefined ? {} : {count: e.count})})),
  };
}

/**
 * The report as NDJSON records, in time order: a `run` header, then for each round its `day`
 * row followed by that round's `batch`, `walkout` and `event` records, and a closing `outcome`.
 * What a record is goes in `record`, so that `type` means one thing everywhere: an event's kind,
 * as in --json's events and in scenario files.
 */
export function* reportRecords(report: RunReport): Generator<Record<string, unknown>> {
  const {daily, batches, walkouts, events, ...head} = report;
  const {outcome, totals, peakStallRisk, stallEpisodes, ...meta} = head;
  yield {record: 'run', ...meta};
  let b = 0;
  let w = 0;
  let e = 0;
  for (const row of daily) {
    yield {record: 'day', ...row};
    for (; b < batches.length && batches[b]!.day <= row.day; b++) yield {record: 'batch', ...batches[b]!};
    for (; w < walkouts.length && walkouts[w]!.day <= row.day; w++) yield {record: 'walkout', ...walkouts[w]!};
    for (; e < events.length && events[e]!.day <= row.day; e++) yield {record: 'event', ...events[e]!};
  }
  yield {record: 'outcome', outcome, totals, peakStallRisk, stallEpisodes};
}
