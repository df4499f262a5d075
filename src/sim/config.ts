// What the engine runs: a scenario resolved to day numbers and policy functions. Scenario files
// (src/scenario) are validated and resolved into this; the engine never reads files.
import type {Calendar} from './calendar.js';
import type {DecisionContext} from './policy.js';
import type {GovPoolSpec, TalPoolSpec} from './population.js';
import type {AgentId, GovCriteria, TalCriteria, TrustPair} from './types.js';

export interface ResolvedAgent {
  /** Registered policy name. */
  policy: string;
  /** Parameters after validation and defaults. */
  params: Readonly<Record<string, unknown>>;
  decide: (ctx: DecisionContext) => void;
}

/** A scheduled scenario event, resolved to a round. `note` and `source` say what and where from. */
export type ScheduledEvent = {day: number; note: string; source: string} & (
  | {type: 'aid-cut'; share: number; pressure: number}
  | {type: 'aid-restore'}
  | {type: 'ceasefire'; days: number}
  | {type: 'holiday'; days: number; name: string}
  | {type: 'covid-pressure'; level: number}
  | {type: 'ratification-assembly'; days: number}
  | {type: 'third-country-custody'; slots: number}
  | {type: 'foreign-objection'; count: number}
  | {type: 'deadline'; label: string}
  | {type: 'talks-convene'}
  | {type: 'spoiler-attack'; severity: number}
  | {type: 'us-press'; target: 'government' | 'taliban'; strength: number}
  | {type: 'release'; side: 'government'; count: number; criteria: GovCriteria; unilateral: boolean}
  | {type: 'release'; side: 'taliban'; count: number; criteria: TalCriteria; unilateral: boolean}
);
export type ScheduledEventType = ScheduledEvent['type'];

export interface StallConfig {
  /** A walk-out lasting this many rounds is a stall. */
  walkoutDays: number;
  /** This many rounds without progress is a stall. */
  noProgressDays: number;
  /** Violence against US forces above the red line for this many rounds is a breakdown. */
  redLineDays: number;
  /** Stall risk looks this many rounds ahead. */
  horizon: number;
  /** Forward rollouts per stall-risk estimate (0 turns the daily estimate off). */
  rollouts: number;
  /** Confidence level of the Wilson interval. */
  confidence: number;
}

export interface WorldParams {
  /** Agreed release ratio, government : Taliban (5,000 : 1,000). */
  ratio: number;
  /** Initial trust of the first party in the second, per directed pair. */
  trust: Record<TrustPair, number>;
  /** Weight of the trust prior, in observations. */
  trustPriorWeight: number;
  /** Daily forgetting factor of trust evidence (towards the prior). */
  trustForgetting: number;
  /** Daily release rate the Taliban expect from the government, absent reciprocity. */
  expectedGovRate: number;
  /** Initial violence index (1 = pre-deal baseline). */
  violence: number;
  /** Violence level the agreement is read to allow; above it the government loses trust. */
  agreedViolence: number;
  /** Share of the gap to the Taliban's target that violence closes each round. */
  violenceAdjust: number;
  /** Daily noise in violence (standard deviation). */
  violenceNoise: number;
  /** Violence during a ceasefire. */
  ceasefireViolence: number;
  /** US red line for violence against its own forces. */
  redLine: number;
  /** Violence against US forces provoked per unit of US military pressure (airstrikes). */
  retaliation: number;
  /** Daily decay of pressure stocks. */
  pressureDecay: number;
  /** Breakdown hazard while walked out: logistic in (1 - trust) and days out. */
  breakdown: {base: number; distrust: number; duration: number};
  /** Ratification success: logistic in pressure, trust, recent violence. */
  ratification: {base: number; pressure: number; trust: number; violence: number; days: number};
  /** US troop levels: start and milestones (day, troops), linear in between. */
  troops: {start: number; milestones: readonly {day: number; troops: number}[]};
  /** Level-II unity of the government in [0, 1]: its batches are this share of what it decides. */
  cohesion: number;
}

export interface SimConfig {
  name: string;
  seed: string;
  calendar: Calendar;
  start: string;
  /** Rounds to simulate at most. */
  days: number;
  talksStart: 'pending' | 'active';
  govPool: GovPoolSpec;
  talPool: TalPoolSpec;
  agents: Record<AgentId, ResolvedAgent>;
  /** Sorted by day, stable. */
  events: readonly ScheduledEvent[];
  stall: StallConfig;
  world: WorldParams;
  /** Shares of the list and of the captives whose release completes the exchange. */
  completion: {government: number; taliban: number};
}
