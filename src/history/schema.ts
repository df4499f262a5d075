// The history file format (scenarios/history/*.yaml), validated by zod 4: what happened in 2020 as
// dated events, each a row of the sourced timeline (T<row>), and the cumulative releases each side
// reported. Objects are strict everywhere so that a typo in a hand-edited file is an error rather
// than a field silently dropped.
import {z} from 'zod';
import {parseIsoDate} from '../sim/calendar.js';

export const SIDES = ['government', 'taliban'] as const;
export const ACTORS = ['government', 'taliban', 'us', 'world', 'other'] as const;
export const EVENT_TYPES = [
  'agreement',
  'decree',
  'release-batch',
  'walk-out',
  'talks',
  'demand',
  'offer',
  'ceasefire',
  'aid-cut',
  'violence',
  'statement',
  'deadline',
  'custody',
] as const;
export const CONFIDENCE = ['C', 'C2', 'W', 'M'] as const;

// A bad date aborts, so the checks across the file below never compare it.
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, {message: 'expected a date as YYYY-MM-DD', abort: true})
  .refine((d) => parseIsoDate(d) !== null, {message: 'not a calendar date', abort: true});
const count = z.int().min(0);
const rowId = z.string().regex(/^T[1-9]\d*$/, 'expected a timeline row as T<row>');
const url = z.url({protocol: /^https?$/, error: 'expected an http(s) URL'});
const text = z.string().trim().min(1);

/** Two or more accounts of one value: all are kept, and the chosen one is also the main field. */
function disagreement<T extends z.ZodType>(value: T) {
  return z.strictObject({values: z.array(value).min(2, 'keep at least two values'), chosen: value, why: text});
}
const dateDisagreement = disagreement(isoDate).optional();
const countDisagreement = disagreement(count).optional();
const nonEmpty = (d: object) => Object.keys(d).length > 0;

/**
 * Checks each disagreement of an event or series point: distinct values, the chosen one among
 * them, and the same as the main field (so code that reads only the main field gets the choice).
 */
function checkDisagreements(item: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const all = (item['disagreement'] ?? {}) as Record<string, {values: unknown[]; chosen: unknown} | undefined>;
  for (const [field, d] of Object.entries(all)) {
    if (!d) continue;
    const path = ['disagreement', field];
    if (new Set(d.values).size !== d.values.length) ctx.addIssue({code: 'custom', path: [...path, 'values'], message: 'values repeat'});
    if (!d.values.includes(d.chosen)) ctx.addIssue({code: 'custom', path: [...path, 'chosen'], message: `chosen ${String(d.chosen)} is not among the values`});
    if (item[field] !== d.chosen) ctx.addIssue({code: 'custom', path: [...path, 'chosen'], message: `chosen ${String(d.chosen)} is not the ${field} given (${String(item[field])})`});
  }
}

const event = z
  .strictObject({
    id: rowId.describe('timeline row, T<row>'),
    date: isoDate.describe('the (first) day it happened'),
    until: isoDate.optional().describe('last day, for events spanning several days'),
    actor: z.enum(ACTORS).describe("who acted; 'world' for joint acts or a date passing, 'other' for third parties"),
    type: z.enum(EVENT_TYPES),
    released: count.optional().describe('prisoners freed in this batch by `side`'),
    cumulative: count.optional().describe('total freed so far by `side`, as stated'),
    side: z.enum(SIDES).optional().describe('whose releases `released`, `cumulative` and `reciprocal` refer to'),
    approximate: z.boolean().optional().describe('`released` and `cumulative` are "about" figures'),
    demanded: count.optional().describe('prisoners demanded'),
    offered: count.optional().describe('prisoners offered or pledged'),
    withheld: count.optional().describe('prisoners the holder refuses (for now) to free'),
    transferred: count.optional().describe('prisoners moved to custody abroad'),
    reciprocal: count.optional().describe("freed by the other side in the same exchange, counted against `side`'s release"),
    members: count.optional().describe('size of a team or assembly'),
    talks: z
      .enum(['convene', 'walk-out', 'return', 'open'])
      .optional()
      .describe('how this event changed the talks: teams first meet, a party walks out, it returns, intra-party talks open'),
    numbers: text.optional().describe('the numbers of the row that have no field'),
    summary: text.max(160, 'keep the summary to one line (160 characters)'),
    sources: z.array(url).min(1, 'every event needs at least one source'),
    confidence: z.enum(CONFIDENCE),
    note: text.optional(),
    disagreement: z
      .strictObject({
        date: dateDisagreement,
        until: dateDisagreement,
        released: countDisagreement,
        cumulative: countDisagreement,
        demanded: countDisagreement,
        offered: countDisagreement,
        withheld: countDisagreement,
        transferred: countDisagreement,
        reciprocal: countDisagreement,
        members: countDisagreement,
      })
      .refine(nonEmpty, 'name the field the sources disagree on')
      .optional(),
  })
  .superRefine((e, ctx) => {
    // ISO dates of the same format compare as strings.
    if (e.until !== undefined && e.until < e.date) ctx.addIssue({code: 'custom', path: ['until'], message: `${e.until} is before the date (${e.date})`});
    if (e.side === undefined && (e.released ?? e.cumulative ?? e.reciprocal) !== undefined) {
      ctx.addIssue({code: 'custom', path: ['side'], message: 'say whose releases the numbers count (government or taliban)'});
    }
    if (e.type === 'release-batch' && e.released === undefined && e.cumulative === undefined) {
      ctx.addIssue({code: 'custom', path: ['released'], message: 'a release-batch needs released or cumulative'});
    }
    checkDisagreements(e, ctx);
  });

const seriesPoint = z
  .strictObject({
    date: isoDate,
    cumulative: count.describe('total freed by that day, as reported (the chosen value where reports conflict)'),
    basis: z
      .enum(['reported', 'constructed'])
      .describe('reported: a found source gives this total for this day; constructed: implied by a sum, or carried forward where a later source is vaguer (fit measures leave these out by default)'),
    approximate: z.boolean().optional(),
    sources: z.array(rowId).min(1, 'every point needs at least one timeline row'),
    note: text.optional(),
    disagreement: z.strictObject({date: dateDisagreement, cumulative: countDisagreement}).refine(nonEmpty, 'name the field the sources disagree on').optional(),
  })
  .superRefine(checkDisagreements);

export const historySchema = z
  .strictObject({
    name: text,
    description: text,
    start: isoDate.describe('day 0'),
    end: isoDate.describe('the last day covered'),
    context: text.optional().describe('what came before day 0'),
    events: z.array(event).min(1),
    series: z.strictObject({government: z.array(seriesPoint), taliban: z.array(seriesPoint)}),
  })
  .superRefine((h, ctx) => {
    const inRange = (date: string, path: PropertyKey[]) => {
      if (date < h.start || date > h.end) ctx.addIssue({code: 'custom', path, message: `${date} is outside ${h.start} to ${h.end}`});
    };
    const ids = new Map<string, number>();
    h.events.forEach((e, i) => {
      const first = ids.get(e.id);
      if (first !== undefined) ctx.addIssue({code: 'custom', path: ['events', i, 'id'], message: `${e.id} repeats events[${first}]`});
      else ids.set(e.id, i);
      inRange(e.date, ['events', i, 'date']);
      if (e.until !== undefined) inRange(e.until, ['events', i, 'until']);
      // Date order keeps the file readable and eventsOn() simple.
      const prev = h.events[i - 1];
      if (prev && e.date < prev.date) ctx.addIssue({code: 'custom', path: ['events', i, 'date'], message: `${e.date} comes after ${prev.date} (events[${i - 1}]): keep events in date order`});
    });
    for (const side of SIDES) {
      h.series[side].forEach((p, i) => {
        const path = ['series', side, i];
        inRange(p.date, [...path, 'date']);
        p.sources.forEach((s, k) => {
          if (!ids.has(s)) ctx.addIssue({code: 'custom', path: [...path, 'sources', k], message: `${s} is not an event in this file`});
        });
        const prev = h.series[side][i - 1];
        if (!prev) return;
        if (p.date <= prev.date) ctx.addIssue({code: 'custom', path: [...path, 'date'], message: `${p.date} is not after ${prev.date}: one point per date, in date order`});
        if (p.cumulative < prev.cumulative) ctx.addIssue({code: 'custom', path: [...path, 'cumulative'], message: `${p.cumulative} is less than ${prev.cumulative} on ${prev.date}: a cumulative series never decreases`});
      });
    }
  });

export type HistoryFile = z.output<typeof historySchema>;
export type HistoryEvent = HistoryFile['events'][number];
export type SeriesPoint = HistoryFile['series']['government'][number];
export type Side = (typeof SIDES)[number];
