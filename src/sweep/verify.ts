// Checks a row read back from a file against the plan: it must be exactly the row parley writes
// for that run id, byte for byte, given the metrics it holds. Its run, point, replicate, seed,
// parameter values and (with a posterior) particle and posterior digest come from the plan, so a
// file from another spec, seed, shard or posterior never passes;
// its metrics must be values a run can produce (row-check.ts), within the plan's horizon.
import {InputError} from '../scenario/errors.js';
import {planHorizon, posteriorValues, runCoordinates, type SweepPlan} from './plan.js';
import {formatRows, type Format, type Value} from './output.js';
import type {FileRecord} from './read-rows.js';
import {castCell, fileHorizon, rowCheck, type Field} from './row-check.js';

const isValue = (v: unknown): v is Value => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** A field's value: CSV text typed back (castCell); from NDJSON as it is. */
function fieldValue(column: string, field: unknown, format: Format): Value | undefined {
  if (format === 'ndjson') return isValue(field) ? field : undefined;
  return typeof field === 'string' ? castCell(field, column) : undefined;
}

/** A record's fields typed, for rowCheck and RunOrder. */
export const typedFields = (rec: FileRecord, format: Format): Field => (c) => {
  const v = rec.get(c);
  const typed = v === undefined ? undefined : fieldValue(c, v, format);
  return typed === undefined ? v : typed;
};

/** The row check of a file with these columns; with a plan, within the runs' own horizon. */
export function recordCheck(columns: readonly string[], plan: SweepPlan | null): (field: Field) => string | null {
  const horizon = plan ? planHorizon(plan) : null;
  return rowCheck(columns, horizon === null ? fileHorizon(columns) : () => horizon);
}

/** The check of each plan's rows, made once (its horizon loads a point's scenario). */
const checks = new WeakMap<SweepPlan, (field: Field) => string | null>();

/** The row of run `run` with the record's metrics (and series), in plan.columns order. */
export function expectedValues(plan: SweepPlan, run: number, rec: FileRecord, format: Format): Value[] {
  const {point, replicate, seed} = runCoordinates(plan, run);
  const read = (c: string): Value => fieldValue(c, rec.get(c), format) ?? null;
  return [run, point, replicate, seed, ...plan.design.point(point), ...posteriorValues(plan, seed), ...plan.metrics.map(read), ...plan.series.map((c) => read(c.column))];
}

function fieldText(v: unknown, format: Format): string {
  if (v === undefined) return '(missing)';
  return format === 'ndjson' ? JSON.stringify(v) : v === null ? '' : String(v);
}

/**
 * The record's values if it is run `run` of the plan; otherwise an InputError naming the file,
 * the line and the first field that differs.
 */
export function verifyRecord(file: string, plan: SweepPlan, run: number, rec: FileRecord, format: Format): Value[] {
  const values = expectedValues(plan, run, rec, format);
  let check = checks.get(plan);
  if (!check) checks.set(plan, (check = recordCheck(plan.columns, plan)));
  const problem = check(typedFields(rec, format));
  if (problem !== null) throw new InputError(`${file} line ${rec.line} (run ${run}): ${problem}`, file);
  if (formatRows([values], plan.columns, format) === rec.raw) return values;
  const found = rec.get('run');
  if (fieldText(found, format) !== fieldText(run, format)) {
    throw new InputError(`${file}: line ${rec.line} holds run ${fieldText(found, format)} where run ${run} was expected (rows run in order, one per run id)`, file);
  }
  const column = plan.columns.find((c, i) => fieldText(rec.get(c), format) !== fieldText(values[i], format));
  const detail = column
    ? `${column} is ${fieldText(rec.get(column), format)}, this sweep's is ${fieldText(values[plan.columns.indexOf(column)], format)}`
    : 'not written as parley writes it';
  throw new InputError(`${file}: line ${rec.line} (run ${run}) is not this sweep's row: ${detail}`, file);
}
