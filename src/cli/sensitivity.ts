// `parley sensitivity <spec>`: runs a sensitivity spec's design through the sweep machinery
// (worker pool, row-per-run file, --resume, --shard) and prints the indices of each output; with
// --analyse, the same analysis from a results file, running nothing. The analysis is made from
// the rows in both cases, so a run and a later --analyse of its file print the same.
import {existsSync} from 'node:fs';
import {analyse, type Analysis} from '../sensitivity/analyse.js';
import {OutputTable} from '../sensitivity/outputs.js';
import {bundledSensitivityNames, loadSensitivity, type SensitivityPlan} from '../sensitivity/plan.js';
import {METHODS, type Method} from '../sensitivity/spec.js';
import {convergenceText, indicesText, pairsText} from '../sensitivity/tables.js';
import {InputError} from '../scenario/errors.js';
import {resolveScenarioPath} from '../scenario/load.js';
import {findResumePoint} from '../sweep/resume.js';
import {besidePath, formatOfPath, type Format} from '../sweep/output.js';
import {didYouMean} from '../scenario/suggest.js';
import {formatSensitivity} from '../text/sensitivity-table.js';
import {groupDigits} from '../fmt/group-digits.js';
import {shellQuote as quote} from '../fmt/shell-quote.js';
import {parseCommand} from './args.js';
import {EXIT, UsageError} from './errors.js';
import {writeFileAtomic, type Io} from './io.js';
import type {Mode} from './mode.js';
import {refuseOutOverInput} from './out-file.js';
import {chooseFormat, parseShardOption, refuseOverwrite, resumeCommand, runs, runSweepJob, withOutputLock, workerCount, type RowSink, type SweepArgs} from './sweep.js';
import {SENSITIVITY_USAGE} from './usage/sensitivity.js';

type SideFile = 'indices' | 'convergence' | 'interactions';
const SIDE_FILES: readonly SideFile[] = ['indices', 'convergence', 'interactions'];
const SIDE_WHAT: Record<SideFile, string> = {indices: 'the indices', convergence: 'the convergence of the indices', interactions: 'the second-order indices'};

/** `results.csv` → `results.indices.csv`, `results.convergence.csv` (the same folder and extension). */
export const sidePath = (out: string, tag: SideFile): string => besidePath(out, tag, '.csv');

interface SensitivityArgs extends SweepArgs {
  method: Method | undefined;
  analyse: string | undefined;
  json: boolean;
}

function parseMethod(text: string | undefined): Method | undefined {
  if (text === undefined) return undefined;
  if (!(METHODS as readonly string[]).includes(text)) throw new UsageError(`--method must be ${METHODS.join(' or ')}, got "${text}"${didYouMean(text, [...METHODS])}`);
  return text as Method;
}

function parseArgs(args: string[]): SensitivityArgs {
  const {values, positionals} = parseCommand(SENSITIVITY_USAGE, args);
  if (positionals.length === 0) throw new UsageError(`sensitivity needs a spec: a file, or a bundled one (${bundledSensitivityNames().join(', ')})`);
  if (positionals.length > 1) throw new UsageError(`sensitivity takes one spec, got ${positionals.length}: ${positionals.join(' ')}`);
  const out = values.out;
  if (out === '' || values.analyse === '') throw new UsageError(`${out === '' ? '--out' : '--analyse'} needs a file name`);
  const analyseFile = values.analyse;
  if (analyseFile !== undefined) {
    if (values.format === undefined && formatOfPath(analyseFile) === null) throw new UsageError(`--analyse ${analyseFile}: name a .csv, .ndjson or .jsonl file (or give --format)`);
    const runOnly = (['out', 'shard', 'resume', 'workers', 'force'] as const).find((k) => values[k] !== undefined);
    if (runOnly) throw new UsageError(`--analyse runs nothing: it does not go with --${runOnly}`);
  }
  const a: SensitivityArgs = {
    ref: positionals[0]!,
    workers: workerCount(values.workers),
    shard: parseShardOption(values.shard),
    out,
    format: chooseFormat(out ?? analyseFile, values.format),
    resume: values.resume === true,
    quiet: values.quiet === true,
    formatFlag: values.format,
    method: parseMethod(values.method),
    analyse: analyseFile,
    json: values.json === true,
  };
  if (a.resume && out === undefined) throw new UsageError('--resume needs --out: the file to continue');
  if (a.resume && values.force) throw new UsageError('--resume continues the file and --force replaces it: give one');
  if (out !== undefined && !a.resume) {
    const hint = 'add --resume to continue it, or --force to start over';
    refuseOverwrite(out, values.force, hint);
    if (!a.shard) for (const tag of SIDE_FILES) refuseOverwrite(sidePath(out, tag), values.force, hint);
  }
  return a;
}

export async function sensitivityCommand(args: string[], io: Io, mode: Mode): Promise<number> {
  const a = parseArgs(args);
  const plan = loadSensitivity(a.ref, {method: a.method});
  if (a.analyse !== undefined) return analyseFile(plan, a, io);
  return withOutputLock(a, (stop, lost) => {
    const table = new OutputTable(plan);
    const sink: RowSink = {
      add: (row) => table.addRow(row),
      open: () => {},
      addPacked: (packed) => table.addPacked(packed),
      discard: () => {},
      finish: (sinkIo) => report(plan, table, a, a.out, sinkIo),
    };
    const method = a.method ? ` --method ${a.method}` : '';
    return runSweepJob(a, io, mode, stop, lost, {
      plan: plan.sweep,
      command: 'sensitivity',
      inputs: [{file: plan.file, what: 'the sensitivity spec'}, {file: resolveScenarioPath(plan.sweep.scenario), what: 'its scenario'}],
      resume: resumeCommand(a, 'sensitivity', a.method ? ['--method', a.method] : []),
      sink: a.shard ? null : sink,
      rowsToStdout: false,
      shardNote: `no analysis for a shard: merge the shards with parley merge, then parley sensitivity ${quote(a.ref)}${method} --analyse MERGED`,
    });
  });
}

/** The analysis of a complete results file, each row checked against the plan as --resume checks it. */
async function analyseFile(plan: SensitivityPlan, a: SensitivityArgs, io: Io): Promise<number> {
  const file = a.analyse!;
  if (!existsSync(file)) throw new InputError(`${file}: no such file (the results to analyse)`, file);
  const format: Format = formatOfPath(file) ?? a.format;
  refuseOutOverInput(sidePath(file, 'indices'), [{file: plan.file, what: 'the sensitivity spec'}]);
  const table = new OutputTable(plan);
  const method = a.method ? ` --method ${a.method}` : '';
  let at;
  try {
    at = await findResumePoint(file, plan.sweep, format, {start: 0, end: plan.sweep.runs}, (row) => table.addRow(row));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const why = e.message.replace(`${file}: cannot resume: `, '').replace(/; nothing was changed$/, '');
    throw new InputError(`${file}: not the results of ${plan.file} with method ${plan.method}: ${why}`, file);
  }
  const finish = `finish it with parley sensitivity ${quote(a.ref)}${method} --out ${quote(file)} --resume`;
  if (at.torn > 0) throw new InputError(`${file}: its last line is cut off (a run stopped mid-write): ${finish}`, file);
  if (at.next < plan.sweep.runs) throw new InputError(`${file}: holds ${groupDigits(at.next)} of the ${runs(plan.sweep.runs)} of ${plan.file} (method ${plan.method}): ${finish}`, file);
  report(plan, table, a, file, io);
  return EXIT.ok;
}

/** Prints the analysis (tables or JSON) and writes the indices files beside `out`. */
function report(plan: SensitivityPlan, table: OutputTable, a: SensitivityArgs, out: string | undefined, io: Io): void {
  const analysis: Analysis = analyse(plan, table);
  if (out !== undefined) {
    const format: Format = formatOfPath(out) ?? a.format;
    const files: [SideFile, string][] = [['indices', indicesText(analysis, format)], ['convergence', convergenceText(analysis, format)]];
    if (plan.secondOrder) files.push(['interactions', pairsText(analysis, format)]);
    for (const [tag, text] of files) {
      writeFileAtomic(sidePath(out, tag), text);
      if (!a.quiet) io.stderr(`parley: wrote ${SIDE_WHAT[tag]} to ${sidePath(out, tag)}\n`);
    }
  }
  io.stdout(a.json ? `${JSON.stringify(analysis, null, 2)}\n` : `${formatSensitivity(analysis)}\n`);
}
