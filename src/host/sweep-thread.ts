// A sweep's thread (a piscina worker; run-sweep.ts is the main side): runs one chunk of consecutive run ids and returns the rows as
// UTF-8 text ready to write (formatting in parallel keeps the main thread free) and packed as
// numbers for the summary. Both move to the main thread without a copy, and it builds no string
// or row object from them: its heap stays small however long the sweep. Everything a row holds
// derives from the plan's source (the spec and base scenario as the main thread read them) and
// the run id. An error comes back as a thread-protocol Failure, in run order like the rows.
import {move, transferableSymbol, valueSymbol, workerData} from 'piscina';
import {planFromSource, sweepValues, type PlanSource, type SweepPlan} from '../sweep/plan.js';
import {RowFormatter, type Format, type Value} from '../sweep/output.js';
import {SummaryLayout} from '../sweep/summary.js';
import {sensitivityPlanFromSource} from '../sensitivity/plan.js';
import {calibrationPlanFromSource} from '../calibration/plan.js';
import {failure, type Failure} from './thread-protocol.js';

export interface ChunkTask {
  /** Runs [from, to). */
  from: number;
  to: number;
  format: Format;
}

/** The chunk's rows, or what stopped it: most often an invalid point (specs with many points are only spot-checked up front). */
export type ChunkResult = {type: 'rows'; bytes: Uint8Array; packed: Float64Array; ms: number} | Failure;

interface Runner {
  plan: SweepPlan;
  run: (run: number) => Value[];
  layout: SummaryLayout;
}

// The pool's workerData is the plan's source (planSource): the main thread validated it.
function buildRunner(): Runner {
  const source = workerData as PlanSource;
  const plan = source?.kind === 'sensitivity' ? sensitivityPlanFromSource(source) : source?.kind === 'calibration' ? calibrationPlanFromSource(source) : planFromSource(source);
  return {plan, run: sweepValues(plan), layout: new SummaryLayout(plan.columns)};
}

/**
 * Built as the thread starts: piscina loads this module before it reports the thread ready, so
 * the plan is rebuilt before the first chunk, not inside it. Inside it, a worker that started
 * late held the oldest chunk for a fifth of a second, and the other, allowed only a few chunks
 * ahead of the oldest unwritten one (run-sweep.ts), waited. A failure is kept for the first
 * chunk to report, as any chunk reports one.
 */
const built: {runner: Runner} | {error: unknown} = (() => {
  try {
    return {runner: buildRunner()};
  } catch (error) {
    return {error};
  }
})();

function theRunner(): Runner {
  if ('error' in built) throw built.error;
  return built.runner;
}

/**
 * Detaches one empty buffer before any code runs hot. Until a thread first detaches an
 * ArrayBuffer, V8 compiles typed-array access without detach checks; the first detach (the
 * transfer of a chunk's result, below) then throws away every optimised function that reads a
 * typed array, which is most of the engine, and the worker compiles it all again while both
 * workers compete for the cores. Paying that now means it is compiled once.
 */
function detachOnce(): void {
  const buffer = new ArrayBuffer(0);
  structuredClone(buffer, {transfer: [buffer]});
}
detachOnce();

const encoder = new TextEncoder();

/** UTF-8 text appended to a buffer outside the heap, which grows by doubling. */
class ByteSink {
  private buffer: Uint8Array;
  private length = 0;

  constructor(capacity: number) {
    this.buffer = new Uint8Array(Math.max(64, capacity));
  }

  write(text: string): void {
    // A UTF-16 unit takes at most 3 bytes of UTF-8.
    while (this.buffer.length - this.length < 3 * text.length) {
      const grown = new Uint8Array(2 * this.buffer.length);
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.length += encoder.encodeInto(text, this.buffer.subarray(this.length)).written;
  }

  /** The text written, in a buffer of its own size (so only it moves to the main thread). */
  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/** A result whose buffers piscina transfers instead of copying (its Transferable protocol, marked by move). */
const moved = (r: ChunkResult & {type: 'rows'}) =>
  move({[transferableSymbol]: [r.bytes.buffer, r.packed.buffer], [valueSymbol]: r});

export default function runChunk(task: ChunkTask): ChunkResult | ReturnType<typeof moved> {
  const started = performance.now();
  try {
    const {plan, run, layout} = theRunner();
    const formatter = new RowFormatter(plan.columns, task.format);
    const packed = new Float64Array((task.to - task.from) * layout.width);
    // Each row is formatted, encoded and packed as soon as it is run, not kept until the chunk
    // ends: rows of boxed numbers, or their text, held through the worker's frequent scavenges
    // were copied by each one.
    const bytes = new ByteSink((task.to - task.from) * 256);
    for (let id = task.from; id < task.to; id++) {
      const values = run(id);
      bytes.write(formatter.line(values));
      layout.packInto(values, packed, id - task.from);
    }
    return moved({type: 'rows', bytes: bytes.bytes(), packed, ms: performance.now() - started});
  } catch (e) {
    return failure(e);
  }
}
