// One sweep in a process of its own, for `npm run bench`: runs a spec with N workers, streams the
// rows to a file as the CLI does, and prints its pace over the whole sweep and over its second
// half (once every worker has started and compiled its code), and the process's peak resident
// memory (worker threads live in the same process, so they are counted). An optional fifth
// argument k/N runs only shard k of N (the sweep's runs cut as `--shard` cuts them), for sweeps
// too long to run whole in a bench.
import {closeSync, openSync, writeSync} from 'node:fs';
import {loadSweep} from '../sweep/plan.js';
import {runSweep} from '../host/run-sweep.js';
import {processIo} from '../cli/io.js';
import {parseShard, shardRange} from '../sweep/shard.js';
import {InputError} from '../scenario/errors.js';
import {loaded, probeArgs} from './probe-args.js';

const SCRIPT = 'sweep-probe.js';

// A probe that cannot start leaves exit code 2 set by probe-args.ts and returns; only
// src/cli/bin.ts ends a process.
async function main(): Promise<void> {
  const args = probeArgs(SCRIPT, ['spec', 'workers', 'out', 'k/N'], 3);
  if (args === null) return;
  const [spec, workers, out, shard] = args;
  const loadedPlan = loaded(SCRIPT, () => {
    const plan = loadSweep(spec!, {check: false});
    const k = shard === undefined ? null : parseShard(shard);
    if (shard !== undefined && k === null) throw new InputError(`shard ${JSON.stringify(shard)} is not k/N with 1 <= k <= N`);
    return {plan, block: shardRange(plan.runs, k)};
  });
  if (loadedPlan === null) return;
  const {plan, block} = loadedPlan;
  const range = {from: block.start, to: block.end};
  const fd = openSync(out!, 'w');
  const started = performance.now();
  let half = null as {at: number; written: number} | null;
  const r = await runSweep({
    plan,
    ...range,
    workers: Number(workers),
    // The workers run the bundle's thread, as under `parley`.
    thread: new URL('../bundle/sweep-thread.js', import.meta.url),
    write: (bytes) => void writeSync(fd, bytes),
    onChunk: (_packed, written) => void (half ??= written >= (range.to - range.from) / 2 ? {at: performance.now(), written} : null),
  });
  const ended = performance.now();
  closeSync(fd);
  const runs = r.next - r.from;
  const secondHalf = half === null ? null : (runs - half.written) / ((ended - half.at) / 1000);
  // maxRSS: the kernel's high-water mark of resident memory, in kilobytes.
  processIo.stdout(`${JSON.stringify({runs, seconds: (ended - started) / 1000, runsPerSecond: runs / ((ended - started) / 1000), secondHalf, peakRssMb: process.resourceUsage().maxRSS / 1024})}\n`);
}

await main();
