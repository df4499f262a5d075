// The piscina worker of a sweep: runs one chunk of consecutive run ids and returns the rows as
// UTF-8 text ready to write (formatting in parallel keeps the main thread free) and packed as
// numbers for the summary. Both move to the main thread without a copy, and it builds no string
// or row object from them: its heap stays small however long the sweep. Everything a row holds
// derives from the spec file and the run id.
import {move, transferableSymbol, valueSymbol} from 'piscina';
import {InputError} from '../scenario/errors.js';
import {loadSweep, sweepRunner, type Row, type SweepPlan} from './plan.js';
import {formatRows, rowValues, type Format} from './output.js';
import {SummaryLayout} from './summary.js';

export interface ChunkTask {
  /** The spec file, as an absolute path. */
  file: string;
  /** Runs [from, to). */
  from: number;
  to: number;
  format: Format;
}

export type ChunkResult =
  | {ok: true; bytes: Uint8Array; packed: Float64Array; ms: number}
  // An invalid point (specs with many points are only spot-checked up front): an InputError
  // would lose its class crossing the thread boundary, so it travels as data.
  | {ok: false; message: string};

interface Cached {
  plan: SweepPlan;
  run: (run: number) => Row;
  layout: SummaryLayout;
}

// One entry per spec file; the main thread validated the spec, so no need to check it again.
const cache = new Map<string, Cached>();

function runnerFor(file: string): Cached {
  let c = cache.get(file);
  if (!c) {
    const plan = loadSweep(file, {check: false});
    c = {plan, run: sweepRunner(plan), layout: new SummaryLayout(plan.columns)};
    cache.set(file, c);
  }
  return c;
}

const encoder = new TextEncoder();

/** A result whose buffers piscina transfers instead of copying (its Transferable protocol, marked by move). */
const moved = (r: ChunkResult & {ok: true}) =>
  move({[transferableSymbol]: [r.bytes.buffer, r.packed.buffer], [valueSymbol]: r});

export default function runChunk(task: ChunkTask): ChunkResult | ReturnType<typeof moved> {
  const started = performance.now();
  try {
    const {plan, run, layout} = runnerFor(task.file);
    const rows: Row[] = [];
    for (let id = task.from; id < task.to; id++) rows.push(run(id));
    const bytes = encoder.encode(formatRows(rows.map((r) => rowValues(r, plan.columns)), plan.columns, task.format));
    return moved({ok: true, bytes, packed: layout.pack(rows), ms: performance.now() - started});
  } catch (e) {
    if (e instanceof InputError) return {ok: false, message: e.message};
    throw e;
  }
}
