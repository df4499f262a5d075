// The record of 2020 on one day, as a dashboard snapshot of kind 'record': the shared part from
// real data (releases, batches, talks and the walk-out, stall episodes, events), and `replay` with
// what only history has. What exists only in the model (trust, violence, stall risk, the seed,
// an outcome) is not in it at all; the panels say it is not observed.
import type {DayBand, ReleaseBand} from '../analysis/band.js';
import {dayOf} from '../history/load.js';
import {DEFAULT_STALL, type Replay} from '../history/replay.js';
import type {HistoryEvent, Side} from '../history/schema.js';
import type {AgentId} from '../sim/types.js';
import {groupDigits} from '../fmt/group-digits.js';
import type {ActView, EventDetail, ReplayView} from './history-view.js';
import {SNAPSHOT_EVENTS, type BatchView, type Playback, type RecordSnapshot} from './snapshot.js';

/** What the record does not say but the panels need: the agreed totals and ratio (from the scenario of the same name). */
export interface ReplayTerms {
  targets: {government: number; taliban: number};
  ratio: number;
}

export interface ReplayFrame {
  playback: Playback;
  speed: number;
  /** The event jumped to (an index into the record's events); null: the latest on or before the day. */
  pinned?: number | null;
  terms: ReplayTerms;
  /** `--compare`: the model scenario's band on every day. */
  compare?: {scenario: string; band: ReleaseBand} | null;
}

/** The band on `day`, or on its last day when the band is shorter. */
const bandOn = (band: ReleaseBand, side: Side, day: number): DayBand => band[side][Math.min(day, band[side].length - 1)]!;

export const eventDay = (replay: Replay, e: HistoryEvent): number => dayOf(replay.history, e.date);

/** Index of the latest event on or before `day`, or -1 before the first. */
export function latestEventIndex(replay: Replay, day: number): number {
  const events = replay.history.events;
  let i = -1;
  while (i + 1 < events.length && eventDay(replay, events[i + 1]!) <= day) i++;
  return i;
}

const COUNT_FIELDS = ['released', 'cumulative', 'demanded', 'offered', 'withheld', 'transferred', 'reciprocal', 'members'] as const;

/** "released about 100 (government)", …, then the row's own numbers as written, in quotes. */
function numbersOf(e: HistoryEvent): string[] {
  const out: string[] = [];
  for (const field of COUNT_FIELDS) {
    const n = e[field];
    if (n === undefined) continue;
    const about = e.approximate && (field === 'released' || field === 'cumulative') ? 'about ' : '';
    const whose = e.side && (field === 'released' || field === 'cumulative' || field === 'reciprocal') ? ` (${e.side})` : '';
    out.push(`${field} ${about}${groupDigits(n)}${whose}`);
  }
  if (e.numbers) out.push(`"${e.numbers}"`);
  return out;
}

export function eventDetail(replay: Replay, index: number): EventDetail {
  const events = replay.history.events;
  const e = events[index]!;
  const show = (v: unknown): string => (typeof v === 'number' ? groupDigits(v) : String(v));
  return {
    id: e.id,
    index,
    total: events.length,
    day: eventDay(replay, e),
    date: e.date,
    until: e.until ?? null,
    actor: e.actor,
    type: e.type,
    summary: e.summary,
    numbers: numbersOf(e),
    confidence: e.confidence,
    sources: [...e.sources],
    note: e.note ?? null,
    disagreements: Object.entries(e.disagreement ?? {}).flatMap(([field, d]) =>
      d ? [{field, values: d.values.map(show), chosen: show(d.chosen), why: d.why}] : [],
    ),
  };
}

/**
 * Release batches so far. A batch reported only as a new total counts the rise over the day
 * before; a total the series had already passed (T64: "at least 4,200") adds no batch.
 */
function batchesTo(replay: Replay, day: number): BatchView[] {
  const out: BatchView[] = [];
  for (const e of replay.history.events) {
    const d = eventDay(replay, e);
    if (d > day) break;
    if (e.type !== 'release-batch' || !e.side) continue;
    const before = d > 0 ? replay.days[d - 1]!.released[e.side] : 0;
    const count = e.released ?? Math.max(0, (e.cumulative ?? before) - before);
    if (count > 0) out.push({day: d, date: e.date, from: e.side, count, criteria: e.summary});
  }
  return out;
}

/** Walk-outs begun so far, with the day each ended (null while it lasts). */
function walkoutsTo(replay: Replay, day: number): RecordSnapshot['walkouts'] {
  const out: RecordSnapshot['walkouts'] = [];
  for (let d = 0; d <= day; d++) {
    const w = replay.days[d]!.walkout;
    const open = out[out.length - 1];
    if (open && open.returnDay === null && w?.since !== open.day) open.returnDay = d;
    if (w && w.since === d) out.push({day: d, returnDay: null, by: w.event.actor});
  }
  return out;
}

function stallTo(replay: Replay, day: number): ReplayView['stall'] {
  const begun = replay.episodes.filter((ep) => ep.start <= day);
  const last = begun[begun.length - 1];
  const date = (d: number): string => replay.days[d]!.date;
  const ended = last && last.end !== null && last.end <= day ? last.end : null;
  return {
    days: replay.days.slice(0, day + 1).map((d) => d.stalled),
    episode: last ? {number: begun.length, start: last.start, startDate: date(last.start), end: ended, endDate: ended === null ? null : date(ended)} : null,
    episodes: begun.length,
  };
}

function latestActs(replay: Replay, upTo: number): Record<AgentId, ActView | null> {
  const acts: Record<AgentId, ActView | null> = {government: null, taliban: null, us: null};
  for (const e of replay.history.events.slice(0, upTo + 1)) {
    if (e.actor === 'government' || e.actor === 'taliban' || e.actor === 'us') acts[e.actor] = {id: e.id, date: e.date, type: e.type, summary: e.summary};
  }
  return acts;
}

/** The record on `day` (0 = the history's start) as a snapshot. */
export function buildReplaySnapshot(replay: Replay, day: number, frame: ReplayFrame): RecordSnapshot {
  const h = replay.history;
  const last = replay.days.length - 1;
  if (!Number.isInteger(day) || day < 0 || day > last) throw new RangeError(`day ${day} is outside the record (0 to ${last})`);
  const today = replay.days[day]!;
  const latest = latestEventIndex(replay, day);
  const selected = frame.pinned ?? latest;
  const custody = h.events.filter((e) => e.type === 'custody' && eventDay(replay, e) <= day).reduce((n, e) => n + (e.transferred ?? 0), 0);
  const walkout = today.walkout;
  return {
    kind: 'record',
    scenario: h.name,
    start: h.start,
    day,
    date: today.date,
    horizon: last,
    playback: frame.playback,
    speed: frame.speed,
    targets: frame.terms.targets,
    ratio: frame.terms.ratio,
    released: {government: today.released.government, taliban: today.released.taliban, custody},
    talks: today.talks,
    walkout: walkout && {by: walkout.event.actor, since: walkout.since, sinceDate: replay.days[walkout.since]!.date, days: day - walkout.since, reason: walkout.event.summary},
    walkouts: walkoutsTo(replay, day),
    batches: batchesTo(replay, day),
    stalled: today.stalled,
    stallCause: replay.stallCauses[day] ?? null,
    stallDefinition: {walkoutDays: DEFAULT_STALL.walkoutDays, noProgressDays: DEFAULT_STALL.noProgressDays},
    events: h.events
      .slice(Math.max(0, latest + 1 - SNAPSHOT_EVENTS), latest + 1)
      .map((e, i) => ({n: Math.max(0, latest + 1 - SNAPSHOT_EVENTS) + i + 1, day: eventDay(replay, e), date: e.date, actor: e.actor, type: e.type, reason: `${e.summary} [${e.id}, ${e.confidence}]`})),
    replay: {
      history: h.name,
      start: h.start,
      end: h.end,
      selected: selected >= 0 ? eventDetail(replay, selected) : null,
      pinned: frame.pinned !== undefined && frame.pinned !== null,
      stall: stallTo(replay, day),
      constructed: {...today.constructed},
      actors: latestActs(replay, latest),
      compare: frame.compare ? {scenario: frame.compare.scenario, runs: frame.compare.band.runs, band: {government: bandOn(frame.compare.band, 'government', day), taliban: bandOn(frame.compare.band, 'taliban', day)}} : null,
    },
  };
}
