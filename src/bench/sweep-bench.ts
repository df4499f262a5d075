// Sweep throughput and memory for `npm run bench`, each sweep in a process of its own
// (sweep-probe.ts) so that one measurement's memory never counts in another's:
//   - a 100,000-run sweep (100 points x 1,000 replicates) on 1 and on 2 worker threads: runs per
//     second over the whole sweep and over its second half (goal: 2 workers at least 1.8 times
//     faster), and its peak memory streamed to disk on 2 workers (goal: under 200 MB);
//   - a 20,000-run sweep on 1 and 2 workers: short sweeps pay each worker's start-up and JIT
//     compilation, which compete for the cores, so they gain less;
//   - a 100,000-point Latin hypercube, one run a point: memory when every run is a new point;
//   - a 10,000-run sweep with stall risk on (the scenario's own settings: daily estimates to the
//     default precision, at most 200 rollouts), on 1 and on 2 workers: its runs are about a
//     thousand times slower, so the bench runs its first shard of 25 (400 runs) and gives the
//     pace and what the whole sweep takes at it.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {median} from '../stats/median.js';

export interface Probe {
  runs: number;
  seconds: number;
  runsPerSecond: number;
  secondHalf: number | null;
  peakRssMb: number;
}

const HEAD = ['scenario: afghanistan-2020', 'set: [stall.rollouts=0]', 'vary:'];

/** `points` x `replicates` runs over the government's batch size, without stall risk (or with it, as the scenario sets it). */
const gridSpec = (points: number, replicates: number, stallRisk = false): string =>
  [`name: bench-grid`, ...(stallRisk ? HEAD.filter((l) => !l.startsWith('set:')) : HEAD), `  agents.government.params.batchSize: {min: 50, max: ${50 + points - 1}, step: 1}`, 'design: grid', `replicates: ${replicates}`, 'seed: bench', ''].join('\n');

/** The stall-risk sweep: its size, and the shard of it the bench runs. */
export const RISK_SWEEP = {points: 100, replicates: 100, shard: '1/25'} as const;

const hypercubeSpec = (points: number): string =>
  [
    `name: bench-hypercube`,
    ...HEAD,
    '  agents.government.params.batchSize: {min: 50, max: 200, step: 1}',
    '  agents.taliban.params.batchCap: {min: 10, max: 80, step: 1}',
    'design: latin-hypercube',
    `points: ${points}`,
    'replicates: 1',
    'seed: bench',
    '',
  ].join('\n');

export interface Pace {
  runs: number;
  /** Whole sweep, start-up included (medians). */
  runsPerSecond1: number;
  runsPerSecond2: number;
  /** Median over trials of 2 workers' pace over 1 worker's in the same trial. */
  speedup: number;
  speedupRange: [number, number];
  /** Second half of the sweep only. */
  steady1: number;
  steady2: number;
  steadySpeedup: number;
}

export interface SweepBench {
  long: Pace & {peakRssMb: number; peakRssMaxMb: number; seconds2: number};
  short: Pace;
  hypercube: {runs: number; peakRssMb: number; runsPerSecond: number};
  /** The stall-risk sweep's shard (one trial): its pace, and the whole sweep's minutes at it. */
  stallRisk: Pace & {sweepRuns: number; shard: string; minutes1: number; minutes2: number};
}

/**
 * The pace of one sweep on 1 and on 2 workers over trials (`one[t]` and `two[t]` run back to
 * back). Speedups are medians of each trial's pair, so a slow spell of the machine counts
 * against both sides of a ratio, not one.
 */
export function pace(one: readonly Probe[], two: readonly Probe[], rate: (x: number) => number = Math.round): Pace {
  const steady = (p: Probe): number => p.secondHalf ?? p.runsPerSecond;
  const ratios = (f: (p: Probe) => number): number[] => one.map((p, i) => f(two[i]!) / f(p));
  const paired = (f: (p: Probe) => number): number => median(ratios(f));
  const whole = ratios((p) => p.runsPerSecond);
  return {
    runs: one[0]!.runs,
    runsPerSecond1: rate(median(one.map((p) => p.runsPerSecond))),
    runsPerSecond2: rate(median(two.map((p) => p.runsPerSecond))),
    speedup: round2(median(whole)),
    speedupRange: [round2(Math.min(...whole)), round2(Math.max(...whole))],
    steady1: rate(median(one.map(steady))),
    steady2: rate(median(two.map(steady))),
    steadySpeedup: round2(paired(steady)),
  };
}

export function sweepBench(trials: number): SweepBench {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  const probe = (file: string, workers: number, shard?: string): Probe =>
    JSON.parse(execFileSync(process.execPath, [new URL('./sweep-probe.js', import.meta.url).pathname, file, String(workers), join(dir, 'rows.csv'), ...(shard ? [shard] : [])], {encoding: 'utf8'})) as Probe;
  const spec = (name: string, text: string): string => {
    const file = join(dir, `${name}.yaml`);
    writeFileSync(file, text);
    return file;
  };
  try {
    const long = spec('long', gridSpec(100, 1000));
    const short = spec('short', gridSpec(40, 500));
    const seen = {long1: [] as Probe[], long2: [] as Probe[], short1: [] as Probe[], short2: [] as Probe[]};
    for (let t = 0; t < trials; t++) {
      // Alternate, so a slow spell of the machine does not fall on one side only.
      seen.long1.push(probe(long, 1));
      seen.long2.push(probe(long, 2));
      seen.short1.push(probe(short, 1));
      seen.short2.push(probe(short, 2));
    }
    const rss = seen.long2.map((p) => p.peakRssMb);
    const cube = probe(spec('hypercube', hypercubeSpec(100_000)), 2);
    const risky = spec('risk', gridSpec(RISK_SWEEP.points, RISK_SWEEP.replicates, true));
    const risk1 = probe(risky, 1, RISK_SWEEP.shard);
    const risk2 = probe(risky, 2, RISK_SWEEP.shard);
    const sweepRuns = RISK_SWEEP.points * RISK_SWEEP.replicates;
    const minutes = (p: Probe): number => round1(sweepRuns / p.runsPerSecond / 60);
    return {
      long: {...pace(seen.long1, seen.long2), peakRssMb: Math.round(median(rss)), peakRssMaxMb: Math.round(Math.max(...rss)), seconds2: round1(median(seen.long2.map((p) => p.seconds)))},
      short: pace(seen.short1, seen.short2),
      hypercube: {runs: cube.runs, peakRssMb: Math.round(cube.peakRssMb), runsPerSecond: Math.round(cube.runsPerSecond)},
      stallRisk: {...pace([risk1], [risk2], round2), sweepRuns, shard: RISK_SWEEP.shard, minutes1: minutes(risk1), minutes2: minutes(risk2)},
    };
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

export const round1 = (x: number): number => Math.round(x * 10) / 10;
export const round2 = (x: number): number => Math.round(x * 100) / 100;
