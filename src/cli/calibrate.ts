// `parley calibrate <spec> --out DIR`: ABC-SMC on the sweep machinery. Each generation's
// proposals run as a sweep to DIR/generation-<t>.csv (worker threads, run order, resumable);
// the rows' releases on the observed dates give each run's distance from the record up to the
// information date; the closest are kept and weighted (src/stats/abc-smc.ts). The last
// population is written to DIR/posterior.csv, and a posterior predictive sweep
// (DIR/predictive.csv) is scored on the record after the date beside naive baselines.
// Everything derives from the spec and its seed, so a run and its --resume give the same files.
import {existsSync, mkdirSync, rmSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {calibrationReport, type CalibrationReport} from '../calibration/report.js';
import {rowDistance} from '../calibration/distance.js';
import {drawPredictive} from '../calibration/predictive.js';
import {posteriorCsv} from '../calibration/posterior-file.js';
import {bundledCalibrationNames, loadCalibration, stagePlan, type CalibrationPlan, type Stage} from '../calibration/plan.js';
import {InputError} from '../scenario/errors.js';
import {resolveScenarioPath} from '../scenario/load.js';
import {createRng} from '../sim/rng.js';
import {propose, select, type AbcSettings, type Population, type RngFor} from '../stats/abc-smc.js';
import type {Value} from '../sweep/output.js';
import type {SweepPlan} from '../sweep/plan.js';
import {findResumePoint} from '../sweep/resume.js';
import {formatCalibration} from '../text/calibration-report.js';
import {shellQuote as quote} from '../fmt/shell-quote.js';
import {parseCommand} from './args.js';
import {EXIT, UsageError} from './errors.js';
import {writeFileAtomic, type Io} from './io.js';
import type {Mode} from './mode.js';
import {runSweepJob, withOutputLock, workerCount, type RowSink, type SweepArgs} from './sweep.js';
import {CALIBRATE_USAGE} from './usage/calibrate.js';

interface CalibrateArgs {
  ref: string;
  out: string;
  workers: number;
  resume: boolean;
  force: boolean;
  json: boolean;
  quiet: boolean;
}

/** The files of DIR a calibration writes. */
const stageFile = (dir: string, stage: Stage): string => join(dir, stage.kind === 'generation' ? `generation-${stage.generation}.csv` : 'predictive.csv');
export const posteriorFile = (dir: string): string => join(dir, 'posterior.csv');
export const reportFile = (dir: string): string => join(dir, 'report.json');

function parseArgs(args: string[]): CalibrateArgs {
  const {values, positionals} = parseCommand(CALIBRATE_USAGE, args);
  if (positionals.length === 0) throw new UsageError(`calibrate needs a spec: a file, or a bundled one (${bundledCalibrationNames().join(', ')})`);
  if (positionals.length > 1) throw new UsageError(`calibrate takes one spec, got ${positionals.length}: ${positionals.join(' ')}`);
  if (values.out === undefined || values.out === '') throw new UsageError('calibrate needs --out DIR: the folder its runs, posterior and report go to');
  if (values.resume && values.force) throw new UsageError('--resume continues DIR and --force replaces it: give one');
  const a: CalibrateArgs = {
    ref: positionals[0]!,
    out: values.out,
    workers: workerCount(values.workers),
    resume: values.resume === true,
    force: values.force === true,
    json: values.json === true,
    quiet: values.quiet === true,
  };
  if (existsSync(a.out) && !statSync(a.out).isDirectory()) throw new UsageError(`--out ${a.out}: not a folder`);
  return a;
}

/** The stage files already in DIR (a calibration that ran before). */
function stageFilesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const files = [posteriorFile(dir), reportFile(dir), join(dir, 'predictive.csv')];
  for (let t = 0; existsSync(join(dir, `generation-${t}.csv`)); t++) files.push(join(dir, `generation-${t}.csv`));
  return files.filter((f) => existsSync(f));
}

export async function calibrateCommand(args: string[], io: Io, mode: Mode): Promise<number> {
  const a = parseArgs(args);
  const plan = loadCalibration(a.ref);
  const existing = stageFilesIn(a.out);
  if (existing.length > 0 && !a.resume && !a.force) throw new UsageError(`${a.out} already holds a calibration (${existing[0]}): add --resume to continue it, or --force to start over`);
  mkdirSync(a.out, {recursive: true});
  // One calibration a folder: the lock on its posterior is held from the first run to the report.
  return withOutputLock({out: posteriorFile(a.out)}, async (stop, lost) => {
    if (a.force) for (const f of existing) rmSync(f);
    const result = await calibrate(plan, a, io, mode, stop, lost);
    if (typeof result === 'number') return result;
    writeFileAtomic(posteriorFile(a.out), posteriorCsv(plan, result.last, `# parley calibrate ${quote(a.ref)}: generation ${result.last.generation}, seed ${plan.spec.seed}`));
    writeFileAtomic(reportFile(a.out), `${JSON.stringify(result.report, null, 2)}\n`);
    if (!a.quiet) io.stderr(`parley: wrote the posterior to ${posteriorFile(a.out)} and the report to ${reportFile(a.out)}\n`);
    io.stdout(a.json ? `${JSON.stringify(result.report, null, 2)}\n` : `${formatCalibration(result.report)}\n`);
    return EXIT.ok;
  });
}

const rngFor: RngFor = (key) => {
  const rng = createRng(key);
  return () => rng.next();
};

/** The generations, then the predictive check; an exit code when a stage stopped (interrupted, lost its file). */
async function calibrate(plan: CalibrationPlan, a: CalibrateArgs, io: Io, mode: Mode, stop: AbortController, lost: {why: string | null}): Promise<number | {last: Population; report: CalibrationReport}> {
  const {abc} = plan.spec;
  const settings: AbcSettings = {particles: abc.particles, proposals: abc.proposals, seed: plan.spec.seed};
  const priors = plan.params.map((p) => p.prior);
  const populations: Population[] = [];
  let previous: Population | null = null;
  for (let t = 0; t < abc.generations; t++) {
    const stage: Stage = {kind: 'generation', generation: t};
    const proposals = propose(priors, previous, settings, t, rngFor);
    const sweep = stagePlan(plan, stage, proposals);
    const rows = await runStage(plan, sweep, stage, a, io, mode, stop, lost);
    if (typeof rows === 'number') return rows;
    const distance = rowDistance(sweep.columns, plan.fitted);
    const distances = Float64Array.from(rows, distance);
    const population = select(priors, previous, proposals, distances, settings, t);
    populations.push(population);
    previous = population;
    // The acceptance rate falls as the tolerance nears what the model can reach: past the floor, more generations buy little.
    if (t > 0 && population.acceptance < abc.minAcceptance) break;
  }
  const last = populations.at(-1)!;
  const stage: Stage = {kind: 'predictive'};
  const draws = drawPredictive(plan, last, rngFor);
  const sweep = stagePlan(plan, stage, draws.theta);
  const rows = await runStage(plan, sweep, stage, a, io, mode, stop, lost);
  if (typeof rows === 'number') return rows;
  return {last, report: calibrationReport(plan, populations, sweep.columns, rows, draws.particles, rngFor)};
}

/**
 * Runs a stage's sweep to its file (continuing what is there when resuming) and reads its rows
 * back, each checked against the stage's plan; an exit code when it did not finish.
 */
async function runStage(plan: CalibrationPlan, sweep: SweepPlan, stage: Stage, a: CalibrateArgs, io: Io, mode: Mode, stop: AbortController, lost: {why: string | null}): Promise<Value[][] | number> {
  const file = stageFile(a.out, stage);
  const sweepArgs: SweepArgs = {ref: a.ref, workers: a.workers, shard: null, out: file, format: 'csv', resume: a.resume && existsSync(file), quiet: a.quiet, formatFlag: undefined};
  const nothing: RowSink = {add: () => {}, open: () => {}, addPacked: () => {}, discard: () => {}, finish: () => {}};
  const what = stage.kind === 'generation' ? `calibration generation ${stage.generation}` : 'posterior predictive check';
  const code = await withOutputLock({out: file}, (stageStop, stageLost) => {
    // Either lock lost, or ^C, stops the stage.
    stop.signal.addEventListener('abort', () => stageStop.abort(), {once: true});
    const either = {
      get why(): string | null {
        return stageLost.why ?? lost.why;
      },
    };
    return runSweepJob(sweepArgs, io, mode, stageStop, either, {
      plan: sweep,
      command: what,
      inputs: [{file: plan.file, what: 'the calibration spec'}, {file: resolveScenarioPath(plan.scenario), what: 'its scenario'}],
      resume: `parley calibrate ${quote(a.ref)} --out ${quote(a.out)} --resume`,
      sink: nothing,
      rowsToStdout: false,
      shardNote: '',
    });
  });
  if (code !== EXIT.ok) return code;
  const rows: Value[][] = [];
  const at = await findResumePoint(file, sweep, 'csv', {start: 0, end: sweep.runs}, (row) => rows.push(row));
  if (at.next !== sweep.runs || at.torn > 0) throw new InputError(`${file}: holds ${at.next} of the ${sweep.runs} runs of ${what}; continue with parley calibrate ${quote(a.ref)} --out ${quote(a.out)} --resume`, file);
  return rows;
}
