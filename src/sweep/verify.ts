// Checks a row read back from a file against the plan: it must be exactly the row parley writes
// for that run id, byte for byte, given the metrics it holds. Its run, point, replicate, seed and
// parameter values come from the plan, so a file from another spec, seed or shard never passes.
import {InputError} from '../scenario/errors.js';
import {runCoordinates, type SweepPlan} from './plan.js';
import {formatRows, type Format, type Value} from './output.js';
import type {FileRecord} from './read-rows.js';

const isValue = (v: unknown): v is Value => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** A metric's value from its field: CSV text typed back (status is text; the rest numbers or empty). */
function metricValue(metric: string, field: unknown, format: Format): Value | undefined {
  if (format === 'ndjson') return isValue(field) ? field : undefined;
  if (typeof field !== 'string') return undefined;
  if (metric === 'status') return field;
  if (field === '') return null;
  const n = Number(field);
  return Number.isFinite(n) ? n : field;
}

/** The row of run `run` with the record's metrics, in plan.columns order. */
export function expectedValues(plan: SweepPlan, run: number, rec: FileRecord, format: Format): Value[] {
  const {point, replicate, seed} = runCoordinates(plan, run);
  return [run, point, replicate, seed, ...plan.design.point(point), ...plan.metrics.map((m) => metricValue(m, rec.get(m), format) ?? null)];
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
