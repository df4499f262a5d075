// Runs a sweep on a piscina pool of worker threads. Tasks are chunks of consecutive run ids;
// finished chunks wait in a small reorder buffer until the ones before them are written, so the
// output is always a prefix of the final result, in run order, whatever the worker count. The
// chunks handed out but not yet written are bounded, so memory stays flat however long the sweep.
import {availableParallelism} from 'node:os';
import {Piscina} from 'piscina';
import {planSource, type SweepPlan} from '../sweep/plan.js';
import type {Format} from '../sweep/output.js';
import type {ChunkResult, ChunkTask} from './sweep-thread.js';
import {errorFromData} from './thread-protocol.js';

export interface SweepOptions {
  /** From loadSweep (which checks the spec); the workers rebuild it from its source (planSource). */
  plan: SweepPlan;
  /** Runs [from, to) of the plan (default: all): a shard's block, or what is left of it on resume. */
  from?: number;
  to?: number;
  /** Worker threads (default: os.availableParallelism()); never more than there are chunks. */
  workers?: number;
  format?: Format;
  /** Receives the rows as UTF-8 text, chunk by chunk, in run order (no header). */
  write: (bytes: Uint8Array) => void;
  /** After each chunk is written: its runs packed for the summary (SummaryLayout of plan.columns) and the runs written so far. */
  onChunk?: (packed: Float64Array, written: number) => void;
  /** Aborting stops handing out chunks and drops those in flight; runSweep resolves with interrupted. */
  signal?: AbortSignal;
  /** Runs per chunk; by default sized from the measured time per run (see chunkSize). */
  chunkSize?: number;
  /** The thread's module (default: sweep-thread.js beside this one). The bench's probes, which import dist/, pass the bundle's, so that workers run what `parley` runs. */
  thread?: URL;
}

export interface SweepResult {
  from: number;
  /** The first run not written: `to` when the sweep finished, less when it was interrupted. */
  next: number;
  to: number;
  interrupted: boolean;
  workers: number;
  seconds: number;
}

export const defaultWorkers = (): number => availableParallelism();

const THREAD = new URL('./sweep-thread.js', import.meta.url).href;

/** Chunks handed out but not yet written, per worker: enough to keep every worker busy. */
const AHEAD_PER_WORKER = 3;
/** The first chunk, before any pace is known: small, so a sweep of slow runs (stall risk on: a fifth of a second each) shows progress soon. */
const FIRST_CHUNK = 4;
const MAX_CHUNK = 500;
/**
 * The young generation of each worker's heap, in MB. A run makes short-lived garbage only (the
 * live heap stays near 10 MB), and V8's default nursery let each worker's memory grow to about
 * 100 MB. Measured on a 2-core machine (the bench's 100,000-run sweep on 2 workers), 8, 16 and
 * 32 MB ran at the same pace within the machine's noise, and peaked at 140, 155 and 187 MB.
 */
const YOUNG_MB = 8;
/**
 * The long-lived heap of each worker, in MB. Left to itself V8 lets it grow to several times
 * what a worker keeps (its modules, the plan's points, one cached scenario), and two workers
 * took a 100,000-run sweep past 260 MB of memory; capped, the heap is collected sooner instead.
 * The cap grows with the design's lists of values, which every worker builds and holds (twice
 * their size: a list grows by copying while it is built), and with the posterior, if any. The
 * design's columns are typed arrays, outside the heap.
 */
export function oldGenerationMb(plan: SweepPlan): number {
  return BASE_OLD_MB + Math.ceil((2 * plan.design.listBytes + posteriorBytes(plan)) / 2 ** 20);
}

/**
 * What a worker's copy of the plan's posterior takes, generously: its values, weights and lines
 * as arrays of numbers (8 bytes each, and a header an array), twice over while the copy is made.
 */
function posteriorBytes(plan: SweepPlan): number {
  const p = plan.posterior;
  return p ? 2 * p.weights.length * (8 * (p.paths.length + 2) + 32) : 0;
}
const BASE_OLD_MB = 48;
/** A chunk's target duration: scheduling costs about 0.1 ms a task, and progress moves ~4 times a second. */
const TARGET_MS = 250;
/** The least work worth a task of its own, against that 0.1 ms: the fair share at the end never cuts chunks below it. */
const MIN_MS = 5;

/**
 * Runs in the next chunk: about TARGET_MS of work at the measured pace, but near the end no
 * more than a fair share of what is left, so the workers finish together, and never less than
 * MIN_MS of work. The floor is in time, not runs: with stall risk on a run takes a fifth of a
 * second, and a floor of 20 runs left one worker with four seconds of work while the other
 * idled at the end. Chunk boundaries never change a row, only how the work is cut.
 */
export function chunkSize(msPerRun: number | null, remaining: number, workers: number): number {
  if (msPerRun === null) return Math.min(remaining, FIRST_CHUNK);
  const ms = Math.max(msPerRun, 1e-3);
  const target = Math.round(TARGET_MS / ms);
  const least = Math.max(1, Math.round(MIN_MS / ms));
  const fair = Math.ceil(remaining / (2 * workers));
  return Math.min(remaining, Math.max(least, Math.min(MAX_CHUNK, target, fair)));
}

export async function runSweep(options: SweepOptions): Promise<SweepResult> {
  const {plan, write, onChunk, signal} = options;
  const from = options.from ?? 0;
  const to = options.to ?? plan.runs;
  const format = options.format ?? 'csv';
  const started = performance.now();
  const workers = Math.max(1, Math.min(options.workers ?? defaultWorkers(), Math.ceil((to - from) / (options.chunkSize ?? 1))));
  const result = (next: number, interrupted: boolean): SweepResult => ({from, next, to, interrupted, workers, seconds: (performance.now() - started) / 1000});
  if (from >= to) return result(from, false);
  if (signal?.aborted) return result(from, true);

  const resourceLimits = {maxYoungGenerationSizeMb: YOUNG_MB, maxOldGenerationSizeMb: oldGenerationMb(plan)};
  // Workers get the plan's source, not its file: they read nothing the main thread did not check.
  const pool = new Piscina<ChunkTask, ChunkResult>({filename: options.thread?.href ?? THREAD, minThreads: workers, maxThreads: workers, resourceLimits, workerData: planSource(plan)});
  // Piscina reports trouble outside any task as an 'error' event, which would crash the process
  // if nobody listened. The common case: once the sweep has stopped at an invalid point, the pool
  // is destroyed with chunks in flight, and a worker that finishes one after its task was dropped
  // makes piscina emit "Unexpected message from Worker". Before settlement an event fails the sweep;
  // after it, it is about work already dropped, and is ignored.
  let poolError: (e: unknown) => void = () => {};
  pool.on('error', (e: unknown) => poolError(e));
  try {
    return await new Promise<SweepResult>((resolveSweep, rejectSweep) => {
      let handedOut = from; // next run id to hand out
      let seq = 0; // sequence number of the next chunk handed out
      let writtenSeq = 0; // chunks written (the sequence number the buffer waits for)
      let written = from; // next run id to write
      let msPerRun: number | null = null;
      let settled = false;
      const ready = new Map<number, {to: number; result: ChunkResult}>();

      // Once settled, chunks still running are dropped: destroying the pool (below) rejects them.
      const settle = (f: () => void): void => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        f();
      };
      const onAbort = (): void => settle(() => resolveSweep(result(written, true)));
      const fail = (e: unknown): void => settle(() => rejectSweep(e));
      poolError = fail;

      const pump = (): void => {
        while (!settled && handedOut < to && seq - writtenSeq < workers * AHEAD_PER_WORKER) {
          const size = options.chunkSize ? Math.min(options.chunkSize, to - handedOut) : chunkSize(msPerRun, to - handedOut, workers);
          const task: ChunkTask = {from: handedOut, to: handedOut + size, format};
          const i = seq++;
          handedOut = task.to;
          pool.run(task).then(
            (r) => finished(i, task, r),
            (e: unknown) => fail(e),
          );
        }
      };

      const finished = (i: number, task: ChunkTask, r: ChunkResult): void => {
        if (settled) return;
        if (r.type === 'rows') {
          const pace = r.ms / (task.to - task.from);
          msPerRun = msPerRun === null ? pace : 0.7 * msPerRun + 0.3 * pace;
        }
        // A failed chunk (an invalid point) waits its turn like rows do: the sweep stops at the
        // first one in run order, whichever chunk failed first, with every chunk before it written.
        ready.set(i, {to: task.to, result: r});
        try {
          for (let c = ready.get(writtenSeq); c; c = ready.get(writtenSeq)) {
            if (c.result.type === 'error') return fail(errorFromData(c.result.error));
            ready.delete(writtenSeq++);
            write(c.result.bytes);
            written = c.to;
            onChunk?.(c.result.packed, written - from);
          }
        } catch (e) {
          return fail(e);
        }
        if (written === to) settle(() => resolveSweep(result(to, false)));
        else pump();
      };

      signal?.addEventListener('abort', onAbort, {once: true});
      pump();
    });
  } finally {
    await pool.destroy();
  }
}
