// The piscina worker of a sweep: runs one chunk of consecutive run ids and returns the rows,
// both as formatted text (formatting in parallel keeps the main thread free) and as values (for
// the summary). Everything a row holds derives from the spec file and the run id.
import {InputError} from '../scenario/errors.js';
import {loadSweep, sweepRunner, type Row, type SweepPlan} from './plan.js';
import {formatRows, rowValues, type Format, type Value} from './output.js';

export interface ChunkTask {
  /** The spec file, as an absolute path. */
  file: string;
  /** Runs [from, to). */
  from: number;
  to: number;
  format: Format;
}

export type ChunkResult =
  | {ok: true; text: string; values: Value[][]; ms: number}
  // An invalid point (specs with many points are only spot-checked up front): an InputError
  // would lose its class crossing the thread boundary, so it travels as data.
  | {ok: false; message: string};

interface Cached {
  plan: SweepPlan;
  run: (run: number) => Row;
}

// One entry per spec file; the main thread validated the spec, so no need to check it again.
const cache = new Map<string, Cached>();

function runnerFor(file: string): Cached {
  let c = cache.get(file);
  if (!c) {
    const plan = loadSweep(file, {check: false});
    c = {plan, run: sweepRunner(plan)};
    cache.set(file, c);
  }
  return c;
}

export default function runChunk(task: ChunkTask): ChunkResult {
  const started = performance.now();
  try {
    const {plan, run} = runnerFor(task.file);
    const values: Value[][] = [];
    for (let id = task.from; id < task.to; id++) values.push(rowValues(run(id), plan.columns));
    return {ok: true, text: formatRows(values, plan.columns, task.format), values, ms: performance.now() - started};
  } catch (e) {
    if (e instanceof InputError) return {ok: false, message: e.message};
    throw e;
  }
}
