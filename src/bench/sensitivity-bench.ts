// Sensitivity analysis for `npm run bench` (issue 16): the bundled spec's designs, which run as
// sweeps, and their analysis.
//   - runs per second of a Morris and of a Sobol design over the bundled spec's 39 parameters,
//     each about 50,000 runs, on 1 and on 2 workers, each in a process of its own
//     (sensitivity-probe.ts; goal: 2 workers at least 1.8 times faster, as for sweeps);
//   - the analysis of about 100,000 runs (Morris r = 610 and Sobol N = 595, 4 replicates):
//     an OutputTable filled with synthetic packed runs (deterministic, from createRng), and
//     analyse() over it, bootstrap intervals and convergence included (median of 2);
//   - the wall time of `parley sensitivity afghanistan-2020-all --quiet` (Morris) and of
//     `--method sobol` as whole processes on the default workers, and of
//     `--analyse` reading the Sobol run's 86,016-row results file back.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {execFileSync} from 'node:child_process';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parse, stringify} from 'yaml';
import {analyse} from '../sensitivity/analyse.js';
import {OutputTable} from '../sensitivity/outputs.js';
import {loadSensitivity, SENSITIVITY_DIR} from '../sensitivity/plan.js';
import type {Method} from '../sensitivity/spec.js';
import {STATUSES} from '../sweep/row-check.js';
import {SummaryLayout} from '../sweep/summary.js';
import {createRng} from '../sim/rng.js';
import {median} from '../stats/median.js';
import {pace, round1, round2, type Pace, type Probe} from './sweep-bench.js';
import {timeProcess} from './startup-bench.js';

const BUNDLED = 'afghanistan-2020-all';
const BIN = fileURLToPath(new URL('../bundle/bin.js', import.meta.url));
const PROBE = fileURLToPath(new URL('./sensitivity-probe.js', import.meta.url));

/**
 * Design sizes, at the bundled spec's 4 replicates a point (k = 40 factors: r(k + 1) and N(k + 2)
 * points): about 50,000 runs for the pace, about 100,000 for the analysis. At 20,000 runs a design
 * took 8 s on one worker, of which 2 to 4 s were each worker's start-up and warm-up, which a lone
 * worker shares with the idle core (V8 compiles and collects on helper threads): the ratio then
 * measured start-up more than the steady pace. At 2 replicates a point each worker parses a new
 * scenario every second run, against every fourth as the bundled spec runs (README, Speed).
 */
export const SENSITIVITY_SIZES = {
  pace: {morris: 305, sobol: 298},
  analysis: {morris: 610, sobol: 595},
} as const;

/** 2 workers at least 1.8 times faster than 1, as for sweeps. */
export const SENSITIVITY_GOALS = {sensitivitySpeedup: 1.8};

/** Trials of the paced designs: at most 2 (each trial runs four sweeps of about 50,000 runs, about a minute). */
export const sensitivityTrials = (trials: number): number => Math.max(1, Math.min(2, trials));

export interface AnalysisTime {
  method: Method;
  runs: number;
  points: number;
  /** Filling the table with the runs, packed (ms). */
  fillMs: number;
  /** analyse(plan, table), median over repeats (ms). */
  analyseMs: number;
  repeats: number;
}

export interface SensitivityBench {
  /** Trials of each paced design (1 and 2 workers each). */
  trials: number;
  morris: Pace;
  sobol: Pace;
  analysis: {morris: AnalysisTime; sobol: AnalysisTime};
  /** Whole processes, in seconds (one each). */
  bundled: {morrisSeconds: number; morrisRuns: number; sobolSeconds: number; sobolRuns: number; analyseSobolSeconds: number};
}

/** The bundled spec with other design sizes, written to `dir`. */
function specFile(dir: string, name: string, sizes: {morris: number; sobol: number}): string {
  const spec = parse(readFileSync(join(SENSITIVITY_DIR, `${BUNDLED}.yaml`), 'utf8')) as Record<string, unknown>;
  const morris = spec.morris as Record<string, unknown>;
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, stringify({...spec, name: `${BUNDLED}-${name}`, morris: {...morris, trajectories: sizes.morris}, sobol: {samples: sizes.sobol}}));
  return file;
}

/** analyse() over a table of synthetic runs: the plan's runs, packed as the workers pack them, with deterministic values. */
export function analysisTime(file: string, method: Method, repeats: number): AnalysisTime {
  const plan = loadSensitivity(file, {method, check: false});
  const layout = new SummaryLayout(plan.sweep.columns);
  const rng = createRng(`bench/sensitivity/${method}`);
  const points = plan.sweep.design.size;
  const replicates = plan.spec.replicates;
  // Chunks of 500 runs, as the pool hands them over.
  const chunks: Float64Array[] = [];
  let chunk = new Float64Array(500 * layout.width);
  let at = 0;
  for (let p = 0; p < points; p++) {
    for (let rep = 0; rep < replicates; rep++) {
      const status = Math.floor(rng.next() * STATUSES.length);
      chunk[at] = p;
      chunk[at + 1] = status;
      layout.metrics.forEach((m, i) => {
        // A run that did not complete has no completion day (the table censors it).
        chunk[at + 2 + i] = m === 'completionDay' ? (status === 0 ? 20 + Math.floor(rng.next() * 180) : Number.NaN) : Math.floor(rng.next() * 20);
      });
      at += layout.width;
      if (at === chunk.length) {
        chunks.push(chunk);
        chunk = new Float64Array(chunk.length);
        at = 0;
      }
    }
  }
  if (at > 0) chunks.push(chunk.subarray(0, at));
  const t0 = performance.now();
  const table = new OutputTable(plan);
  for (const c of chunks) table.addPacked(c);
  const fillMs = performance.now() - t0;
  if (table.incomplete !== 0) throw new Error(`bench: ${table.incomplete} points of the synthetic table lack runs`);
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    analyse(plan, table);
    times.push(performance.now() - t);
  }
  return {method, runs: plan.sweep.runs, points, fillMs: round1(fillMs), analyseMs: Math.round(median(times)), repeats};
}

export function sensitivityBench(trials: number): SensitivityBench {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-sensitivity-'));
  try {
    const paced = specFile(dir, 'pace', SENSITIVITY_SIZES.pace);
    const probe = (method: Method, workers: number): Probe =>
      JSON.parse(execFileSync(process.execPath, [PROBE, paced, method, String(workers), join(dir, 'rows.csv')], {encoding: 'utf8'})) as Probe;
    const seen = {morris1: [] as Probe[], morris2: [] as Probe[], sobol1: [] as Probe[], sobol2: [] as Probe[]};
    for (let t = 0; t < trials; t++) {
      // Alternate, so a slow spell of the machine does not fall on one side only.
      seen.morris1.push(probe('morris', 1));
      seen.morris2.push(probe('morris', 2));
      seen.sobol1.push(probe('sobol', 1));
      seen.sobol2.push(probe('sobol', 2));
    }
    const large = specFile(dir, 'analysis', SENSITIVITY_SIZES.analysis);
    const analysis = {morris: analysisTime(large, 'morris', 2), sobol: analysisTime(large, 'sobol', 2)};
    // The bundled spec as a user runs it; the Sobol run writes its rows, which --analyse reads back.
    const rows = join(dir, 'sobol.csv');
    const morrisMs = timeProcess([BIN, 'sensitivity', BUNDLED, '--quiet']);
    const sobolMs = timeProcess([BIN, 'sensitivity', BUNDLED, '--method', 'sobol', '--quiet', '--out', rows]);
    const analyseMs = timeProcess([BIN, 'sensitivity', BUNDLED, '--method', 'sobol', '--quiet', '--analyse', rows]);
    const bundled = {morris: loadSensitivity(BUNDLED, {method: 'morris', check: false}).sweep.runs, sobol: loadSensitivity(BUNDLED, {method: 'sobol', check: false}).sweep.runs};
    return {
      trials,
      morris: pace(seen.morris1, seen.morris2),
      sobol: pace(seen.sobol1, seen.sobol2),
      analysis,
      bundled: {morrisSeconds: round2(morrisMs / 1000), morrisRuns: bundled.morris, sobolSeconds: round2(sobolMs / 1000), sobolRuns: bundled.sobol, analyseSobolSeconds: round2(analyseMs / 1000)},
    };
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

const n = (x: number): string => x.toLocaleString('en-US');

/** The bench's lines for sensitivity analysis. */
export function sensitivityLines(s: SensitivityBench): string[] {
  const goal = SENSITIVITY_GOALS.sensitivitySpeedup;
  const ok = (b: boolean): string => (b ? 'meets goal' : 'BELOW GOAL');
  const paceLine = (name: string, p: Pace): string[] => [
    `  sensitivity, ${name} design, ${n(p.runs)} runs, 1 worker  ${n(p.runsPerSecond1)} runs/s (second half ${n(p.steady1)})`,
    `    on 2 workers                        ${n(p.runsPerSecond2)} runs/s, ${p.speedup.toFixed(2)}x, trials ${p.speedupRange.map((x) => x.toFixed(2)).join('–')}   (goal >= ${goal}x: ${ok(p.speedup >= goal)}); second half ${n(p.steady2)}, ${p.steadySpeedup.toFixed(2)}x`,
  ];
  const {morris: am, sobol: as} = s.analysis;
  const b = s.bundled;
  return [
    ...paceLine('Morris', s.morris),
    ...paceLine('Sobol', s.sobol),
    `  sensitivity analysis of ${n(am.runs)} runs   Morris ${n(am.analyseMs)} ms; of ${n(as.runs)} runs, Sobol ${n(as.analyseMs)} ms (bootstrap and convergence included; filling the table ${am.fillMs.toFixed(0)} and ${as.fillMs.toFixed(0)} ms)`,
    `  parley sensitivity ${BUNDLED}   Morris ${b.morrisSeconds.toFixed(1)} s (${n(b.morrisRuns)} runs), Sobol ${b.sobolSeconds.toFixed(1)} s (${n(b.sobolRuns)} runs, with --out); --analyse of those rows ${b.analyseSobolSeconds.toFixed(1)} s`,
  ];
}
