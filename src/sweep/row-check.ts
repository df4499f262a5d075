// What each column of a results row may hold, in one place: --resume, merge and summarize check
// every row against these rules, so a value no run can produce (a status "exploded", -5
// captives freed, a completion day on a run still ongoing) never reaches a summary. Rules apply
// to the columns a file has, whatever subset of the metrics its sweep kept.
import {MAX_DAYS} from '../scenario/schema.js';
import {DECIMAL} from '../scenario/overrides.js';
import type {Metric} from './metrics.js';
import type {ID_COLUMNS, POSTERIOR_COLUMNS} from './plan.js';
import type {Value} from './output.js';

export const STATUSES = ['complete', 'broken', 'ongoing'] as const;

/** A row's field by column name (undefined when the file has no such column). */
export type Field = (column: string) => unknown;

/** The horizon of a row's run, in rounds: the most days it can have lasted. */
export type Horizon = (field: Field) => number;

/** A column's rule: what is wrong with the value (to follow "COLUMN "), or null. */
type Rule = (v: unknown, field: Field, horizon: Horizon) => string | null;

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

const count: Rule = (v) => (isCount(v) ? null : 'must be a whole number ≥ 0');

/** At most one a round: stalled days, stall episodes. */
const perRound: Rule = (v, field, horizon) => {
  if (!isCount(v)) return 'must be a whole number ≥ 0';
  const most = horizon(field);
  return v <= most ? null : `must be at most the run's ${most} days`;
};

const probability: Rule = (v) => (v === null || (typeof v === 'number' && v >= 0 && v <= 1) ? null : 'must be a probability from 0 to 1, or empty');

const RULES: Readonly<Record<(typeof ID_COLUMNS)[number] | (typeof POSTERIOR_COLUMNS)[number] | Metric, Rule>> = {
  run: count,
  point: count,
  replicate: count,
  seed: (v) => (typeof v === 'string' && v !== '' ? null : 'must be a run seed (text)'),
  particle: count,
  posterior: (v) => (typeof v === 'string' && /^[0-9a-f]{16}$/.test(v) ? null : "must be a posterior's digest (16 hex digits)"),
  status: (v) => ((STATUSES as readonly unknown[]).includes(v) ? null : `must be ${STATUSES.slice(0, -1).join(', ')} or ${STATUSES.at(-1)}`),
  completionDay: (v, field, horizon) => {
    const status = field('status');
    if (v === null) return status === 'complete' ? 'must be the day the exchange completed, for a complete run' : null;
    if (status !== undefined && status !== 'complete') return `must be empty for a run that is ${String(status)}`;
    const most = horizon(field);
    return Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= most ? null : `must be a day from 1 to the run's ${most}`;
  },
  releasedByGovernment: count,
  releasedByTaliban: count,
  batches: count,
  walkouts: count,
  // An episode's first round is a stalled day.
  stallEpisodes: (v, field, horizon) => perRound(v, field, horizon) ?? (isCount(field('stalledDays')) && (v as number) > (field('stalledDays') as number) ? `must be at most stalledDays (${String(field('stalledDays'))})` : null),
  stalledDays: perRound,
  peakStallRisk: probability,
  meanStallRisk: probability,
  peakViolence: (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? null : 'must be a number ≥ 0'),
};

/** A parameter column: any value --set takes (an object or a list is none). */
const parameter: Rule = (v) => (v === null || ['string', 'number', 'boolean'].includes(typeof v) ? null : 'must be a number, text, true/false or empty');

/** A series column of a calibration's rows (sweep/plan.ts SeriesColumn): one side's cumulative releases on a date. */
const SERIES_COLUMN = /^(government|taliban)@\d{4}-\d{2}-\d{2}$/;

/** Columns read as text in CSV, whatever they look like (a seed "007" stays "007", a digest of digits too). */
const TEXT_COLUMNS: ReadonlySet<string> = new Set(['seed', 'status', 'posterior']);

/** A CSV field as a value: empty is null; numbers and true/false are typed, except in text columns. */
export function castCell(text: string, column: string): Value {
  if (text === '') return null;
  if (TEXT_COLUMNS.has(column)) return text;
  if (DECIMAL.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}

/** The horizon when nothing else is known: a `days` column when the sweep varied it, else the longest a scenario may have. */
export function fileHorizon(columns: readonly string[]): Horizon {
  if (!columns.includes('days')) return () => MAX_DAYS;
  return (field) => {
    const days = field('days');
    return isCount(days) && days >= 1 ? Math.min(days, MAX_DAYS) : MAX_DAYS;
  };
}

/**
 * The check of a row with these columns: the first column whose value breaks its rule, as
 * "COLUMN must …, got VALUE", or null when the row is one a run can produce.
 */
export function rowCheck(columns: readonly string[], horizon: Horizon): (field: Field) => string | null {
  const rules = columns.map((c) => [c, Object.hasOwn(RULES, c) ? RULES[c as keyof typeof RULES] : SERIES_COLUMN.test(c) ? count : parameter] as const);
  return (field) => {
    for (const [column, rule] of rules) {
      const v = field(column);
      const problem = rule(v === undefined ? null : v, field, horizon);
      if (problem !== null) return `${column} ${problem}, got ${v === undefined || v === null ? 'nothing' : JSON.stringify(v)}`;
    }
    return null;
  };
}
