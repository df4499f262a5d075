// Merging shard outputs (`parley merge`): every file must have the same header and hold
// consecutive runs, drawn from one posterior when they have one (the `posterior` column, the
// same in every row); together the files must cover runs 0.. without a gap or an overlap (and all
// of them when the spec is known). The merged file is the files' rows in run order, which is
// byte for byte what one unsharded sweep writes.
import {createReadStream, existsSync, statSync} from 'node:fs';
import {resolve} from 'node:path';
import {InputError} from '../scenario/errors.js';
import type {SweepPlan} from './plan.js';
import {headerText, type Format, type Value} from './output.js';
import {completeBytes, readRecords, type FileHead} from './read-rows.js';
import type {Field} from './row-check.js';
import {RunOrder} from './run-order.js';
import {recordCheck, typedFields, verifyRecord} from './verify.js';

export interface SweepFile {
  file: string;
  format: Format;
  head: FileHead | null;
  /** Runs [first, end) the file holds; first === end when it holds none. */
  first: number;
  end: number;
  /** Where the rows start: after the header. */
  bodyStart: number;
  /** The digest of the posterior its runs were drawn from (every row's `posterior`), or null: none, or no rows. */
  posterior: string | null;
}

/**
 * Reads one file through and checks it on its own: complete lines, every row a run can produce
 * (rowCheck), consecutive runs (RunOrder), and with a plan every row exactly this sweep's.
 */
export async function scanFile(file: string, format: Format, plan: SweepPlan | null): Promise<SweepFile> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new InputError(`${file}: no such file`, file);
  const {size, complete} = completeBytes(file);
  if (complete < size) throw new InputError(`${file}: the last line is incomplete (a sweep that did not finish? complete it with parley sweep … --resume)`, file);
  const columnsOk = (h: FileHead): void => {
    if (plan && format === 'csv' && h.raw !== headerText(plan.columns, format)) throw new InputError(`${file}: its columns are not those of ${plan.file}`, file);
  };
  const order = new RunOrder(null);
  let check: ((field: Field) => string | null) | null = null;
  let first = -1;
  // Every row's posterior digest, against the first row's.
  const drawn: {digest: string | null; line: number} = {digest: null, line: 0};
  const head = await readRecords(file, format, complete, (rec, h) => {
    if (first < 0) columnsOk(h);
    const field = typedFields(rec, format);
    check ??= recordCheck(h.columns, plan);
    const problem = check(field) ?? order.follow(field);
    if (problem !== null) throw new InputError(`${file} line ${rec.line}: ${problem}`, file);
    const digest = field(POSTERIOR);
    if (typeof digest === 'string') {
      if (drawn.digest === null) Object.assign(drawn, {digest, line: rec.line});
      if (digest !== drawn.digest) throw new InputError(`${file} line ${rec.line}: posterior is ${digest}, line ${drawn.line}'s is ${drawn.digest}: its runs were drawn from two posteriors`, file);
    }
    const run = field('run') as number;
    if (first < 0) first = run;
    if (plan) {
      if (run >= plan.runs) throw new InputError(`${file}: line ${rec.line} holds run ${run}, but the sweep has runs 0 to ${plan.runs - 1}`, file);
      verifyRecord(file, plan, run, rec, format);
    }
  });
  const end = order.end ?? 0;
  if (format === 'csv' && !head) throw new InputError(`${file}: empty, without even a header`, file);
  if (head) columnsOk(head);
  return {file, format, head, first: Math.max(first, 0), end: first < 0 ? 0 : end, bodyStart: head ? Buffer.byteLength(head.raw) : 0, posterior: drawn.digest};
}

/** The column of a run's posterior digest (plan.ts POSTERIOR_COLUMNS). */
const POSTERIOR = 'posterior';

const span = (a: number, b: number): string => (a === b ? `run ${a}` : `runs ${a} to ${b}`);

/**
 * The files in run order, after checking they share a header and cover runs 0.. (to runs - 1
 * when `runs` is known) exactly once.
 */
export function mergeOrder(files: readonly SweepFile[], runs: number | null): SweepFile[] {
  const withHeader = files.filter((f) => f.head && (f.format === 'csv' || f.end > f.first));
  const ref = withHeader[0];
  for (const f of withHeader) {
    const same = f.format === 'csv' ? f.head!.raw === ref!.head!.raw : f.head!.columns.join('\u0000') === ref!.head!.columns.join('\u0000');
    if (!same) throw new InputError(`${f.file}: its columns differ from ${ref!.file}'s (${f.head!.columns.join(',')} against ${ref!.head!.columns.join(',')})`, f.file);
  }
  const drawn = files.filter((f) => f.posterior !== null);
  const other = drawn.find((f) => f.posterior !== drawn[0]!.posterior);
  if (other) throw new InputError(`${other.file}: its runs were drawn from another posterior than ${drawn[0]!.file}'s (posterior ${other.posterior} against ${drawn[0]!.posterior}): merge runs of one posterior`, other.file);
  const sorted = files.filter((f) => f.end > f.first).sort((a, b) => a.first - b.first);
  let next = 0;
  let previous: SweepFile | null = null;
  for (const f of sorted) {
    if (f.first > next) throw new InputError(`${f.file}: starts at run ${f.first}, but ${span(next, f.first - 1)} ${f.first - next === 1 ? 'is' : 'are'} in none of the files${previous ? ` (a gap after ${previous.file})` : ''}`, f.file);
    if (f.first < next) {
      const twice = resolve(f.file) === resolve(previous!.file) ? ' (given twice?)' : '';
      throw new InputError(`${f.file}: holds ${span(f.first, Math.min(next, f.end) - 1)}, also in ${previous!.file}: the files overlap${twice}`, f.file);
    }
    next = f.end;
    previous = f;
  }
  if (runs !== null && next < runs) {
    const last = previous ? `the last, ${previous.file}, ends at run ${next - 1}` : 'they hold no rows';
    throw new InputError(`${span(next, runs - 1)} of the sweep ${runs - next === 1 ? 'is' : 'are'} in none of the files (${last})`, previous?.file);
  }
  return [...sorted, ...files.filter((f) => f.end === f.first)];
}

/** Writes the header once, then each file's rows, streaming. */
export async function copyRows(files: readonly SweepFile[], write: (text: string) => void): Promise<void> {
  const first = files.find((f) => f.head);
  if (first?.format === 'csv') write(first.head!.raw);
  for (const f of files) {
    if (f.end === f.first) continue;
    const stream = createReadStream(f.file, {start: f.bodyStart, encoding: 'utf8'});
    for await (const chunk of stream) write(chunk as string);
  }
}

/** Each row's values, in run order (for the summary); the files must have been scanned with the plan. */
export async function mergedValues(files: readonly SweepFile[], plan: SweepPlan, onRow: (values: Value[]) => void): Promise<void> {
  for (const f of files) {
    let run = f.first;
    await readRecords(f.file, f.format, completeBytes(f.file).complete, (rec) => onRow(verifyRecord(f.file, plan, run++, rec, f.format)));
  }
}
