// Reads a sweep's results file (CSV with a header row, or NDJSON) as a stream of typed rows, so
// a summary never holds a whole sweep in memory. Problems name the file and the line, and a last
// line cut off mid-write (a sweep killed while writing) is reported as such. Every row is checked
// as --resume and merge check theirs (row-check.ts, run-order.ts); they read with read-rows.ts,
// as they also compare each record's exact bytes with the row parley writes.
import {closeSync, createReadStream, openSync, readSync, statSync} from 'node:fs';
import {extname} from 'node:path';
import {createInterface} from 'node:readline';
import {pipeline} from 'node:stream';
import {CsvError, parse, type Options} from 'csv-parse';
import {InputError} from '../scenario/errors.js';
import {METRICS, type Metric} from './metrics.js';
import {ID_COLUMNS, POSTERIOR_COLUMNS, type Row} from './plan.js';
import {castCell, fileHorizon, rowCheck} from './row-check.js';
import {RunOrder} from './run-order.js';

export type {Row};

export interface Results {
  file: string;
  format: 'csv' | 'ndjson';
  columns: string[];
  /** The varied parameters: every column that is neither an id nor a metric. */
  params: string[];
  /** The metric columns kept, in file order. */
  metrics: Metric[];
  /** The rows, in file order; can be iterated once. */
  rows: AsyncIterable<Row>;
}

interface Numbered {
  line: number;
  row: Row;
}

interface Source {
  /** Known once the first record has been asked for. */
  header(): string[] | undefined;
  records: AsyncIterator<Numbered>;
}

const REQUIRED = ['run', 'point'] as const;
const METRIC_SET: ReadonlySet<string> = new Set(METRICS);
/** A last line without its newline that does not parse: most likely a write cut short. */
const torn = (detail = ''): string => `torn last line${detail}: the file ends without a newline, as if cut off while being written; remove that line to read the rest`;

/** A CSV record with the line it ends on. */
interface LineRecord {
  line: number;
  record: string[];
}

function csvSource(file: string, size: number, endsWithNewline: boolean): Source {
  let header: string[] | undefined;
  let lastLine = 0;
  // Records as arrays, typed here: csv-parse's own columns and cast options cost ten times more.
  // The header is taken as the parser meets it: an error can overtake the records buffered before it.
  const options: Options<LineRecord, string[]> = {
    bom: true,
    skip_empty_lines: true,
    on_record: (record, ctx) => {
      header ??= record;
      lastLine = ctx.lines;
      return {line: ctx.lines, record};
    },
  };
  const parser = parse(options as unknown as Options); // the overloads do not carry on_record's type
  pipeline(createReadStream(file), parser, () => {});
  async function* records(): AsyncGenerator<Numbered> {
    try {
      for await (const {line, record} of parser as AsyncIterable<LineRecord>) {
        if (record === header) continue;
        const row: Row = {};
        for (let i = 0; i < header!.length; i++) row[header![i]!] = castCell(record[i]!, header![i]!);
        yield {line, row};
      }
    } catch (e) {
      throw csvProblem(file, e, {size, endsWithNewline, columns: header?.length ?? 0, from: lastLine + 1});
    }
  }
  return {header: () => header, records: records()};
}

function csvProblem(file: string, e: unknown, at: {size: number; endsWithNewline: boolean; columns: number; from: number}): unknown {
  if (!(e instanceof CsvError)) return readProblem(file, e);
  const line = typeof e.lines === 'number' ? e.lines : at.from;
  if (e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
    const got = Array.isArray(e.record) ? e.record.length : '?';
    const atEnd = e.bytes === at.size && !at.endsWithNewline;
    if (atEnd && typeof got === 'number' && got < at.columns) return new InputError(`${file} line ${line}: ${torn(` (${got} of ${at.columns} fields)`)}`, file);
    return new InputError(`${file} line ${line}: ${got} fields where the header has ${at.columns}`, file);
  }
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') return new InputError(`${file} line ${at.from}: a quoted field is never closed${at.endsWithNewline ? '' : `; ${torn()}`}`, file);
  return new InputError(`${file} line ${line}: ${e.message.replace(/ (on|at) line \d+.*$/, '')}`, file);
}

function ndjsonSource(file: string, endsWithNewline: boolean): Source {
  let header: string[] | undefined;
  async function* records(): AsyncGenerator<Numbered> {
    const lines = createInterface({input: createReadStream(file), crlfDelay: Infinity});
    let n = 0;
    // A line that does not parse is an error, unless it is the last and has no newline: torn.
    let pending: InputError | null = null;
    try {
      for await (const text of lines) {
        n++;
        if (text.trim() === '') continue;
        if (pending) throw pending;
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (e) {
          pending = new InputError(`${file} line ${n}: not valid JSON (${(e as Error).message})`, file);
          continue;
        }
        if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError(`${file} line ${n}: expected a JSON object, one run a line`, file);
        header ??= Object.keys(value);
        yield {line: n, row: ndjsonRow(file, n, value as Record<string, unknown>, header)};
      }
    } catch (e) {
      throw e instanceof InputError ? e : readProblem(file, e);
    }
    if (pending) throw endsWithNewline ? pending : new InputError(`${file} line ${n}: ${torn()}`, file);
  }
  return {header: () => header, records: records()};
}

function ndjsonRow(file: string, line: number, value: Record<string, unknown>, header: readonly string[]): Row {
  const row: Row = {};
  for (const column of header) {
    const v = value[column] ?? null;
    if (typeof v === 'object' && v !== null) throw new InputError(`${file} line ${line}: ${column} is ${Array.isArray(v) ? 'a list' : 'an object'}; expected a number, a string, true/false or null`, file);
    row[column] = v as Row[string];
  }
  return row;
}

function readProblem(file: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError(`${file}: no such file`, file);
  if (code === 'EISDIR') return new InputError(`${file}: is a folder, not a results file`, file);
  return new InputError(`${file}: cannot read (${code ?? (e as Error).message})`, file);
}

/** The size of the file and whether it ends with a newline (else its last line may be torn). */
function inspect(file: string): {size: number; endsWithNewline: boolean; first: string} {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw Object.assign(new Error('folder'), {code: 'EISDIR'});
    const size = stat.size;
    const fd = openSync(file, 'r');
    try {
      const last = Buffer.alloc(1);
      const head = Buffer.alloc(Math.min(size, 64));
      readSync(fd, last, 0, 1, Math.max(0, size - 1));
      readSync(fd, head, 0, head.length, 0);
      return {size, endsWithNewline: last[0] === 0x0a, first: head.toString('utf8').replace(/^\ufeff/, '').trimStart()};
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw readProblem(file, e);
  }
}

/** Checks each row on its own (rowCheck) and in order (RunOrder: a summary's rows start at run 0). */
function rowChecker(file: string, columns: readonly string[]): (n: Numbered) => Row {
  const check = rowCheck(columns, fileHorizon(columns));
  const order = new RunOrder(0);
  return ({line, row}) => {
    const field = (c: string): unknown => row[c];
    const problem = check(field) ?? order.follow(field);
    if (problem !== null) throw new InputError(`${file} line ${line}: ${problem}`, file);
    return row;
  };
}

/**
 * Opens a results file: reads up to its first row, so a missing file, an empty one or a header
 * without `run` and `point` fail here, before anything is printed; the rest streams.
 */
export async function openResults(file: string): Promise<Results> {
  const {size, endsWithNewline, first} = inspect(file);
  const ext = extname(file).toLowerCase();
  const format = ext === '.csv' ? 'csv' : ext === '.ndjson' || ext === '.jsonl' || first.startsWith('{') ? 'ndjson' : 'csv';
  const what = format === 'csv' ? 'a header line (run,point,…)' : 'one JSON object a line';
  if (size === 0) throw new InputError(`${file}: empty file; expected ${what}`, file);
  const source = format === 'csv' ? csvSource(file, size, endsWithNewline) : ndjsonSource(file, endsWithNewline);
  const close = async (): Promise<void> => void (await source.records.return?.());
  let head: IteratorResult<Numbered>;
  let columns: string[];
  try {
    head = await source.records.next();
    columns = checkHeader(file, source.header(), what);
  } catch (e) {
    await close();
    throw e;
  }
  // A run's particle and posterior are not the point's parameters.
  const ids: ReadonlySet<string> = new Set([...ID_COLUMNS, ...POSTERIOR_COLUMNS]);
  const metrics = columns.filter((c): c is Metric => METRIC_SET.has(c));
  const params = columns.filter((c) => !ids.has(c) && !METRIC_SET.has(c));
  const checkRow = rowChecker(file, columns);
  async function* rows(): AsyncGenerator<Row> {
    try {
      if (head.done) return;
      yield checkRow(head.value);
      for (let r = await source.records.next(); !r.done; r = await source.records.next()) yield checkRow(r.value);
    } finally {
      await close();
    }
  }
  return {file, format, columns, params, metrics, rows: rows()};
}

function checkHeader(file: string, columns: string[] | undefined, what: string): string[] {
  if (!columns) throw new InputError(`${file}: empty file; expected ${what}`, file);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) throw new InputError(`${file} line 1: no ${missing.join(' or ')} column; the columns are ${columns.join(', ') || '(none)'}`, file);
  const unnamed = columns.indexOf('');
  if (unnamed >= 0) throw new InputError(`${file} line 1: column ${unnamed + 1} has no name`, file);
  const repeated = columns.find((c, i) => columns.indexOf(c) !== i);
  if (repeated !== undefined) throw new InputError(`${file} line 1: the column "${repeated}" appears twice`, file);
  return columns;
}
