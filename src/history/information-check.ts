// Whether a scenario knows only what was known on its `information` date. Every value it sets
// must cite timeline rows (T<row>) and seed articles (seed 00k) dated on or before that date, or
// say that it is an assumption or a default. Citations are read where a reader finds them: the
// comments on the value and its key, and for an item of a list (an event, a troop milestone) the
// item's own comments and its `source`. Pure: the caller reads the files
// (test/scenario/information-set.test.ts; docs/information-sets.md says what each origin knows).
import {isMap, isScalar, isSeq, parseDocument, type Node, type Pair} from 'yaml';
import {formatPath} from '../scenario/errors.js';
import type {HistoryFile} from './schema.js';

/** When each citation became known: timeline rows by id (`T70`) and seed articles by number (`000`). */
export interface KnownDates {
  rows: ReadonlyMap<string, string>;
  seeds: ReadonlyMap<string, string>;
}

/** One value that knows too much or says nothing of where it comes from. */
export interface InformationProblem {
  /** As `--set` and the scenario's errors write it: `pools.government.offList`, `events[7].date`. */
  path: string;
  message: string;
}

/** What a value's comments (and its item's source) cite, and whether they mark it an assumption. */
export interface Citations {
  rows: string[];
  seeds: string[];
  marked: boolean;
}

/** Top-level fields that name, describe or seed the scenario: no information in them. */
const EXEMPT = new Set(['$schema', 'name', 'description', 'information', 'history', 'seed', 'pools.seed']);

const ROW = /\bT(\d+)\b/g;
const SEEDS = /\bseeds?(?:\s+articles?)?\s+(\d{3}(?:\s*(?:,|and)\s*\d{3})*)/gi;
const MARK = /\b(assumption|default)\b/i;
const ISO = /\d{4}-\d{2}-\d{2}/g;

/** The rows and seeds a text cites, and whether it calls the value an assumption or a default. */
export function citationsIn(text: string): Citations {
  const rows = [...text.matchAll(ROW)].map((m) => `T${m[1]}`);
  const seeds = [...text.matchAll(SEEDS)].flatMap((m) => m[1]!.match(/\d{3}/g)!);
  return {rows: [...new Set(rows)], seeds: [...new Set(seeds)], marked: MARK.test(text)};
}

/**
 * Each row's date in the history file. A row that spans days (`until`) is dated by its last:
 * a total reported over 30 May - 1 June is known on 1 June.
 */
export function historyRowDates(history: HistoryFile): Map<string, string> {
  return new Map(history.events.map((e) => [e.id, e.until ?? e.date]));
}

/** The lines of a Markdown section, from its `## ` heading to the next. */
function section(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`## ${heading}`));
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/**
 * The latest date a table cell names: `2020-03-30 → 31` is 31 March, `2020-07-13/14` 14 July,
 * `~2020-08-13 → 2020-08-17` 17 August. Null when it names none.
 */
export function latestDate(cell: string): string | null {
  const dates = [...cell.matchAll(ISO)];
  const last = dates.at(-1);
  if (!last) return null;
  let latest = dates.map((m) => m[0]).sort().at(-1)!;
  // A later day of the same month, written as the day alone after the last full date.
  const day = /^\s*(?:→|\/)\s*(\d{1,2})\b/.exec(cell.slice(last.index + 10))?.[1];
  if (day !== undefined) latest = `${last[0].slice(0, 8)}${day.padStart(2, '0')}`;
  return latest;
}

/** The rows of docs/sources.md's table ("Timeline rows used"), each with the latest date of its Date cell. */
export function sourcesRowDates(markdown: string): Map<string, string> {
  const dates = new Map<string, string>();
  for (const line of section(markdown, 'Timeline rows used')) {
    const cells = line.split('|').map((c) => c.trim());
    const date = cells[2] === undefined ? null : latestDate(cells[2]);
    if (/^T\d+$/.test(cells[1] ?? '') && date !== null) dates.set(cells[1]!, date);
  }
  return dates;
}

/** The seed articles' dates, from docs/sources.md's table in "The seed articles". */
export function seedDates(markdown: string): Map<string, string> {
  const dates = new Map<string, string>();
  for (const line of section(markdown, 'The seed articles')) {
    const m = /^\|\s*(\d{3})\s*\|\s*(\d{4}-\d{2}-\d{2})\s*\|/.exec(line);
    if (m) dates.set(m[1]!, m[2]!);
  }
  return dates;
}

/** The dates the check uses: the history file's rows, then docs/sources.md's for rows not in it. */
export function knownDates(history: HistoryFile, sourcesMarkdown: string): KnownDates {
  const rows = new Map(sourcesRowDates(sourcesMarkdown));
  for (const [id, date] of historyRowDates(history)) rows.set(id, date);
  return {rows, seeds: seedDates(sourcesMarkdown)};
}

/** A scalar value of the document, the comments that speak for it, and its path. */
interface Leaf {
  path: (string | number)[];
  text: string;
}

const commentsOf = (node: unknown): string[] => {
  if (node === null || typeof node !== 'object') return [];
  const n = node as {commentBefore?: string | null; comment?: string | null};
  return [n.commentBefore ?? '', n.comment ?? ''];
};

/** The text an item of a list adds to each of its values: its comments and its `source`. */
function itemText(item: unknown): string[] {
  const texts = commentsOf(item);
  if (isMap(item)) {
    const source = item.items.find((p) => isScalar(p.key) && p.key.value === 'source');
    if (source && isScalar(source.value)) texts.push(String(source.value.value), ...commentsOf(source.key), ...commentsOf(source.value));
  }
  return texts;
}

function leaves(node: unknown, path: (string | number)[], inherited: string[], own: string[], out: Leaf[]): void {
  if (isScalar(node)) {
    out.push({path, text: [...inherited, ...own, ...commentsOf(node)].join('\n')});
  } else if (isMap(node)) {
    for (const pair of node.items as Pair<Node, unknown>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      leaves(pair.value, [...path, key], inherited, commentsOf(pair.key), out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => leaves(item, [...path, i], [...inherited, ...itemText(item)], [], out));
  }
}

/**
 * The problems of a scenario's text against the dates: each value whose citations include a row
 * or seed dated after the scenario's `information`, an unknown row or seed, or no citation and
 * no mark. No `information` field: one problem that says so.
 */
export function checkInformation(text: string, dates: KnownDates): InformationProblem[] {
  const doc = parseDocument(text);
  const information: unknown = doc.get('information');
  if (typeof information !== 'string') return [{path: 'information', message: 'no information date (YYYY-MM-DD) to check against'}];
  const found: Leaf[] = [];
  leaves(doc.contents, [], [], [], found);
  const problems: InformationProblem[] = [];
  for (const {path, text: said} of found) {
    const at = formatPath(path);
    if (EXEMPT.has(at)) continue;
    const c = citationsIn(said);
    const problem = (message: string): number => problems.push({path: at, message: `${at}: ${message}`});
    for (const row of c.rows) {
      const date = dates.rows.get(row);
      if (date === undefined) problem(`cites ${row}, which is not a row of the timeline (scenarios/history, docs/sources.md)`);
      else if (date > information) problem(`cites ${row} (${date}), after the information date ${information}`);
    }
    for (const seed of c.seeds) {
      const date = dates.seeds.get(seed);
      if (date === undefined) problem(`cites seed ${seed}, which is not a seed article (docs/sources.md)`);
      else if (date > information) problem(`cites seed ${seed} (${date}), after the information date ${information}`);
    }
    if (c.rows.length === 0 && c.seeds.length === 0 && !c.marked) {
      problem('cites no timeline row (T<row>) or seed article (seed 00k) and is not marked an assumption or a default');
    }
  }
  return problems;
}
