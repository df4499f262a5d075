// The posterior sample file `parley calibrate` writes and `--posterior` reads: CSV with a header
// `particle,weight,<path>,…` (each path one `--set` path of the scenario), then one row a
// particle, numbered 0..N-1 in order, with a weight ≥ 0 and a number a column. Lines starting
// with # are comments (calibrate's provenance line). This file checks the format alone; whether
// the paths and values suit a scenario is posterior.ts's check.
import {createHash} from 'node:crypto';
import {parse} from 'csv-parse/sync';
import {InputError} from './errors.js';
import {DECIMAL, parseOverride} from './overrides.js';

export interface Posterior {
  /** The file as given: messages and the command that re-runs a sweep's row name it. */
  file: string;
  /** Each column's `--set` path, in file order. */
  paths: string[];
  /** Each particle's weight, normalised to sum to 1 (a file edited by hand may not). */
  weights: number[];
  /** Each particle's values, in column order. */
  values: number[][];
  /** The line of the file each particle is on, for messages. */
  lines: number[];
  /**
   * 16 hex digits of a SHA-256 of the paths, the normalised weights and the values: all a draw
   * depends on (not the comments). A sweep's rows carry it, so that --resume and merge never
   * join runs drawn from two posteriors.
   */
  digest: string;
}

/** The first two columns, in this order. */
export const POSTERIOR_HEAD = ['particle', 'weight'] as const;

/** Paths a posterior may not draw: they are not model parameters, and a sweep's columns or horizon rest on them. */
const NOT_DRAWN: Readonly<Record<string, string>> = {
  seed: 'the seed chooses the particle',
  days: 'the horizon is not a model parameter (use --days)',
  'stall.rollouts': 'the number of stall-risk rollouts is not a model parameter',
};

interface Line {
  record: string[];
  info: {lines: number};
}

/** Reads a posterior's text (from `file`, for messages); throws an InputError naming the file, the line and the field. */
export function parsePosterior(text: string, file: string): Posterior {
  const lines = csvLines(text, file);
  const header = lines[0];
  if (!header) throw new InputError(`${file}: empty posterior: expected a header line particle,weight,<path>,…`, file);
  const at = (line: Line): string => `${file} line ${line.info.lines}`;
  const columns = header.record;
  if (columns[0] !== POSTERIOR_HEAD[0] || columns[1] !== POSTERIOR_HEAD[1]) {
    throw new InputError(`${at(header)}: the header must start with ${POSTERIOR_HEAD.join(',')}, not ${columns.slice(0, 2).join(',')}`, file);
  }
  const paths = columns.slice(2);
  if (paths.length === 0) throw new InputError(`${at(header)}: no parameter columns after ${POSTERIOR_HEAD.join(',')}`, file);
  paths.forEach((path, i) => checkPath(path, paths.indexOf(path) === i ? null : paths.indexOf(path), `${at(header)}, column ${i + 3}`, file));
  if (lines.length === 1) throw new InputError(`${file}: no particles: the header is the only line`, file);

  const raw: number[] = [];
  const values: number[][] = [];
  const where: number[] = [];
  for (let k = 0; k < lines.length - 1; k++) {
    const line = lines[k + 1]!;
    const cells = line.record;
    const row = `${at(line)} (particle ${k})`;
    if (cells.length !== columns.length) throw new InputError(`${at(line)}: ${cells.length} fields where the header has ${columns.length}`, file);
    if (cells[0] !== String(k)) throw new InputError(`${at(line)}: particle is ${JSON.stringify(cells[0])} where ${k} was expected: particles are numbered 0 to N-1, in order`, file);
    const weight = number(cells[1]!);
    if (weight === null) throw new InputError(`${row}: weight ${JSON.stringify(cells[1])} is not a finite number`, file);
    if (weight < 0) throw new InputError(`${row}: weight ${cells[1]} is negative`, file);
    raw.push(weight);
    values.push(
      paths.map((path, c) => {
        const v = number(cells[c + 2]!);
        if (v === null) throw new InputError(`${row}, column ${path}: ${JSON.stringify(cells[c + 2])} is not a finite number`, file);
        return v;
      }),
    );
    where.push(line.info.lines);
  }
  const total = raw.reduce((a, b) => a + b, 0);
  if (total === 0) throw new InputError(`${file}: every weight is 0: at least one particle needs a weight above 0`, file);
  if (!Number.isFinite(total)) throw new InputError(`${file}: the weights add up to more than the largest number: scale them down`, file);
  const weights = raw.map((w) => w / total);
  return {file, paths, weights, values, lines: where, digest: digestOf(paths, weights, values)};
}

/** The records of the CSV with the line each ends on, comments and blank lines left out. */
function csvLines(text: string, file: string): Line[] {
  try {
    return parse(text, {bom: true, comment: '#', comment_no_infix: true, skip_empty_lines: true, trim: true, info: true, relax_column_count: true}) as unknown as Line[];
  } catch (e) {
    const lines = (e as {lines?: unknown}).lines;
    const line = typeof lines === 'number' ? ` line ${lines}` : '';
    throw new InputError(`${file}${line}: not a CSV file: ${(e as Error).message.replace(/ (on|at) line \d+.*$/, '')}`, file);
  }
}

/** A header's path: one `--set` takes, named once, and one a posterior may draw. */
function checkPath(path: string, first: number | null, at: string, file: string): void {
  if (first !== null) throw new InputError(`${at}: ${path} appears twice (also column ${first + 3})`, file);
  let segments: string[];
  try {
    segments = parseOverride(`${path}=0`).path;
  } catch {
    segments = [];
  }
  if (segments.length === 0 || segments.includes('+') || path.includes('=')) throw new InputError(`${at}: ${JSON.stringify(path)} is not a field path as --set takes it (e.g. agents.taliban.params.batchCap)`, file);
  const why = NOT_DRAWN[path];
  if (why !== undefined) throw new InputError(`${at}: ${path} cannot be drawn from a posterior: ${why}`, file);
}

/** A plain decimal number, as --set reads one, or null (text, empty, infinite). */
function number(cell: string): number | null {
  if (!DECIMAL.test(cell)) return null;
  const v = Number(cell);
  return Number.isFinite(v) ? v : null;
}

function digestOf(paths: readonly string[], weights: readonly number[], values: readonly (readonly number[])[]): string {
  return createHash('sha256').update(JSON.stringify({paths, weights, values})).digest('hex').slice(0, 16);
}
