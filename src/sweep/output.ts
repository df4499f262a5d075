// Row formats of a sweep: CSV (RFC 4180 quoting, via csv-stringify) and NDJSON (one object a
// line, keys in column order). Values print as JavaScript prints them, so a row's bytes depend
// only on its values: the same on every machine, worker count and shard split.
import {extname} from 'node:path';
import {stringify} from 'csv-stringify/sync';

export const FORMATS = ['csv', 'ndjson'] as const;
export type Format = (typeof FORMATS)[number];

/** One cell. null is an empty CSV field and a JSON null. */
export type Value = string | number | boolean | null;

/** The format a file name asks for (.csv, .ndjson, .jsonl), or null for any other name. */
export function formatOfPath(path: string): Format | null {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  return null;
}

const CSV_OPTIONS = {
  // csv-stringify's defaults print true as "1" and false as "": keep them readable and distinct.
  cast: {boolean: (v: boolean): string => (v ? 'true' : 'false'), number: (v: number): string => String(v)},
  record_delimiter: 'unix',
  eof: true,
} as const;

/** The header line (CSV), or '' (NDJSON has none: every line names its fields). */
export function headerText(columns: readonly string[], format: Format): string {
  return format === 'csv' ? stringify([columns as string[]], CSV_OPTIONS) : '';
}

/** A cell csv-stringify may quote (a comma, a quote or a line break in it). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One row as CSV. Almost every cell of a sweep is a number or a plain word, printed as is: those
 * rows are joined here, and only a row with a cell to quote goes through csv-stringify, which
 * makes about 5 KB of garbage a row (a test checks the two agree on any row).
 */
function csvRow(row: readonly Value[]): string {
  if (row.some((v) => typeof v === 'string' && NEEDS_QUOTES.test(v))) return stringify([row as Value[]], CSV_OPTIONS);
  let out = '';
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (i > 0) out += ',';
    if (v !== null) out += String(v);
  }
  return `${out}\n`;
}

/**
 * Formats rows one at a time (values in column order), one line each ending in "\n". Built by
 * hand rather than JSON.stringify(object) for NDJSON: object keys that look like integers would
 * move to the front, and the column order is part of the contract.
 */
export class RowFormatter {
  private readonly keys: string[] | null;

  constructor(columns: readonly string[], format: Format) {
    this.keys = format === 'csv' ? null : columns.map((c) => `${JSON.stringify(c)}:`);
  }

  line(row: readonly Value[]): string {
    const keys = this.keys;
    if (keys === null) return csvRow(row);
    return `{${row.map((v, i) => keys[i]! + JSON.stringify(v)).join(',')}}\n`;
  }
}

/** Rows (values in column order) as text, one line each, each ending in "\n". */
export function formatRows(rows: readonly (readonly Value[])[], columns: readonly string[], format: Format): string {
  const f = new RowFormatter(columns, format);
  let out = '';
  for (const row of rows) out += f.line(row);
  return out;
}

export const rowValues = (row: Readonly<Record<string, Value>>, columns: readonly string[]): Value[] => columns.map((c) => row[c] ?? null);

export function rowObject(values: readonly Value[], columns: readonly string[]): Record<string, Value> {
  const row: Record<string, Value> = {};
  columns.forEach((c, i) => (row[c] = values[i] ?? null));
  return row;
}

/** `results.csv` → `results.summary.csv` (the same folder and extension). */
export const summaryPath = (out: string): string => besidePath(out, 'summary');

/** `results.csv` → `results.<tag>.csv` (the same folder and extension; `otherwise` when it has none). */
export function besidePath(out: string, tag: string, otherwise = ''): string {
  const ext = extname(out);
  return `${ext ? out.slice(0, -ext.length) : out}.${tag}${ext || otherwise}`;
}
