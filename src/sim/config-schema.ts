// The engine's configuration as zod schemas: the world's parameters, the stall rule, the
// completion targets, the prisoner pools and the fields of each scheduled event. The engine's
// types (config.ts) are their outputs, and the scenario file format (src/scenario/schema.ts)
// is built on top of them, so each field is written once: its type, range, default and text.
import {z} from 'zod';
import {GOV_CRITERIA, TAL_CRITERIA, TRIGGERS} from './types.js';

/** A share in [0, 1]. */
export const share = z.number().min(0).max(1);

/** How the talks stand on day 0. */
export const talksStart = z.enum(['pending', 'active']);

export const govPoolSchema = z.strictObject({
  // Both at most 30,000: indices fit the pools' 16-bit orders (65,535).
  /** Prisoners on the Taliban's list (5,000 in the Doha agreement). */
  onList: z.int().min(1).max(30000).default(5000).describe("prisoners on the Taliban's list"),
  /** Prisoners the government holds who are not on the list (it freed 500 of them in August 2020). */
  offList: z.int().min(0).max(30000).default(500).describe('prisoners held who are not on the list'),
  /** The top commanders the Taliban demand first (about 15). */
  priority: z.int().min(0).max(500).default(15).describe('top commanders the Taliban demand first'),
  commanders: z.int().min(0).max(5000).default(400).describe('other commanders'),
  /** Prisoners with serious criminal cases (about 600), including the priority commanders. */
  serious: z.int().min(0).max(10000).default(600).describe('prisoners with serious criminal cases'),
  foreignShare: share.default(0.03).describe('share of foreign fighters'),
});

export const talPoolSchema = z.strictObject({
  /** Government personnel the Taliban hold (about 1,000). */
  size: z.int().min(1).max(30000).default(1000).describe('government personnel held by the Taliban'),
  /** Special-forces members (commandos, pilots) among them. */
  specialForces: z.int().min(0).max(1000).default(22).describe('special forces among them'),
  /** Share of those the Taliban count who are civilians rather than security forces. */
  civilianShare: share.default(0.15).describe('share who are civilians'),
});

const trustPair = share;
export const worldSchema = z.strictObject({
  ratio: z.number().min(1).max(20).default(5).describe('agreed release ratio, government : Taliban'),
  trust: z
    .strictObject({
      'gov-tal': trustPair.default(0.3),
      'tal-gov': trustPair.default(0.3),
      'gov-us': trustPair.default(0.6),
      'us-gov': trustPair.default(0.6),
      'tal-us': trustPair.default(0.3),
      'us-tal': trustPair.default(0.3),
    })
    .prefault({})
    .describe('initial trust of the first party in the second'),
  /** Weight of the trust prior, in observations. */
  trustPriorWeight: z.number().min(0.5).max(100).default(4),
  /** Daily forgetting factor of trust evidence (towards the prior). */
  trustForgetting: z.number().min(0.5).max(1).default(0.97),
  expectedGovRate: z.number().min(0).max(1000).default(50).describe('daily releases the Taliban expect'),
  violence: z.number().min(0).max(3).default(1.5).describe('initial violence (1 = pre-deal baseline)'),
  /** Violence level the agreement is read to allow; above it the government loses trust. */
  agreedViolence: z.number().min(0.1).max(3).default(1),
  /** Share of the gap to the Taliban's target that violence closes each round. */
  violenceAdjust: share.default(0.15),
  /** Daily noise in violence (standard deviation). */
  violenceNoise: z.number().min(0).max(1).default(0.03),
  /** Violence during a ceasefire. */
  ceasefireViolence: z.number().min(0).max(3).default(0.2),
  redLine: z.number().min(0).max(3).default(1).describe('US red line for violence against its own forces'),
  retaliation: z.number().min(0).max(3).default(0.5).describe('violence against US forces provoked per unit of airstrike pressure'),
  /** Daily decay of pressure stocks. */
  pressureDecay: share.default(0.05),
  /** Breakdown hazard while walked out: logistic in (1 - trust) and days out. */
  breakdown: z
    .strictObject({base: z.number().min(-20).max(5).default(-8), distrust: z.number().min(0).max(20).default(2), duration: z.number().min(0).max(10).default(0.15)})
    .prefault({}),
  /** Ratification success: logistic in pressure, trust, recent violence. */
  ratification: z
    .strictObject({
      base: z.number().min(-10).max(10).default(0.5),
      pressure: z.number().min(0).max(10).default(2),
      trust: z.number().min(0).max(10).default(1),
      violence: z.number().min(0).max(10).default(1),
      days: z.int().min(1).max(60).default(3),
    })
    .prefault({}),
  /** US troop levels: start and milestones (day, troops), linear in between. */
  troops: z
    .strictObject({
      start: z.int().min(0).max(200000).default(13000),
      milestones: z
        .array(z.strictObject({day: z.int().min(0), troops: z.int().min(0)}))
        .default([
          {day: 135, troops: 8600},
          {day: 425, troops: 0},
        ]),
    })
    .prefault({}),
  cohesion: share.default(1).describe("Level-II unity of the government: its batches are this share of what it decides"),
  unratifiedCost: share
    .default(0.5)
    .describe('cohesion the government loses when a scheduled release frees the whole high tier without ratification (in proportion for fewer)'),
});

export const stallSchema = z.strictObject({
  walkoutDays: z.int().min(1).max(365).default(7).describe('a walk-out this long is a stall'),
  noProgressDays: z.int().min(1).max(365).default(14).describe('this long without progress is a stall'),
  redLineDays: z.int().min(1).max(365).default(3).describe('violence against US forces above the red line this long is a breakdown'),
  horizon: z.int().min(1).max(365).default(14).describe('stall risk looks this many rounds ahead'),
  rollouts: z.int().min(0).max(100000).default(200).describe('rollouts per daily stall-risk estimate (0: off)'),
  confidence: z.number().min(0.5).max(0.999).default(0.9).describe('confidence of the Wilson interval'),
  precision: z
    .number()
    .min(0)
    .max(0.5)
    .default(0.025)
    .describe('target half-width of the stall-risk interval: rollouts stop once it is reached, at most stall.rollouts of them (0: always stall.rollouts)'),
});

export const completionSchema = z.strictObject({
  government: share.default(1).describe("share of the list to free (or hand to custody)"),
  taliban: share.default(1).describe('share of the captives to free'),
});

/**
 * A state an event responds to, and how many rounds after it first holds the event comes: the
 * event fires then, or on its own date or day if that comes first (the date is the record's).
 */
export const triggerSchema = z.strictObject({
  when: z.enum(TRIGGERS).describe(`the state it responds to: ${TRIGGERS.join(', ')}`),
  lag: z.int().min(1).max(365).describe('rounds after the round in which that state came to hold (at least 1: the next round)'),
});

/**
 * What each kind of scheduled event says besides when it happens. A scenario file's event adds
 * its date or day, a note and a source (src/scenario/schema.ts); the engine's adds the round.
 */
export const EVENT_FIELDS = {
  'aid-cut': {share: share.default(0.25).describe('share of aid cut'), pressure: share.default(0.5).describe('pressure felt by the government')},
  'aid-restore': {},
  ceasefire: {days: z.int().min(1).max(365).default(3)},
  holiday: {days: z.int().min(1).max(60).default(3), name: z.string().default('holiday')},
  'covid-pressure': {level: share.default(0.5).describe('pressure to release the old and sick')},
  'ratification-assembly': {days: z.int().min(1).max(60).default(3)},
  'third-country-custody': {slots: z.int().min(1).max(1000).default(6)},
  'foreign-objection': {count: z.int().min(1).max(1000).default(6).describe('high-value prisoners foreign governments object to')},
  deadline: {label: z.string().default('deadline')},
  'talks-convene': {},
  'spoiler-attack': {severity: z.number().min(0).max(3).default(0.5)},
  'us-press': {target: z.enum(['government', 'taliban']), strength: share.default(0.3)},
  release: {
    side: z.enum(['government', 'taliban']).describe('who frees prisoners: an exogenous decision the policies do not make (a counterfactual)'),
    count: z.int().min(1).max(30000).describe('how many, at most (only those still held go)'),
    unilateral: z.boolean().default(false).describe('a goodwill gesture outside the agreed mechanism (false: part of the exchange, as the other side asked)'),
    criteria: z
      .enum([...GOV_CRITERIA, ...TAL_CRITERIA])
      .optional()
      .describe(`order of release; government: ${GOV_CRITERIA.join(', ')} (default priority-first, i.e. the priority commanders first); taliban: ${TAL_CRITERIA.join(', ')} (default regular-first)`),
  },
} as const satisfies Record<string, z.core.$ZodShape>;

export type EventType = keyof typeof EVENT_FIELDS;
