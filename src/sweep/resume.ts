// --resume: where an interrupted sweep's output stops. Rows are written in run-id order, so a
// file is always the header and runs start..k (perhaps with a torn last line, from SIGKILL
// mid-write); the sweep continues from k+1. Anything else is refused before a byte changes.
import {closeSync, existsSync, openSync, readSync, statSync} from 'node:fs';
import {InputError} from '../scenario/errors.js';
import {ID_COLUMNS, runCoordinates, type SweepPlan} from './plan.js';
import {formatRows, headerText, type Format, type Value} from './output.js';
import {completeBytes, readRecords, type FileHead} from './read-rows.js';
import type {RunRange} from './shard.js';
import {RunOrder} from './run-order.js';
import {typedFields, verifyRecord} from './verify.js';

export interface ResumePoint {
  /** The first run still to do. */
  next: number;
  /** Bytes of the file to keep: the header and every complete row. */
  keep: number;
  /** Bytes of a torn last line, dropped. */
  torn: number;
  /** The kept bytes begin with the CSV header (false: new, empty, only part of it, or NDJSON, which has none). */
  header: boolean;
  /** The file does not exist: the sweep starts from the beginning. */
  missing: boolean;
}

const refuse = (file: string, why: string): InputError => new InputError(`${file}: cannot resume: ${why}; nothing was changed`, file);

/** How a row of run `run` begins: its id columns. A torn line must be the start of one. */
function rowStart(plan: SweepPlan, run: number, format: Format): string {
  const {point, replicate, seed} = runCoordinates(plan, run);
  const text = formatRows([[run, point, replicate, seed]], ID_COLUMNS, format);
  return format === 'csv' ? `${text.slice(0, -1)},` : `${text.slice(0, -2)},`;
}

/**
 * Reads and checks `file` as the output of runs range.start.. of `plan`, passing each complete
 * row's values to `onRow` (the summary needs them); throws an InputError if it is not.
 */
export async function findResumePoint(file: string, plan: SweepPlan, format: Format, range: RunRange, onRow: (values: Value[]) => void): Promise<ResumePoint> {
  if (!existsSync(file)) return {next: range.start, keep: 0, torn: 0, header: false, missing: true};
  if (!statSync(file).isFile()) throw refuse(file, 'not a file');
  const {size, complete} = completeBytes(file);
  const header = headerText(plan.columns, format);
  const checkHeader = (h: FileHead): void => {
    if (h.raw !== header) throw refuse(file, `its columns are not this sweep's (it has ${h.columns.join(',')})`);
  };
  let next = range.start;
  let head: FileHead | null;
  const order = new RunOrder(range.start);
  try {
    head = await readRecords(file, format, complete, (rec, h) => {
      if (format === 'csv' && next === range.start) checkHeader(h);
      if (next >= range.end) throw refuse(file, `line ${rec.line} is beyond the last run of this ${range.start === 0 && range.end === plan.runs ? 'sweep' : 'shard'} (run ${range.end - 1})`);
      const problem = order.follow(typedFields(rec, format));
      if (problem !== null) throw refuse(file, `line ${rec.line} ${problem}`);
      onRow(verifyRecord(file, plan, next, rec, format));
      next++;
    });
  } catch (e) {
    // Say, whatever the problem, that the file was left alone.
    if (e instanceof InputError && !e.message.startsWith(`${file}: cannot resume`)) throw refuse(file, e.message.startsWith(file) ? e.message.slice(file.length).replace(/^:? /, '') : e.message);
    throw e;
  }
  if (format === 'csv' && head) checkHeader(head);

  const tail = size - complete;
  if (tail > 0) {
    // Only a torn header or the start of the next row may be dropped: never text of another kind.
    const partial = readTail(file, complete, size);
    const expected = format === 'csv' && !head ? header : next < range.end ? rowStart(plan, next, format) : '';
    const plausible = expected !== '' && (partial.startsWith(expected) || expected.startsWith(partial));
    if (!plausible) throw refuse(file, `it ends with ${JSON.stringify(partial.slice(0, 40))}, which is not the start of ${format === 'csv' && !head ? 'the header' : `run ${next}`}`);
  }
  return {next, keep: complete, torn: tail, header: format === 'csv' && head !== null, missing: false};
}

/** The start of the bytes from..to (enough to tell what they are). */
function readTail(file: string, from: number, to: number): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(Math.min(to - from, 4096));
    return buf.subarray(0, readSync(fd, buf, 0, buf.length, from)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
