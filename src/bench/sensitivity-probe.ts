// One sensitivity design run as a sweep in a process of its own, for `npm run bench`: loads a
// sensitivity spec with a method, runs its sweep with N workers, streams the rows to a file and
// feeds the output table as `parley sensitivity` does, and prints its pace (whole sweep and
// second half) and the process's peak resident memory, in sweep-probe.ts's format. The
// analysis is not timed here (sensitivity-bench.ts times it on its own).
import {closeSync, openSync, writeSync} from 'node:fs';
import {loadSensitivity} from '../sensitivity/plan.js';
import {OutputTable} from '../sensitivity/outputs.js';
import {runSweep} from '../host/run-sweep.js';
import {processIo} from '../cli/io.js';
import {InputError} from '../scenario/errors.js';
import {loaded, probeArgs} from './probe-args.js';

const SCRIPT = 'sensitivity-probe.js';

// A probe that cannot start leaves exit code 2 set by probe-args.ts and returns; only
// src/cli/bin.ts ends a process.
async function main(): Promise<void> {
  const args = probeArgs(SCRIPT, ['spec', 'morris|sobol', 'workers', 'out'], 4);
  if (args === null) return;
  const [spec, method, workers, out] = args;
  const plan = loaded(SCRIPT, () => {
    if (method !== 'morris' && method !== 'sobol') throw new InputError(`method ${JSON.stringify(method)} is not morris or sobol`);
    return loadSensitivity(spec!, {method, check: false});
  });
  if (plan === null) return;
  const table = new OutputTable(plan);
  const fd = openSync(out!, 'w');
  const started = performance.now();
  let half = null as {at: number; written: number} | null;
  const r = await runSweep({
    plan: plan.sweep,
    workers: Number(workers),
    // The workers run the bundle's thread, as under `parley`.
    thread: new URL('../bundle/sweep-thread.js', import.meta.url),
    write: (bytes) => void writeSync(fd, bytes),
    onChunk: (packed, written) => {
      table.addPacked(packed);
      half ??= written >= plan.sweep.runs / 2 ? {at: performance.now(), written} : null;
    },
  });
  const ended = performance.now();
  closeSync(fd);
  if (table.incomplete !== 0) throw new Error(`${table.incomplete} points of ${spec} did not get all their runs`);
  const runs = r.next - r.from;
  const secondHalf = half === null ? null : (runs - half.written) / ((ended - half.at) / 1000);
  processIo.stdout(`${JSON.stringify({runs, seconds: (ended - started) / 1000, runsPerSecond: runs / ((ended - started) / 1000), secondHalf, peakRssMb: process.resourceUsage().maxRSS / 1024})}\n`);
}

await main();
