// What a snapshot carries about the 2020 record. In a replay the record is the run: `ReplayView`
// holds what only history has (the selected event with its sources, the real stall episodes, each
// actor's latest act, the model's band under --compare). In a model run whose scenario names a
// history, `ObservedView` sets today's model values against the record. Plain data and small:
// today's values, not whole series (the stall strip is the one exception, ~200 booleans).
import type {Side} from '../history/schema.js';
import type {AgentId} from '../sim/types.js';

/** Who an event is attributed to: an agent, the world (scheduled events), or another actor of the record. */
export type Actor = AgentId | 'world' | 'other';

/** One event in full: the selected-event panel shows all of it. The record's, or a model run's (no grade, sources or note). */
export interface EventDetail {
  /** Timeline row, T<row> (docs/sources.md); #<n> for a run's event. */
  id: string;
  /** Its place among the record's (or the run's) events (0-based) and how many there are. */
  index: number;
  total: number;
  day: number;
  date: string;
  /** Last day of an event spanning several days. */
  until: string | null;
  actor: Actor;
  type: string;
  summary: string;
  /** The structured counts ("released 100 (government)") and the row's free-text numbers. */
  numbers: string[];
  /** The record's grade (C, C2, W, M); null for a model run's event. */
  confidence: string | null;
  sources: string[];
  note: string | null;
  /** Where sources disagree: every value, the one chosen and why. */
  disagreements: {field: string; values: string[]; chosen: string; why: string}[];
}

/** The model's cumulative releases on one day over many seeds. */
export interface BandView {
  median: number;
  p10: number;
  p90: number;
}

/** The latest act of an actor in the record, on or before today. */
export interface ActView {
  id: string;
  date: string;
  type: string;
  summary: string;
}

export interface ReplayView {
  history: string;
  /** The record's first and last dates (seeking stays within them). */
  start: string;
  end: string;
  /** The event jumped to, or else the latest one on or before today; null before any. */
  selected: EventDetail | null;
  /** True when the selected event was jumped to (n / p), not just the latest. */
  pinned: boolean;
  stall: {
    /** One entry a day from day 0 to today: stalled under the model's definition. */
    days: boolean[];
    /** The episode under way, or else the last one that ended; its 1-based number. */
    episode: {number: number; start: number; startDate: string; end: number | null; endDate: string | null} | null;
    /** Episodes begun so far. */
    episodes: number;
  };
  actors: Record<AgentId, ActView | null>;
  /** Today's figure of each side comes from a constructed point of the record (implied or carried forward), not a reported one. */
  constructed: Record<Side, boolean>;
  /** `parley replay --compare`: the model's median and 10–90% band today, per side. */
  compare: {scenario: string; runs: number; band: Record<Side, BandView>} | null;
}

/** A model run set against the record its scenario names (`parley run afghanistan-2020`). */
export interface ObservedView {
  history: string;
  /** The record's cumulative releases on the run's current day (its last values past its end). */
  released: Record<Side, number>;
  /** The record's last date; `pastEnd` once the run has gone beyond it. */
  end: string;
  pastEnd: boolean;
  /** The first reported date on which the run departs from the record, per side (history/divergence.ts). */
  departs: Record<Side, {day: number; date: string} | null>;
}
