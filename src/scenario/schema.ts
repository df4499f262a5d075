// The scenario file format, validated by zod 4. Everything but the identity and the agents has
// a documented default, so a scenario says only what differs. `parley schema` prints the JSON
// Schema of this for editor completion.
import {z} from 'zod';
import {policiesFor} from '../agents/registry.js';
import {civilFromDays, parseIsoDate} from '../sim/calendar.js';
import {GOV_CRITERIA, TAL_CRITERIA, type AgentId} from '../sim/types.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((d) => parseIsoDate(d) !== null, 'not a calendar date');
const share = z.number().min(0).max(1);

/** The longest horizon a scenario (or a sweep's days) may have, in rounds: no event fires later. */
export const MAX_DAYS = 5000;
/** The last date parley reads and writes: dates have four-digit years. */
export const LAST_DATE = '9999-12-31';

const when = {
  date: isoDate.optional().describe('calendar date (YYYY-MM-DD); give date or day'),
  day: z.int().min(0).max(MAX_DAYS, `at most ${MAX_DAYS}, the most rounds a scenario runs`).optional().describe('round number (0 = start); give date or day'),
  note: z.string().default('').describe('what happened, in one line'),
  source: z.string().optional().describe('where the fact comes from (timeline row, article)'),
};

const event = z.discriminatedUnion('type', [
  z.strictObject({type: z.literal('aid-cut'), ...when, share: share.default(0.25).describe('share of aid cut'), pressure: share.default(0.5).describe('pressure felt by the government')}),
  z.strictObject({type: z.literal('aid-restore'), ...when}),
  z.strictObject({type: z.literal('ceasefire'), ...when, days: z.int().min(1).max(365).default(3)}),
  z.strictObject({type: z.literal('holiday'), ...when, days: z.int().min(1).max(60).default(3), name: z.string().default('holiday')}),
  z.strictObject({type: z.literal('covid-pressure'), ...when, level: share.default(0.5).describe('pressure to release the old and sick')}),
  z.strictObject({type: z.literal('ratification-assembly'), ...when, days: z.int().min(1).max(60).default(3)}),
  z.strictObject({type: z.literal('third-country-custody'), ...when, slots: z.int().min(1).max(1000).default(6)}),
  z.strictObject({type: z.literal('foreign-objection'), ...when, count: z.int().min(1).max(1000).default(6).describe('high-value prisoners foreign governments object to')}),
  z.strictObject({type: z.literal('deadline'), ...when, label: z.string().default('deadline')}),
  z.strictObject({type: z.literal('talks-convene'), ...when}),
  z.strictObject({type: z.literal('spoiler-attack'), ...when, severity: z.number().min(0).max(3).default(0.5)}),
  z.strictObject({type: z.literal('us-press'), ...when, target: z.enum(['government', 'taliban']), strength: share.default(0.3)}),
  z.strictObject({
    type: z.literal('release'),
    ...when,
    side: z.enum(['government', 'taliban']).describe('who frees prisoners: an exogenous decision the policies do not make (a counterfactual)'),
    count: z.int().min(1).max(30000).describe('how many, at most (only those still held go)'),
    unilateral: z.boolean().default(false).describe('a goodwill gesture outside the agreed mechanism (false: part of the exchange, as the other side asked)'),
    criteria: z
      .enum([...GOV_CRITERIA, ...TAL_CRITERIA])
      .optional()
      .describe(`order of release; government: ${GOV_CRITERIA.join(', ')} (default priority-first, i.e. the priority commanders first); taliban: ${TAL_CRITERIA.join(', ')} (default regular-first)`),
  }),
]);
export type ScenarioEvent = z.output<typeof event>;

function agentSchema(agent: AgentId) {
  const options = policiesFor(agent).map((p) =>
    z.strictObject({
      policy: z.literal(p.name).describe(p.summary),
      params: z.strictObject(p.params.shape).prefault({}),
    }),
  );
  return z.discriminatedUnion('policy', options as unknown as [(typeof options)[number], ...(typeof options)[number][]]);
}

const pools = z.strictObject({
  seed: z.string().default('population').describe('seed of the prisoner population (fixed across run seeds)'),
  government: z
    .strictObject({
      // Both at most 30,000: indices fit the pools' 16-bit orders (65,535).
      onList: z.int().min(1).max(30000).default(5000).describe("prisoners on the Taliban's list"),
      offList: z.int().min(0).max(30000).default(500).describe('prisoners held who are not on the list'),
      priority: z.int().min(0).max(500).default(15).describe('top commanders the Taliban demand first'),
      commanders: z.int().min(0).max(5000).default(400).describe('other commanders'),
      serious: z.int().min(0).max(10000).default(600).describe('prisoners with serious criminal cases'),
      foreignShare: share.default(0.03).describe('share of foreign fighters'),
    })
    .prefault({}),
  taliban: z
    .strictObject({
      size: z.int().min(1).max(30000).default(1000).describe('government personnel held by the Taliban'),
      specialForces: z.int().min(0).max(1000).default(22).describe('special forces among them'),
      civilianShare: share.default(0.15).describe('share who are civilians'),
    })
    .prefault({}),
});

const trustPair = share;
const world = z.strictObject({
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
  trustPriorWeight: z.number().min(0.5).max(100).default(4),
  trustForgetting: z.number().min(0.5).max(1).default(0.97),
  expectedGovRate: z.number().min(0).max(1000).default(50).describe('daily releases the Taliban expect'),
  violence: z.number().min(0).max(3).default(1.5).describe('initial violence (1 = pre-deal baseline)'),
  agreedViolence: z.number().min(0.1).max(3).default(1),
  violenceAdjust: share.default(0.15),
  violenceNoise: z.number().min(0).max(1).default(0.03),
  ceasefireViolence: z.number().min(0).max(3).default(0.2),
  redLine: z.number().min(0).max(3).default(1).describe('US red line for violence against its own forces'),
  retaliation: z.number().min(0).max(3).default(0.5).describe('violence against US forces provoked per unit of airstrike pressure'),
  pressureDecay: share.default(0.05),
  breakdown: z
    .strictObject({base: z.number().min(-20).max(5).default(-8), distrust: z.number().min(0).max(20).default(2), duration: z.number().min(0).max(10).default(0.15)})
    .prefault({}),
  ratification: z
    .strictObject({
      base: z.number().min(-10).max(10).default(0.5),
      pressure: z.number().min(0).max(10).default(2),
      trust: z.number().min(0).max(10).default(1),
      violence: z.number().min(0).max(10).default(1),
      days: z.int().min(1).max(60).default(3),
    })
    .prefault({}),
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
});


export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1).describe('short name'),
    description: z.string().min(1).describe('what the scenario shows, for a student'),
    start: isoDate.describe('date of day 0'),
    days: z.int().min(1).max(MAX_DAYS).describe('rounds to simulate at most'),
    roundDays: z.int().min(1).max(30).default(1).describe('calendar days per round'),
    seed: z.union([z.string(), z.number()]).transform(String).describe('seed of the negotiation (a string)'),
    history: z.string().optional().describe('the bundled history this scenario models (for replay, --compare and --from)'),
    talks: z.enum(['pending', 'active']).default('active').describe("'pending' until a talks-convene event, or 'active' from day 0"),
    agents: z.strictObject({
      government: agentSchema('government'),
      taliban: agentSchema('taliban'),
      us: agentSchema('us'),
    }),
    pools: pools.prefault({}),
    events: z.array(event).default([]),
    stall: z
      .strictObject({
        walkoutDays: z.int().min(1).max(365).default(7).describe('a walk-out this long is a stall'),
        noProgressDays: z.int().min(1).max(365).default(14).describe('this long without progress is a stall'),
        redLineDays: z.int().min(1).max(365).default(3).describe('violence against US forces above the red line this long is a breakdown'),
        horizon: z.int().min(1).max(365).default(14).describe('stall risk looks this many rounds ahead'),
        rollouts: z.int().min(0).max(100000).default(200).describe('rollouts per daily stall-risk estimate (0: off)'),
        confidence: z.number().min(0.5).max(0.999).default(0.9).describe('confidence of the Wilson interval'),
      })
      .prefault({}),
    world: world.prefault({}),
    completion: z
      .strictObject({
        government: share.default(1).describe("share of the list to free (or hand to custody)"),
        taliban: share.default(1).describe('share of the captives to free'),
      })
      .prefault({}),
  })
  .superRefine((s, ctx) => {
    const start = parseIsoDate(s.start);
    // Every day of the run has a date in the reports: the last must still have four digits.
    // (Refinements run on data that failed its checks too: a days already out of range is said once.)
    const end = start === null || !(s.days <= MAX_DAYS) ? null : start + s.days * s.roundDays;
    if (end !== null && end > parseIsoDate(LAST_DATE)!) {
      const rounds = `${s.days} round${s.days > 1 ? 's' : ''} of ${s.roundDays} day${s.roundDays > 1 ? 's' : ''}`;
      ctx.addIssue({code: 'custom', path: ['days'], message: `${rounds} from start ${s.start} end in the year ${civilFromDays(end)[0]}; the last date parley writes is ${LAST_DATE}`});
    }
    s.events.forEach((e, i) => {
      if (e.type === 'release' && e.criteria !== undefined) {
        const allowed: readonly string[] = e.side === 'government' ? GOV_CRITERIA : TAL_CRITERIA;
        if (!allowed.includes(e.criteria)) ctx.addIssue({code: 'custom', path: ['events', i, 'criteria'], message: `${e.criteria} is not a ${e.side} criterion (${allowed.join(', ')})`});
      }
      if ((e.date === undefined) === (e.day === undefined)) {
        ctx.addIssue({code: 'custom', path: ['events', i], message: 'give exactly one of date or day'});
      }
      const at = e.date === undefined ? null : parseIsoDate(e.date);
      if (start !== null && at !== null && at < start) {
        ctx.addIssue({code: 'custom', path: ['events', i, 'date'], message: `${e.date} is before the scenario starts (${s.start})`});
      }
    });
    const g = s.pools.government;
    if (g.priority + g.commanders > g.onList) ctx.addIssue({code: 'custom', path: ['pools', 'government', 'commanders'], message: 'priority plus commanders exceed the list'});
    if (g.serious > g.onList) ctx.addIssue({code: 'custom', path: ['pools', 'government', 'serious'], message: 'more serious cases than prisoners on the list'});
    const t = s.pools.taliban;
    if (t.specialForces > t.size) ctx.addIssue({code: 'custom', path: ['pools', 'taliban', 'specialForces'], message: 'more special forces than captives'});
  });

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;

/** JSON Schema of scenario files (input side: defaults are optional). */
export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(scenarioSchema, {io: 'input', unrepresentable: 'any'});
}
