// Sweep throughput and memory for `npm run bench`: runs per second of the same sweep on 1 and on
// 2 worker threads (goal: 2 workers at least 1.8 times faster), and the peak memory of a
// 100,000-run sweep streamed to disk (goal: flat, under 200 MB). Each sweep runs in a process of
// its own (sweep-probe.ts), so one measurement's memory never counts in another's.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {median} from './stats.js';

interface Probe {
  runs: number;
  seconds: number;
  runsPerSecond: number;
  peakRssMb: number;
}

/** afghanistan-2020 without stall risk: `points` x `replicates` runs over the government's batch size. */
function spec(points: number, replicates: number): string {
  return [
    'name: bench',
    'scenario: afghanistan-2020',
    'set: [stall.rollouts=0]',
    'vary:',
    `  agents.government.params.batchSize: {min: 50, max: ${50 + points - 1}, step: 1}`,
    'design: grid',
    `replicates: ${replicates}`,
    'seed: bench',
    '',
  ].join('\n');
}

export interface SweepBench {
  runs: number;
  runsPerSecond1: number;
  runsPerSecond2: number;
  speedup: number;
  memoryRuns: number;
  peakRssMb: number;
  memorySeconds: number;
}

export function sweepBench(trials: number): SweepBench {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  const probe = (file: string, workers: number): Probe =>
    JSON.parse(execFileSync(process.execPath, [new URL('./sweep-probe.js', import.meta.url).pathname, file, String(workers), join(dir, 'rows.csv')], {encoding: 'utf8'})) as Probe;
  try {
    const speedSpec = join(dir, 'speed.yaml');
    writeFileSync(speedSpec, spec(40, 500)); // 20,000 runs
    const one: number[] = [];
    const two: number[] = [];
    let runs = 0;
    for (let t = 0; t < trials; t++) {
      // Alternate, so a slow spell of the machine does not fall on one side only.
      const a = probe(speedSpec, 1);
      const b = probe(speedSpec, 2);
      runs = a.runs;
      one.push(a.runsPerSecond);
      two.push(b.runsPerSecond);
    }
    const memorySpec = join(dir, 'memory.yaml');
    writeFileSync(memorySpec, spec(100, 1000)); // 100,000 runs
    const mem = probe(memorySpec, 2);
    const r1 = median(one);
    const r2 = median(two);
    return {runs, runsPerSecond1: Math.round(r1), runsPerSecond2: Math.round(r2), speedup: Number((r2 / r1).toFixed(2)), memoryRuns: mem.runs, peakRssMb: Math.round(mem.peakRssMb), memorySeconds: Number(mem.seconds.toFixed(1))};
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}
