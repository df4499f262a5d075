// Finding, reading and querying a history file: the dated record of 2020 that the model is set
// against (a scenario says how the model starts; a history says what actually happened).
import {existsSync, readdirSync, statSync} from 'node:fs';
import {basename, extname, join} from 'node:path';
import {InputError, invalid, zodProblems} from '../scenario/errors.js';
import {readDataFile, SCENARIO_DIR} from '../scenario/load.js';
import {parseIsoDate} from '../sim/calendar.js';
import {historySchema, type HistoryEvent, type HistoryFile, type Side} from './schema.js';

/** The bundled histories (scenarios/history/, the same relative place from src/ and dist/). */
export const HISTORY_DIR = join(SCENARIO_DIR, 'history');

const EXTENSIONS = ['.yaml', '.yml', '.json'];

export function bundledHistoryNames(): string[] {
  if (!existsSync(HISTORY_DIR)) return [];
  return readdirSync(HISTORY_DIR)
    .filter((f) => EXTENSIONS.includes(extname(f)))
    .map((f) => basename(f, extname(f)))
    .sort();
}

/** A path to an existing file, or the bundled history of that name. */
export function resolveHistoryPath(ref: string): string {
  if (existsSync(ref) && statSync(ref).isFile()) return ref;
  if (!ref.includes('/') && !ref.includes('\\')) {
    for (const ext of ['', ...EXTENSIONS]) {
      const candidate = join(HISTORY_DIR, ref + ext);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
  }
  const names = bundledHistoryNames();
  throw new InputError(`${ref}: no such history file or bundled history${names.length ? ` (bundled: ${names.join(', ')})` : ''}`, ref);
}

/** Validates already-read data; `file` names the source in errors. */
export function parseHistory(raw: unknown, file: string): HistoryFile {
  const parsed = historySchema.safeParse(raw);
  if (!parsed.success) throw invalid(file, zodProblems(parsed.error), 'history file');
  return parsed.data;
}

export function loadHistory(ref = 'afghanistan-2020'): HistoryFile {
  const file = resolveHistoryPath(ref);
  return parseHistory(readDataFile(file), file);
}

function epoch(date: string): number {
  const e = parseIsoDate(date);
  if (e === null) throw new RangeError(`not a calendar date: ${date}`);
  return e;
}

/** Days since the history's start (day 0); negative before it. */
export function dayOf(history: HistoryFile, date: string): number {
  return epoch(date) - epoch(history.start);
}

/** Events under way on a day: those dated that day, and spans (`date` to `until`) covering it. */
export function eventsOn(history: HistoryFile, day: number): HistoryEvent[] {
  return history.events.filter((e) => dayOf(history, e.date) <= day && day <= dayOf(history, e.until ?? e.date));
}

/** The last reported cumulative release of a side on or before a day; 0 before the first report. */
export function cumulativeOn(history: HistoryFile, side: Side, day: number): number {
  let last = 0;
  for (const p of history.series[side]) {
    if (dayOf(history, p.date) > day) break; // the schema keeps series in date order
    last = p.cumulative;
  }
  return last;
}
