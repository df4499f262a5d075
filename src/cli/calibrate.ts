// `parley calibrate <spec> --out DIR`: ABC-SMC on the sweep machinery. Each generation's
// proposals run as a sweep to DIR/generation-<t>.csv (worker threads, run order, resumable);
// the rows' releases on the observed dates give each run's distance from the record up to the
// information date; the closest are kept and weighted (src/stats/abc-smc.ts). The last
// population is written to DIR/posterior.csv, and a posterior predictive sweep
// (DIR/predictive.csv) is scored on the record after the date beside naive baselines.
// Everything derives from the spec and its seed, so a run and its --resume give the same files.
import {existsSync, mkdirSync, readdirSync, rmSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {calibrationReport, type CalibrationReport} from '../calibration/report.js';
import {particleDistances} from '../calibration/distance.js';
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
import {shardRange, type Shard} from '../sweep/shard.js';
import {formatRows, headerText} from '../sweep/output.js';
import {formatCalibration} from '../text/calibration-report.js';
import {shellQuote as quote} from '../fmt/shell-quote.js';
import {parseCommand} from './args.js';
import {EXIT, UsageError} from './errors.js';
import {writeFileAtomic, type Io} from './io.js';
import type {Mode} from './mode.js';
import {parseShardOption, runSweepJob, withOutputLock, workerCount, type RowSink, type SweepArgs} from './sweep.js';
import {CALIBRATE_USAGE} from './usage/calibrate.js';

interface CalibrateArgs {
  ref: string;
  out: string;
  workers: number;
  shard: Shard | null;
  resume: boolean;
  force: boolean;
  json: boolean;
  quiet: boolean;
}

/** The files of DIR a calibration writes. */
const stageName = (stage: Stage): string => (stage.kind === 'generation' ? `generation-${stage.generation}` : 'predictive');
const stageFile = (dir: string, stage: Stage): string => join(dir, `${stageName(stage)}.csv`);
/** Block k of N of a stage, as `--shard k/N` writes it. */
const shardFile = (dir: string, stage: Stage, shard: Shard): string => join(dir, `${stageName(stage)}.shard-${shard.k}-of-${shard.n}.csv`);
export const posteriorFile = (dir: string): string => join(dir, 'posterior.csv');
export const reportFile = (dir: string): string => join(dir, 'report.json');

function parseArgs(args: string[]): CalibrateArgs {
  const {values, positionals} = parseCommand(CALIBRATE_USAGE, args);
  if (positionals.length === 0) throw new UsageError(`calibrate needs a spec: a file, or a bundled one (${bundledCalibrationNames().join(', ')})`);
  if (positionals.length > 1) throw new UsageError(`calibrate takes one spec, got ${positionals.length}: ${positionals.join(' ')}`);
  if (values.out === undefined || values.out === '') throw new UsageError('calibrate needs --out DIR: the folder its runs, posterior and report go to');
  if (values.resume && values.force) throw new UsageError('--resume continues DIR and --force replaces it: give one');
  if (values.shard !== undefined && values.force) throw new UsageError('--shard continues DIR (the other blocks may be running): it does not go with --force');
  const a: CalibrateArgs = {
    ref: positionals[0]!,
    out: values.out,
    workers: workerCount(values.workers),
    shard: parseShardOption(values.shard),
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
  const ours = /^(generation-\d+|predictive)(\.shard-\d+-of-\d+)?\.csv$/;
  for (const f of readdirSync(dir)) if (ours.test(f)) files.push(join(dir, f));
  return [...new Set(files)].filter((f) => existsSync(f));
}

export async function calibrateCommand(args: string[], io: Io, mode: Mode): Promise<number> {
  const a = parseArgs(args);
  const plan = loadCalibration(a.ref);
  const existing = stageFilesIn(a.out);
  if (existing.length > 0 && !a.resume && !a.force && !a.shard) throw new UsageError(`${a.out} already holds a calibration (${existing[0]}): add --resume to continue it, or --force to start over`);
  mkdirSync(a.out, {recursive: true});
  // One calibration a folder: the lock on its posterior is held from the first run to the report.
  // The blocks of a sharded run share the folder: each holds the lock of its own block's file.
  return withOutputLock({out: a.shard ? undefined : posteriorFile(a.out)}, async (stop, lost) => {
    if (a.force) for (const f of existing) rmSync(f);
    const result = await calibrate(plan, a, io, mode, stop, lost);
    if (typeof result === 'number') return result;
    if (result === 'shard') return EXIT.ok;
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
async function calibrate(plan: CalibrationPlan, a: CalibrateArgs, io: Io, mode: Mode, stop: AbortController, lost: {why: string | null}): Promise<number | 'shard' | {last: Population; report: CalibrationReport}> {
  const {abc} = plan.spec;
  const settings: AbcSettings = {particles: abc.particles, proposals: abc.proposals, seed: plan.spec.seed};
  const priors = plan.params.map((p) => p.prior);
  const populations: Population[] = [];
  let previous: Population | null = null;
  let previousEpsilon = Infinity;
  for (let t = 0; t < abc.generations; t++) {
    const stage: Stage = {kind: 'generation', generation: t};
    const proposals = propose(priors, previous, settings, t, rngFor);
    const sweep = stagePlan(plan, stage, proposals);
    const rows = await runStage(plan, sweep, stage, a, io, mode, stop, lost);
    if (typeof rows !== 'object') return rows;
    const distances = particleDistances(sweep.columns, plan.fitted, rows, abc.replicates, plan.spec.distance, plan.caps);
    const population = select(priors, previous, proposals, distances, settings, t);
    populations.push(population);
    previous = population;
    // The acceptance rate falls as the tolerance nears what the model can reach, and with a
    // stochastic model the tolerance stops falling at the seed noise: past either, more
    // generations buy little.
    if (t > 0 && population.acceptance < abc.minAcceptance) break;
    if (t > 0 && population.epsilon > (1 - abc.minImprovement) * previousEpsilon) break;
    previousEpsilon = population.epsilon;
  }
  const last = populations.at(-1)!;
  const stage: Stage = {kind: 'predictive'};
  const draws = drawPredictive(plan, last, rngFor);
  const sweep = stagePlan(plan, stage, draws.theta);
  const rows = await runStage(plan, sweep, stage, a, io, mode, stop, lost);
  if (typeof rows !== 'object') return rows;
  return {last, report: calibrationReport(plan, populations, sweep.columns, rows, draws.particles, rngFor)};
}

/**
 * A stage's rows: read from its file when it is complete; else joined from the blocks of a
 * sharded run when they are all there; else run (continuing what is there when resuming). With
 * --shard k/N only block k runs; once every block is there the stage is joined and the
 * calibration goes on to the next stage's block k, else it stops ('shard') until the rest are in.
 */
async function runStage(plan: CalibrationPlan, sweep: SweepPlan, stage: Stage, a: CalibrateArgs, io: Io, mode: Mode, stop: AbortController, lost: {why: string | null}): Promise<Value[][] | number | 'shard'> {
  const file = stageFile(a.out, stage);
  const what = stage.kind === 'generation' ? `calibration generation ${stage.generation}` : 'posterior predictive check';
  const again = `parley calibrate ${quote(a.ref)} --out ${quote(a.out)} --resume`;
  const note = (text: string): void => void (a.quiet || io.stderr(`parley: ${text}\n`));
  const join = async (): Promise<boolean> => {
    const joined = await joinShards(a.out, stage, sweep, again);
    if (joined === null) return false;
    if (typeof joined === 'string') {
      if (a.shard) return false;
      throw new InputError(joined, a.out);
    }
    writeFileAtomic(file, headerText(sweep.columns, 'csv') + formatRows(joined, sweep.columns, 'csv'));
    note(`joined the blocks of ${what} into ${file}`);
    return true;
  };
  if (existsSync(file)) {
    const done = a.shard ? await readStage(file, sweep, what, again, true) : null;
    if (done !== null) return done;
  } else if (await join()) {
    return (await readStage(file, sweep, what, again, false))!;
  }
  const out = a.shard ? shardFile(a.out, stage, a.shard) : file;
  const sweepArgs: SweepArgs = {ref: a.ref, workers: a.workers, shard: a.shard, out, format: 'csv', resume: (a.resume || a.shard !== null) && existsSync(out), quiet: a.quiet, formatFlag: undefined};
  const nothing: RowSink = {add: () => {}, open: () => {}, addPacked: () => {}, discard: () => {}, finish: () => {}};
  const code = await withOutputLock({out}, async (stageStop, stageLost) => {
    // Either lock lost, or ^C, stops the stage.
    const onStop = (): void => stageStop.abort();
    stop.signal.addEventListener('abort', onStop, {once: true});
    const either = {
      get why(): string | null {
        return stageLost.why ?? lost.why;
      },
    };
    try {
      return await runSweepJob(sweepArgs, io, mode, stageStop, either, {
      plan: sweep,
      command: what,
      inputs: [{file: plan.file, what: 'the calibration spec'}, {file: resolveScenarioPath(plan.scenario), what: 'its scenario'}],
      resume: a.shard ? `parley calibrate ${quote(a.ref)} --out ${quote(a.out)} --shard ${a.shard.k}/${a.shard.n}` : again,
        // A block has nothing to finish; the calibration says what comes next.
        sink: nothing,
        rowsToStdout: false,
        shardNote: '',
      });
    } finally {
      stop.signal.removeEventListener('abort', onStop);
    }
  });
  if (code !== EXIT.ok) return code;
  if (a.shard) {
    if (await join()) return (await readStage(file, sweep, what, again, false))!;
    note(`block ${a.shard.k}/${a.shard.n} of ${what} is done; the others are not all in yet: run this again (or ${again}) once they are`);
    return 'shard';
  }
  return (await readStage(file, sweep, what, again, false))!;
}

/** The rows of a stage's file, each checked against the stage's plan; null when it is not complete and `partialOk`. */
async function readStage(file: string, sweep: SweepPlan, what: string, again: string, partialOk: boolean): Promise<Value[][] | null> {
  const rows: Value[][] = [];
  const at = await findResumePoint(file, sweep, 'csv', {start: 0, end: sweep.runs}, (row) => rows.push(row));
  if (at.next === sweep.runs && at.torn === 0) return rows;
  if (partialOk) return null;
  throw new InputError(`${file}: holds ${at.next} of the ${sweep.runs} runs of ${what}; continue with ${again}`, file);
}

/** The rows of a stage from the blocks of a sharded run; null when there are none; what is missing when some are not finished. */
async function joinShards(dir: string, stage: Stage, sweep: SweepPlan, again: string): Promise<Value[][] | string | null> {
  const prefix = `${stageName(stage)}.shard-`;
  const names = readdirSync(dir).filter((f) => f.startsWith(prefix));
  if (names.length === 0) return null;
  const counts = new Set(names.map((f) => /-of-(\d+)\.csv$/.exec(f)?.[1]));
  if (counts.size !== 1 || counts.has(undefined)) throw new InputError(`${dir}: the blocks of ${stageName(stage)} are of different splits (${names.join(', ')}): keep one split`, dir);
  const n = Number([...counts][0]);
  const rows: Value[][] = [];
  for (let k = 1; k <= n; k++) {
    const file = shardFile(dir, stage, {k, n});
    if (!existsSync(file)) return `${file}: missing: block ${k}/${n} of ${stageName(stage)} has not run (run it with --shard ${k}/${n}, or remove the blocks and run the rest with ${again})`;
    const range = shardRange(sweep.runs, {k, n});
    const at = await findResumePoint(file, sweep, 'csv', range, (row) => rows.push(row));
    if (at.next !== range.end || at.torn > 0) return `${file}: block ${k}/${n} of ${stageName(stage)} is not finished (${at.next - range.start} of ${range.end - range.start} runs): finish it with --shard ${k}/${n}`;
  }
  return rows;
}
