// What the engine runs: a scenario resolved to day numbers and policies bound to their
// parameters. Scenario files (src/scenario) are validated and resolved into this; the engine
// never reads files. The sections' types are the outputs of their schemas (config-schema.ts).
import type {z} from 'zod';
import type {ActionBuffer} from './actions.js';
import type {Calendar} from './calendar.js';
import type {completionSchema, EVENT_FIELDS, EventType, stallSchema, talksStart, triggerSchema, worldSchema} from './config-schema.js';
import type {GovPoolSpec, TalPoolSpec} from './population.js';
import type {AgentId, GovCriteria, Memory, TalCriteria, WorldState} from './types.js';

/** One agent's policy for one run: decides on the state, writing its actions into `act`. */
export interface Seat {
  readonly act: ActionBuffer;
  decide(state: WorldState): void;
}

/** A policy bound to its parameters (src/agents/define.ts makes these). */
export interface ResolvedAgent {
  /** Registered policy name. */
  readonly policy: string;
  /** Parameters after validation and defaults. */
  readonly params: Readonly<Record<string, unknown>>;
  /** The policy's memory as a run starts: each new state gets a copy. */
  readonly memory: Readonly<Memory>;
  /** A seat for one run's rounds: it reuses one decision context and one action buffer. */
  seat(config: SimConfig, state: WorldState): Seat;
}

/** An event's own fields (none for some: zod types an empty object as Record<string, never>). */
type Fields<T extends EventType> = keyof (typeof EVENT_FIELDS)[T] extends never ? unknown : z.output<z.ZodObject<(typeof EVENT_FIELDS)[T]>>;
export type Trigger = z.output<typeof triggerSchema>;
/** The round it fires in (events on a date are resolved to one), what happened and where from. */
interface When {
  /** With a trigger: the latest round, the record's date (it fires earlier if the state comes first). */
  day: number;
  note: string;
  source: string;
  /** The state it responds to, or null: a calendar event, on its day in every run. */
  trigger: Trigger | null;
}
type Ordinary = {[T in Exclude<EventType, 'release'>]: {type: T} & When & Fields<T>}[Exclude<EventType, 'release'>];
/** A release names its side, and the order of release is one of that side's. */
type Release = {type: 'release'} & When &
  Omit<Fields<'release'>, 'side' | 'criteria'> &
  ({side: 'government'; criteria: GovCriteria} | {side: 'taliban'; criteria: TalCriteria});

/** A scheduled scenario event, resolved to a round. `note` and `source` say what and where from. */
export type ScheduledEvent = Ordinary | Release;

export type StallConfig = z.output<typeof stallSchema>;
export type WorldParams = z.output<typeof worldSchema>;

export interface SimConfig {
  name: string;
  seed: string;
  calendar: Calendar;
  start: string;
  /** Rounds to simulate at most. */
  days: number;
  talksStart: z.output<typeof talksStart>;
  govPool: GovPoolSpec;
  talPool: TalPoolSpec;
  agents: Record<AgentId, ResolvedAgent>;
  /** Sorted by day, stable. */
  events: readonly ScheduledEvent[];
  stall: StallConfig;
  world: WorldParams;
  /** Shares of the list and of the captives whose release completes the exchange. */
  completion: z.output<typeof completionSchema>;
}
