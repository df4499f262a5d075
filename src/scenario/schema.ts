// The scenario file format, validated by zod 4. Everything but the identity and the agents has
// a documented default, so a scenario says only what differs. `parley schema` prints the JSON
// Schema of this for editor completion.
import {z} from 'zod';
import {policiesFor} from '../agents/registry.js';
import {civilFromDays, parseIsoDate} from '../sim/calendar.js';
import {completionSchema, EVENT_FIELDS, govPoolSchema, stallSchema, talksStart, talPoolSchema, triggerSchema, worldSchema, type EventType} from '../sim/config-schema.js';
import {GOV_CRITERIA, TAL_CRITERIA, type AgentId} from '../sim/types.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((d) => parseIsoDate(d) !== null, 'not a calendar date');

/** The longest horizon a scenario (or a sweep's days) may have, in rounds: no event fires later. */
export const MAX_DAYS = 5000;
/** The last date parley reads and writes: dates have four-digit years. */
export const LAST_DATE = '9999-12-31';

const when = {
  date: isoDate.optional().describe('calendar date (YYYY-MM-DD); give date or day'),
  day: z.int().min(0).max(MAX_DAYS, `at most ${MAX_DAYS}, the most rounds a scenario runs`).optional().describe('round number (0 = start); give date or day'),
  note: z.string().default('').describe('what happened, in one line'),
  source: z.string().optional().describe('where the fact comes from (timeline row, article)'),
  trigger: triggerSchema
    .optional()
    .describe('a response to the state: fire `lag` rounds after `when` first holds, or on the date or day if that comes first (before a --from fork: on the date, as recorded)'),
};

/** An event as a file gives it: its type, when, a note and a source, then the engine's fields. */
const fileEvent = <T extends EventType>(type: T) => z.strictObject({type: z.literal(type), ...when, ...EVENT_FIELDS[type]});

const event = z.discriminatedUnion('type', [
  fileEvent('aid-cut'),
  fileEvent('aid-restore'),
  fileEvent('ceasefire'),
  fileEvent('holiday'),
  fileEvent('covid-pressure'),
  fileEvent('ratification-assembly'),
  fileEvent('third-country-custody'),
  fileEvent('foreign-objection'),
  fileEvent('deadline'),
  fileEvent('talks-convene'),
  fileEvent('spoiler-attack'),
  fileEvent('us-press'),
  fileEvent('release'),
]);
export type ScenarioEvent = z.output<typeof event>;

function agentSchema(agent: AgentId) {
  const [first, ...more] = policiesFor(agent).map((p) =>
    z.strictObject({
      policy: z.literal(p.name).describe(p.summary),
      params: z.strictObject(p.params.shape).prefault({}),
    }),
  );
  if (first === undefined) throw new Error(`no policy is registered for the ${agent}`);
  return z.discriminatedUnion('policy', [first, ...more]);
}

const pools = z.strictObject({
  seed: z.string().default('population').describe('seed of the prisoner population (fixed across run seeds)'),
  government: govPoolSchema.prefault({}),
  taliban: talPoolSchema.prefault({}),
});

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1).describe('short name'),
    description: z.string().min(1).describe('what the scenario shows, for a student'),
    start: isoDate.describe('date of day 0'),
    information: isoDate
      .optional()
      .describe('the date of the information the scenario is built from: every pool, parameter, event and grid is known on or before it'),
    days: z.int().min(1).max(MAX_DAYS).describe('rounds to simulate at most'),
    roundDays: z.int().min(1).max(30).default(1).describe('calendar days per round'),
    seed: z.union([z.string(), z.number()]).transform(String).describe('seed of the negotiation (a string)'),
    history: z.string().optional().describe('the bundled history this scenario models (for replay, --compare and --from)'),
    talks: talksStart.default('active').describe("'pending' until a talks-convene event, or 'active' from day 0"),
    agents: z.strictObject({
      government: agentSchema('government'),
      taliban: agentSchema('taliban'),
      us: agentSchema('us'),
    }),
    pools: pools.prefault({}),
    events: z.array(event).default([]),
    stall: stallSchema.prefault({}),
    world: worldSchema.prefault({}),
    completion: completionSchema.prefault({}),
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
    // A scenario built from what was known on a day cannot be dated before the run it describes.
    const information = s.information === undefined ? null : parseIsoDate(s.information);
    if (start !== null && information !== null && information < start) {
      ctx.addIssue({code: 'custom', path: ['information'], message: `${s.information} is before the scenario starts (${s.start})`});
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
