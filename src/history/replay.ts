// The 2020 timeline replayed day by day: what had been released, the state of the talks and the
// stalls, as the sources report them, with no model involved. `parley replay` prints it; the
// fit measures (src/analysis/fit.ts) set model runs against it.
import {formatIsoDate, parseIsoDate} from '../sim/calendar.js';
import {episodesOf, recordStallCauses, type Episode, type StallCause, type StallDefinition} from '../sim/stall.js';
import {dayOf} from './load.js';
import type {HistoryEvent, HistoryFile, Side} from './schema.js';

export type ReplayTalks = 'pending' | 'active' | 'walked-out' | 'open';

export interface ReplayDay {
  day: number;
  date: string;
  released: Record<Side, number>;
  /** The day's figure comes from a constructed point of the series (implied or carried forward), not a reported one. */
  constructed: Record<Side, boolean>;
  talks: ReplayTalks;
  /** The walk-out under way: since which day, and the event that began it. */
  walkout: {since: number; event: HistoryEvent} | null;
  stalled: boolean;
  /** Events dated this day. */
  events: HistoryEvent[];
}

export interface ReplayMilestones {
  firstGovernmentRelease: number | null;
  firstTalibanRelease: number | null;
  firstWalkout: number | null;
  /** The day intra-party talks opened. */
  talksOpen: number | null;
}

export interface Replay {
  history: HistoryFile;
  days: ReplayDay[];
  episodes: Episode[];
  /** Each day's stall cause (null: no stall), by the rule of src/sim/stall.ts; days[d].stalled is causes[d] !== null. */
  stallCauses: (StallCause | null)[];
  milestones: ReplayMilestones;
}

/** The model's default stall definition (docs/model.md §5), applied to what happened. */
export const DEFAULT_STALL: StallDefinition = {walkoutDays: 7, noProgressDays: 14};

/** Days something moved, as in the model: a release batch by either side, custody, the talks convening, returning or opening. */
export function isProgress(e: HistoryEvent): boolean {
  return e.type === 'release-batch' || e.type === 'custody' || e.talks === 'convene' || e.talks === 'return' || e.talks === 'open';
}

export function replayTimeline(history: HistoryFile, def: StallDefinition = DEFAULT_STALL): Replay {
  const last = dayOf(history, history.end);
  const byDay = new Map<number, HistoryEvent[]>();
  for (const e of history.events) {
    const d = dayOf(history, e.date);
    byDay.set(d, [...(byDay.get(d) ?? []), e]);
  }
  // Cumulative releases on each day: the latest observed point on or before it, and whether that point was constructed.
  const seriesOn = (side: Side): {value: number[]; constructed: boolean[]} => {
    const value = new Array<number>(last + 1).fill(0);
    const constructed = new Array<boolean>(last + 1).fill(false);
    for (const p of history.series[side]) {
      const d = dayOf(history, p.date);
      for (let k = Math.max(0, d); k <= last; k++) {
        value[k] = p.cumulative;
        constructed[k] = p.basis === 'constructed';
      }
    }
    return {value, constructed};
  };
  const gov = seriesOn('government');
  const tal = seriesOn('taliban');

  const walkouts: {from: number; to: number | null; event: HistoryEvent}[] = [];
  const progressDays: number[] = [];
  const days: ReplayDay[] = [];
  let talks: ReplayTalks = 'pending';
  // The first meeting starts the no-progress clock (src/sim/stall.ts): convening, opening, or a first return, as in the engine.
  let metDay: number | null = null;
  for (let day = 0; day <= last; day++) {
    const events = byDay.get(day) ?? [];
    for (const e of events) {
      if (isProgress(e)) progressDays.push(day);
      if (e.talks === 'convene' && talks === 'pending') talks = 'active';
      if (e.talks === 'walk-out') {
        talks = 'walked-out';
        walkouts.push({from: day, to: null, event: e});
      }
      if (e.talks === 'return' && talks === 'walked-out') {
        talks = 'active';
        walkouts[walkouts.length - 1]!.to = day;
      }
      if (e.talks === 'open') talks = 'open';
      if (metDay === null && (talks === 'active' || talks === 'open')) metDay = day;
    }
    const open = walkouts.find((w) => w.to === null);
    days.push({
      day,
      date: dateAt(history, day),
      released: {government: gov.value[day]!, taliban: tal.value[day]!},
      constructed: {government: gov.constructed[day]!, taliban: tal.constructed[day]!},
      talks,
      walkout: open ? {since: open.from, event: open.event} : null,
      stalled: false,
      events,
    });
  }
  const stallCauses = recordStallCauses(progressDays, walkouts, last, def, metDay);
  const episodes = episodesOf(stallCauses);
  for (const d of days) d.stalled = stallCauses[d.day] !== null;

  const first = (test: (e: HistoryEvent) => boolean): number | null => {
    const e = history.events.find(test);
    return e ? dayOf(history, e.date) : null;
  };
  return {
    history,
    days,
    episodes,
    stallCauses,
    milestones: {
      firstGovernmentRelease: first((e) => e.type === 'release-batch' && e.side === 'government'),
      firstTalibanRelease: first((e) => e.type === 'release-batch' && e.side === 'taliban'),
      firstWalkout: first((e) => e.talks === 'walk-out'),
      talksOpen: first((e) => e.talks === 'open'),
    },
  };
}

/** ISO date of a day of the history (integer calendar arithmetic, as the engine's). */
function dateAt(history: HistoryFile, day: number): string {
  return formatIsoDate(parseIsoDate(history.start)! + day);
}
