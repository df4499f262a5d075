// Finding, reading and querying a history file: the dated record of 2020 that the model is set
// against (a scenario says how the model starts; a history says what actually happened).
import {join} from 'node:path';
import {InputError, invalid, zodProblems} from '../scenario/errors.js';
import type {LoadedScenario} from '../scenario/resolve.js';
import {bundledNames, readDataFile, resolveDataPath, SCENARIO_DIR} from '../scenario/load.js';
import {parseIsoDate} from '../sim/calendar.js';
import {historySchema, type HistoryEvent, type HistoryFile, type Side} from './schema.js';

/** The bundled histories (scenarios/history/, the same relative place from src/ and dist/). */
export const HISTORY_DIR = join(SCENARIO_DIR, 'history');

export const bundledHistoryNames = (): string[] => bundledNames(HISTORY_DIR);

/** A path to an existing file, or the bundled history of that name. */
export const resolveHistoryPath = (ref: string): string => resolveDataPath(ref, HISTORY_DIR, 'history');

/** Validates already-read data; `file` names the source in errors. */
export function parseHistory(raw: unknown, file: string): HistoryFile {
  const parsed = historySchema.safeParse(raw);
  if (!parsed.success) throw invalid(file, zodProblems(parsed.error, {schema: historySchema, data: raw}), 'history file');
  return parsed.data;
}

export function loadHistory(ref = 'afghanistan-2020'): HistoryFile {
  const file = resolveHistoryPath(ref);
  return parseHistory(readDataFile(file), file);
}

/** The history a scenario names (field `history`), or null; it must start on the scenario's start date. */
export function scenarioHistory(loaded: LoadedScenario): HistoryFile | null {
  const name = loaded.scenario.history;
  if (!name) return null;
  const history = loadHistory(name);
  if (history.start !== loaded.scenario.start) {
    throw new InputError(`${loaded.file}: starts on ${loaded.scenario.start} but its history starts on ${history.start}; the two must match`, loaded.file);
  }
  return history;
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
