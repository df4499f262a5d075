// Core types of the world model. Types first: every other module in src/sim and src/agents
// builds on these. The engine mutates one WorldState in place for speed (no per-round
// allocation); `cloneState` gives a value copy whenever one is needed.
import type {Rng} from './rng.js';
import type {ReasonArg} from './reason.js';

/** Who in a pool is still held, for one run (src/sim/pools.ts releases from it). */
export interface PoolStatus {
  /** 0 held, 1 released, 2 transferred to third-country custody. */
  readonly released: Uint8Array;
  /** Per (order, category) list: every entry before the cursor is already out of the pool. */
  readonly cursors: Int32Array;
  /**
   * Per category: the one order it has been released in (-1 none yet, -2 more than one). While
   * there is one, nobody after that order's cursor is out, so a run need not look (pool-runs.ts).
   */
  readonly orderUsed: Int8Array;
  /** Still held, by category. */
  readonly remaining: Int32Array;
}

export type AgentId = 'government' | 'taliban' | 'us';
export const AGENTS: readonly AgentId[] = ['government', 'taliban', 'us'];
/** Where each agent's part of the world state is (`state.gov`, `state.tal`, `state.us`). */
export const PART_OF = {government: 'gov', taliban: 'tal', us: 'us'} as const satisfies Record<AgentId, keyof WorldState>;

/**
 * Talks state machine. `pending`: the parties have not yet met (technical teams not convened);
 * `active`: in session; `walked-out`: one party has left the table (see `walkoutBy`);
 * `broken`: a party has left for good (absorbing).
 */
export type TalksState = 'pending' | 'active' | 'walked-out' | 'broken';
export const TALKS_TRANSITIONS: Readonly<Record<TalksState, readonly TalksState[]>> = {
  pending: ['active', 'walked-out', 'broken'],
  active: ['walked-out', 'broken'],
  'walked-out': ['active', 'broken'],
  broken: [],
};

/** How the government picks prisoners for a batch (see population.ts for the exact orders). */
export const GOV_CRITERIA = ['humanitarian', 'health', 'age', 'sentence', 'low-danger', 'priority-first', 'list-order'] as const;
export type GovCriteria = (typeof GOV_CRITERIA)[number];
/** How the Taliban pick captives: keep special forces to the end, or release them first. */
export const TAL_CRITERIA = ['regular-first', 'special-forces-first'] as const;
export type TalCriteria = (typeof TAL_CRITERIA)[number];

/**
 * States a scheduled event can respond to (src/sim/triggers.ts tests them): only the high-value
 * prisoners are left on the list (T70: the last 400 referred to a Loya Jirga); the ratification
 * assembly has approved their release (T75, T76).
 */
export const TRIGGERS = ['only-high-tier-left', 'ratification-approved'] as const;
export type TriggerCondition = (typeof TRIGGERS)[number];

/** Which of the government's prisoners a batch may draw from. */
export interface ReleaseFilter {
  /** 'on': only the Taliban's list; 'off': only prisoners not on it; 'any': both. */
  list: 'on' | 'off' | 'any';
  /** May include prisoners with serious criminal cases (needs ratification in most policies). */
  allowSerious: boolean;
  /** May include commanders and the priority commanders (needs ratification in most policies). */
  allowCommanders: boolean;
}

export type GovActionKind =
  | 'hold'
  | 'release'
  | 'refuse'
  | 'condition'
  | 'demand-reciprocity'
  | 'demand-special-forces'
  | 'offer'
  | 'seek-ratification'
  | 'transfer-custody';
export type TalActionKind =
  | 'hold'
  | 'demand'
  | 'accept-batch'
  | 'reject-batch'
  | 'release'
  | 'walk-out'
  | 'return'
  | 'raise-violence'
  | 'lower-violence'
  | 'declare-ceasefire'
  | 'spoiler-attack'
  | 'accept-offer'
  | 'reject-offer';
export type UsActionKind = 'hold' | 'facilitate' | 'press-government' | 'press-taliban' | 'reward' | 'guarantee' | 'set-deadline';
export type ActionKind = GovActionKind | TalActionKind | UsActionKind;

/**
 * One action an agent takes in a round. Slots are preallocated and reused (see ActionBuffer),
 * so fields are plain mutable values. `reason` is the short sentence a student reads, with
 * slots ({0}, {1:.1}) for the values in `reasonArgs`: explain() fills them in when it is read.
 */
export interface Action {
  kind: ActionKind;
  /** Prisoners to release / demanded / offered; days for ceasefires and deadlines. */
  count: number;
  /** A magnitude: violence change, pressure strength, trust boost, violence ceiling. */
  amount: number;
  target: AgentId | null;
  govCriteria: GovCriteria;
  talCriteria: TalCriteria;
  filter: ReleaseFilter;
  /** A release offered as a goodwill gesture outside the agreed mechanism. */
  goodwill: boolean;
  /** A release that honours the standing conditional offer, which it closes. */
  settlesOffer: boolean;
  reason: string;
  reasonArgs: (ReasonArg | undefined)[];
}

/** One thing that happened, for the event log: agent actions, scheduled events, transitions. */
export interface SimEvent {
  day: number;
  actor: AgentId | 'world';
  type: string;
  reason: string;
  count?: number;
}

export interface Batch {
  day: number;
  from: 'government' | 'taliban';
  count: number;
  criteria: string;
  /** Released while talks were not active, or as a goodwill gesture outside the agreed mechanism. */
  unilateral: boolean;
  /** Government batches only: how many came off the Taliban's list. */
  offList?: number;
}

export interface Walkout {
  day: number;
  by: AgentId;
  reason: string;
  /** The day talks resumed, or null while it lasts (or if talks broke down). */
  returnDay: number | null;
}

export interface StallEpisode {
  start: number;
  /** Day the stall ended (first progress that clears it), null if it was still on at the end. */
  end: number | null;
  cause: 'walk-out' | 'no-progress' | 'breakdown';
}

/**
 * What a policy remembers from one round to the next, by name: numbers, flags and words only,
 * so the engine copies it with the state (forks, stall-risk rollouts) without allocating.
 */
export type Memory = Record<string, number | boolean | string>;

export type OutcomeStatus = 'complete' | 'broken' | 'ongoing';

export interface GovernmentState {
  /** Pressure felt from the US, a stock in [0, 1] that decays daily. */
  pressure: number;
  /** US aid as a share of the pre-cut level (1 = full). */
  aid: number;
  /** Level-II unity in [0, 1]; scales release capacity (the Ghani–Abdullah dispute). */
  cohesion: number;
  /**
   * Humanitarian (COVID-19) pressure to release the old and sick, in [0, 1]: the scheduled
   * level, relieved in proportion as the vulnerable prisoners are freed (humanitarian.ts).
   */
  humanitarian: number;
  /** The level the last covid-pressure event set (0: none), before any relief. */
  humanitarianLevel: number;
  /** Ratification of releasing commanders and serious cases: none, pending, approved, rejected. */
  ratification: 'none' | 'pending' | 'approved' | 'rejected';
  ratificationDay: number;
  /** Outstanding demand that the Taliban free this many before the next batch (0 = none). */
  reciprocityDemand: number;
  /** Taliban releases counted when the demand was made. */
  reciprocityBase: number;
  /** Special forces the government demands back before its last releases (0 = none). */
  specialForcesDemand: number;
  /** A standing conditional offer: this many if violence falls below `offerCeiling` (0 = none). */
  offerCount: number;
  offerCeiling: number;
  /** The Taliban accepted the standing conditional offer. */
  offerAccepted: boolean;
  /** Violence ceiling the government has set as a condition for releases (0 = none). */
  violenceCeiling: number;
  /** Third-country custody slots the US has arranged and not yet used. */
  custodySlots: number;
  /** High-value prisoners foreign governments object to: freed only into third-country custody. */
  contested: number;
  lastAction: ActionKind;
  /** The last action's reason in words, kept only by runs that record (a sweep's runs do not). */
  lastReason: string;
  /** What the government's policy remembers (declared by the policy). */
  memory: Memory;
}

export interface TalibanState {
  /** Pressure felt from the US (airstrikes, slowed withdrawal), a stock in [0, 1]. */
  pressure: number;
  /** The violence level the Taliban aim for; actual violence drifts towards it. */
  violenceTarget: number;
  /** Priority commanders demanded first (0 once the demand is dropped). */
  priorityDemand: number;
  /** Last day the Taliban saw progress on their priority demand (or their demands in general). */
  lastPriorityProgressDay: number;
  /** Day a declared ceasefire ends (inclusive), or -1. */
  ceasefireUntil: number;
  /** Set when a government batch arrived this round and awaits acceptance or rejection. */
  pendingBatch: number;
  pendingBatchUnilateral: boolean;
  lastAction: ActionKind;
  /** The last action's reason in words, kept only by runs that record (a sweep's runs do not). */
  lastReason: string;
  /** What the Taliban's policy remembers (declared by the policy). */
  memory: Memory;
}

export interface UsState {
  /** US troops in the country, from the withdrawal schedule. */
  troops: number;
  /** Leverage stocks in [0, 1]: aid over the government, military over the Taliban. */
  leverageGov: number;
  leverageTal: number;
  /** The next deadline the US is pressing (day), or -1. */
  deadline: number;
  /** Day the aid cut was applied (-1 when aid is whole). */
  aidCutDay: number;
  lastAction: ActionKind;
  /** The last action's reason in words, kept only by runs that record (a sweep's runs do not). */
  lastReason: string;
  /** What the US policy remembers (declared by the policy). */
  memory: Memory;
}

/** Directed trust pairs, Beta(α, β) counts each. Index with `trustIndex`. */
export type TrustPair = 'gov-tal' | 'tal-gov' | 'gov-us' | 'us-gov' | 'tal-us' | 'us-tal';
export const TRUST_PAIRS: readonly TrustPair[] = ['gov-tal', 'tal-gov', 'gov-us', 'us-gov', 'tal-us', 'us-tal'];

export interface Counters {
  govReleased: number;
  govReleasedOnList: number;
  govReleasedOffList: number;
  govReleasedPriority: number;
  govReleasedCommanders: number;
  govReleasedSerious: number;
  /** Vulnerable prisoners (old or sick, pools.ts FLAG_VULNERABLE) out of government prisons, freed or in custody. */
  govReleasedVulnerable: number;
  govCustody: number;
  /** Government releases made as goodwill, outside the reciprocal mechanism. */
  govGoodwill: number;
  talReleased: number;
  talReleasedSpecial: number;
  govBatches: number;
  talBatches: number;
  walkouts: number;
  stallEpisodes: number;
  stalledDays: number;
  /** Day of the last government release, or -1. */
  govLastReleaseDay: number;
  /** Releases today (reset each round). */
  govToday: number;
  talToday: number;
  /** Exponentially weighted recent releases (about a two-week memory), for trust and reciprocity. */
  govRecent: number;
  talRecent: number;
  /** What today's government releases are worth to the Taliban (pools.ts Pool.worth), and its recent sum like govRecent. */
  govWorthToday: number;
  govWorthRecent: number;
  /** The part of govRecent the Taliban rejected as outside the agreed mechanism (decays alike): they do not credit it. */
  govRejectedRecent: number;
}

export interface WorldState {
  /** Rounds completed. Day 0 is the start date, before any round. */
  day: number;
  rng: Rng;
  talks: TalksState;
  walkoutBy: AgentId | null;
  walkoutSince: number;
  walkoutReason: string;
  /** Government releases when the current walk-out began (what the walker measures a return by). */
  walkoutGovReleased: number;
  /** Taliban violence against government forces; 1 = the pre-deal baseline. */
  violence: number;
  /** Taliban violence against US forces; the US red line. */
  violenceVsUs: number;
  /** Day an active ceasefire ends (inclusive), or -1. */
  ceasefireUntil: number;
  /** Day a holiday window ends (inclusive), or -1: a ceasefire can be declared in it. */
  holidayUntil: number;
  lastProgressDay: number;
  /** Day the parties first met (talks became active), or -1 while pending. */
  convenedDay: number;
  /** Something moved this round: a batch, a return to talks, a ratification, a better offer. */
  progressToday: boolean;
  /** Index of the next scheduled scenario event to fire on its day (events fired by a trigger are skipped). */
  eventCursor: number;
  /** Per scheduled event: the round its trigger's condition came to hold, or -1 (always -1 without a trigger). */
  eventTriggered: Int32Array;
  /** Per scheduled event: 1 once it has fired, by its trigger or on its day. */
  eventFired: Uint8Array;
  /** Days in a row violence against US forces has been above the red line. */
  redLineStreak: number;
  gov: GovernmentState;
  tal: TalibanState;
  us: UsState;
  /** α, β for each directed pair in TRUST_PAIRS order: [α0, β0, α1, β1, ...]. */
  trust: Float64Array;
  govPool: PoolStatus;
  talPool: PoolStatus;
  counters: Counters;
  stalled: boolean;
  stallCause: StallEpisode['cause'] | null;
  stallSince: number;
  outcome: OutcomeStatus;
  outcomeDay: number;
  /** Where events go; null in stall-risk rollouts, which must not log. */
  log: SimEvent[] | null;
  /** Government batches, Taliban batches and walk-outs as they happen (null in rollouts). */
  batches: Batch[] | null;
  walkouts: Walkout[] | null;
  episodes: StallEpisode[] | null;
}
