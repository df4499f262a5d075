// `parley sweep <spec>`: every run of a sweep spec, on worker threads, one row a run to a CSV or
// NDJSON file (or stdout) in run order; progress on stderr; then a summary per point. The output
// is a prefix of the final result at every moment, so --resume continues a killed sweep exactly.
import {closeSync, existsSync, openSync, truncateSync} from 'node:fs';
import {availableParallelism} from 'node:os';
import {formatOfPath, FORMATS, headerText, rowObject, summaryPath, type Format, type Value} from '../sweep/output.js';
import type {SweepPlan} from '../sweep/plan.js';
import {bundledSweepNames, loadSweep} from '../sweep/plan.js';
import {createProgress, formatDuration} from '../text/sweep-progress.js';
import {findResumePoint} from '../sweep/resume.js';
import {defaultWorkers, runSweep, type SweepResult} from '../host/run-sweep.js';
import {parseShard, shardRange, type Shard} from '../sweep/shard.js';
import {SummaryAccumulator} from '../sweep/summary.js';
import {SummaryReport} from './summary-report.js';
import {parseCommand, positiveInt} from './args.js';
import {EXIT, UsageError} from './errors.js';
import {writeFully, type Io} from './io.js';
import type {Mode} from './mode.js';
import {OutputError, writeError} from './output-errors.js';
import {lockOutput} from './output-lock.js';
import {groupDigits} from '../fmt/group-digits.js';
import {shellQuote as quote} from '../fmt/shell-quote.js';
import {SWEEP_USAGE} from './usage/sweep.js';
import {refuseOutOverInput} from './out-file.js';
import {resolveScenarioPath} from '../scenario/load.js';
import {STOPS, whileInterruptible, type StopSignal} from './stop-signals.js';

export const runs = (n: number): string => `${groupDigits(n)} run${n === 1 ? '' : 's'}`;

/** --format, or the format --out's extension names; they must agree when both are given. */
export function chooseFormat(out: string | undefined, flag: string | undefined): Format {
  if (flag !== undefined && !(FORMATS as readonly string[]).includes(flag)) throw new UsageError(`--format must be ${FORMATS.join(' or ')}, got "${flag}"`);
  const byName = out === undefined ? null : formatOfPath(out);
  if (out !== undefined && byName === null && flag === undefined) throw new UsageError(`--out ${out}: name a .csv, .ndjson or .jsonl file (or give --format)`);
  if (flag !== undefined && byName !== null && flag !== byName) throw new UsageError(`--format ${flag} does not match --out ${out}`);
  return (flag as Format | undefined) ?? byName ?? 'csv';
}

export function parseShardOption(text: string | undefined): Shard | null {
  if (text === undefined) return null;
  const shard = parseShard(text);
  if (!shard) throw new UsageError(`--shard must be k/N with 1 ≤ k ≤ N (e.g. 2/8), got "${text}"`);
  return shard;
}

/** Refuses to replace an existing file unless told to. */
export function refuseOverwrite(file: string, force: boolean | undefined, hint: string): void {
  if (existsSync(file) && !force) throw new UsageError(`${file} already exists: ${hint}`);
}

export interface SweepArgs {
  ref: string;
  workers: number;
  shard: Shard | null;
  out: string | undefined;
  format: Format;
  resume: boolean;
  quiet: boolean;
  /** --format as given, to repeat it in the resume command. */
  formatFlag: string | undefined;
  /** --posterior: a posterior sample for a spec that names none (sweep only). */
  posterior?: string | undefined;
}

/** The command line, checked before anything is read or written. */
export function parseSweepArgs(args: string[]): SweepArgs {
  const {values, positionals} = parseCommand(SWEEP_USAGE, args);
  if (positionals.length === 0) throw new UsageError(`sweep needs a spec: a file, or a bundled sweep (${bundledSweepNames().join(', ')})`);
  if (positionals.length > 1) throw new UsageError(`sweep takes one spec, got ${positionals.length}: ${positionals.join(' ')}`);
  const out = values.out;
  if (out === '') throw new UsageError('--out needs a file name');
  const parsed: SweepArgs = {
    ref: positionals[0]!,
    workers: workerCount(values.workers),
    shard: parseShardOption(values.shard),
    out,
    format: chooseFormat(out, values.format),
    resume: values.resume === true,
    quiet: values.quiet === true,
    formatFlag: values.format,
    posterior: values.posterior,
  };
  if (parsed.posterior === '') throw new UsageError('--posterior needs a file name');
  if (parsed.resume && out === undefined) throw new UsageError('--resume needs --out: the file to continue');
  if (parsed.resume && values.force) throw new UsageError('--resume continues the file and --force replaces it: give one');
  if (out !== undefined && !parsed.resume) {
    const hint = 'add --resume to continue it, or --force to start over';
    refuseOverwrite(out, values.force, hint);
    if (!parsed.shard) refuseOverwrite(summaryPath(out), values.force, hint);
  }
  return parsed;
}

/**
 * Worker threads: one a core by default, at most MAX_WORKERS_PER_CORE a core. Each thread costs
 * tens of MB and a share of a core; a thousand of them exhaust the heap long before they help.
 */
export function workerCount(text: string | undefined): number {
  const workers = positiveInt('--workers', text) ?? defaultWorkers();
  const cores = availableParallelism();
  const most = MAX_WORKERS_PER_CORE * cores;
  if (workers > most) throw new UsageError(`--workers ${workers} is more than this machine can use: at most ${most} (${MAX_WORKERS_PER_CORE} × its ${cores} core${cores === 1 ? '' : 's'})`);
  return workers;
}
export const MAX_WORKERS_PER_CORE = 4;

/** The command that continues an interrupted sweep (or `command`, with `options` after its spec). */
export function resumeCommand(a: SweepArgs, command = 'sweep', options: readonly string[] = []): string {
  const format = a.formatFlag ? ['--format', a.formatFlag] : [];
  const shard = a.shard ? ['--shard', `${a.shard.k}/${a.shard.n}`] : [];
  const posterior = a.posterior === undefined ? [] : ['--posterior', quote(a.posterior)];
  return ['parley', command, quote(a.ref), ...options, ...posterior, '--out', quote(a.out!), ...format, ...shard, '--resume'].join(' ');
}

export async function sweepCommand(args: string[], io: Io, mode: Mode): Promise<number> {
  const a = parseSweepArgs(args);
  return withOutputLock(a, (stop, lost) => {
    const plan = loadSweep(a.ref, {posterior: a.posterior});
    const posterior = plan.posterior ? [{file: plan.posterior.file, what: 'the posterior of the sweep'}] : [];
    const job: SweepJob = {
      plan,
      command: 'sweep',
      inputs: [{file: plan.file, what: 'the sweep spec'}, {file: resolveScenarioPath(plan.scenario), what: 'the scenario of the sweep'}, ...posterior],
      resume: resumeCommand(a),
      // A shard's summary would describe part of each point: it is made after the merge.
      sink: a.shard ? null : summarySink(plan, a),
      rowsToStdout: true,
      shardNote: 'no summary for a shard (it would cover part of each point): merge the shards with parley merge, then parley summarize the merged file',
    };
    return runSweepJob(a, io, mode, stop, lost, job);
  });
}

/** One writer at a time: taken before the file is read, truncated or opened, held to the end. */
export async function withOutputLock(a: {out: string | undefined}, body: (stop: AbortController, lost: {why: string | null}) => Promise<number>): Promise<number> {
  const stop = new AbortController();
  const lost: {why: string | null} = {why: null};
  const lock = a.out === undefined ? null : lockOutput(a.out, (why) => ((lost.why = why), stop.abort()));
  try {
    return await body(stop, lost);
  } finally {
    lock?.release();
  }
}

/** What a sweep's rows feed besides the file: the per-point summary, or a sensitivity analysis. */
export interface RowSink {
  /** A row already in the file (--resume), in plan.columns order. */
  add(row: Value[]): void;
  /** Once the rows already in the file are in, before any new run; `from`: the first run to come. */
  open(from: number): void;
  /** Runs just written, packed (sweep/summary.ts SummaryLayout); `upTo`: the first run not yet written. */
  addPacked(packed: Float64Array, upTo: number): void;
  /** The sweep did not finish: leave nothing half made. */
  discard(): void;
  /** Every run is in. */
  finish(io: Io, note: (text: string) => void): void;
}

export interface SweepJob {
  plan: SweepPlan;
  /** The command's name, for its closing line. */
  command: string;
  /** Files --out may not name. */
  inputs: {file: string; what: string}[];
  /** The command that continues an interrupted run. */
  resume: string;
  /** Null for a shard. */
  sink: RowSink | null;
  /** Without --out, print the rows (a sweep) or keep none (a sensitivity analysis: its table is the output). */
  rowsToStdout: boolean;
  /** Said at the end of a shard. */
  shardNote: string;
}

function summarySink(plan: SweepPlan, a: SweepArgs): RowSink {
  const summary = new SummaryAccumulator(plan.columns, plan.params);
  const paramsOf = (point: number): Record<string, Value> => Object.fromEntries(plan.params.map((p, i) => [p, plan.design.value(point, i)]));
  let report: SummaryReport | null = null;
  return {
    add: (row) => summary.add(rowObject(row, plan.columns)),
    open(from) {
      // The summary file is written as points finish; a sweep that does not finish leaves none.
      report = new SummaryReport(plan, summary, a.format, a.out);
      report.finishedUpTo(from);
    },
    addPacked(packed, upTo) {
      summary.addPacked(packed, paramsOf);
      report?.finishedUpTo(upTo);
    },
    discard: () => report?.discard(),
    finish: (io, note) => report?.finish(io, note),
  };
}

export async function runSweepJob(a: SweepArgs, io: Io, mode: Mode, stop: AbortController, lost: {why: string | null}, job: SweepJob): Promise<number> {
  const {plan, sink} = job;
  refuseOutOverInput(a.out, job.inputs);
  const range = shardRange(plan.runs, a.shard);
  const total = range.end - range.start;
  const note = (text: string): void => void (a.quiet || io.stderr(`parley: ${text}\n`));
  if (plan.omitted) note(`no ${plan.omitted.metrics.join(' or ')} column: ${plan.omitted.why}`);
  const add = (row: Value[]): void => sink?.add(row);
  const resume = a.out === undefined ? '' : `resume with: ${job.resume}`;

  let from = range.start;
  let header = false;
  if (a.resume) {
    const at = await findResumePoint(a.out!, plan, a.format, range, add);
    if (at.missing) note(`${a.out} does not exist yet: starting the ${job.command}`);
    if (at.torn > 0) note(`dropping the incomplete last line of ${a.out} (${at.torn} bytes, cut off mid-write)`);
    if (at.next > range.start) note(`resuming ${a.out}: ${groupDigits(at.next - range.start)} of ${runs(total)} already done`);
    try {
      if (!at.missing) truncateSync(a.out!, at.keep);
    } catch (e) {
      throw writeError(a.out!, e);
    }
    ({next: from, header} = at);
  }
  let kept = from; // runs in the file, whole
  try {
    sink?.open(from);
    const fd = a.out === undefined ? null : openOutput(a.out, a.resume);
    const toFile = (data: string | Uint8Array): void => {
      try {
        writeFully(fd!, data);
      } catch (e) {
        throw writeError(a.out!, e);
      }
    };
    const nowhere = (): void => {};
    const write = fd !== null ? toFile : job.rowsToStdout ? io.stdout : nowhere;
    const decoder = new TextDecoder();
    const writeBytes = fd !== null ? toFile : job.rowsToStdout ? (bytes: Uint8Array): void => io.stdout(decoder.decode(bytes)) : nowhere;
    const progress = a.quiet ? null : createProgress({total, done: from - range.start, write: io.stderr, tty: mode.liveProgress, columns: io.stderrTerminal?.columns || 80});
    const caught: {signal: StopSignal | null} = {signal: null};
    let result: SweepResult;
    try {
      if (a.format === 'csv' && !header) write(headerText(plan.columns, a.format));
      progress?.update(from - range.start);
      const onChunk = (packed: Float64Array, written: number): void => {
        kept = from + written;
        sink?.addPacked(packed, from + written);
        progress?.update(from - range.start + written);
      };
      result = await whileInterruptible(
        (signal) => ((caught.signal = signal), stop.abort()),
        () => runSweep({plan, from, to: range.end, workers: a.workers, format: a.format, write: writeBytes, signal: stop.signal, onChunk}),
      );
    } finally {
      progress?.stop();
      if (fd !== null) closeSync(fd);
    }

    const done = result.next - range.start;
    if (lost.why !== null) {
      sink?.discard();
      io.stderr(`parley: stopped after ${groupDigits(done)} of ${runs(total)}: ${a.out}: ${lost.why}; check that no other parley writes it, then ${resume}\n`);
      return EXIT.failure;
    }
    if (result.interrupted) {
      // On a terminal ^C was echoed after the cursor: start a new line, unless the bar's line was cleared.
      const lead = io.stderrTerminal && !progress ? '\n' : '';
      const then = a.out === undefined ? (job.rowsToStdout ? 'the rows printed are complete (write to a file with --out to be able to resume)' : 'nothing was kept (write the runs to a file with --out to be able to resume)') : resume;
      const ended = STOPS[caught.signal ?? 'SIGINT'];
      io.stderr(`${lead}parley: ${ended.how} after ${groupDigits(done)} of ${runs(total)}; ${then}\n`);
      sink?.discard();
      return ended.code;
    }
    const ran = result.next - from;
    const pace = result.seconds > 0 && ran > 0 ? `, ${groupDigits(Math.round(ran / result.seconds))} runs/s on ${result.workers} worker${result.workers === 1 ? '' : 's'}` : '';
    const block = total === 0 ? 'no runs: more shards than runs' : total === 1 ? `run ${groupDigits(range.start)}` : `runs ${groupDigits(range.start)} to ${groupDigits(range.end - 1)}`;
    const what = a.shard ? `shard ${a.shard.k}/${a.shard.n} (${block})` : job.command;
    note(`${what}: ${runs(done)}${from > range.start ? ` (${groupDigits(ran)} now)` : ''} in ${formatDuration(result.seconds)}${pace}${a.out ? ` → ${a.out}` : ''}`);
    if (sink) sink.finish(io, note);
    else note(job.shardNote);
    return EXIT.ok;
  } catch (e) {
    sink?.discard();
    // A full disk (or the like) stops the sweep as Ctrl-C does: the rows written are kept.
    if (e instanceof OutputError && a.out !== undefined) {
      io.stderr(`parley: ${e.message}; stopped after ${groupDigits(kept - range.start)} of ${runs(total)}; ${resume}\n`);
      return EXIT.failure;
    }
    throw e;
  }
}

function openOutput(file: string, append: boolean): number {
  try {
    return openSync(file, append ? 'a' : 'w');
  } catch (e) {
    throw writeError(file, e);
  }
}
