// `parley merge <files…>`: joins the outputs of `parley sweep --shard k/N` back into one file in
// run order, after checking them (same header, consecutive runs, no gap, no overlap; with
// --spec every row and the whole sweep). With --spec and --out it writes the summary too.
import {copyRows, mergedValues, mergeOrder, scanFile, type SweepFile} from '../sweep/merge.js';
import {formatOfPath, rowObject, summaryPath, type Format} from '../sweep/output.js';
import {loadSweep, type SweepPlan} from '../sweep/plan.js';
import {SummaryAccumulator} from '../sweep/summary.js';
import {parseCommand} from './args.js';
import {EXIT, UsageError} from './errors.js';
import {AtomicFile, type Io} from './io.js';
import {OutputError} from './output-errors.js';
import {lockOutput} from './output-lock.js';
import {chooseFormat, refuseOverwrite} from './sweep.js';
import {SummaryReport} from './summary-report.js';
import {groupDigits} from '../fmt/group-digits.js';
import {MERGE_USAGE} from './usage/merge.js';
import {refuseOutOverInput} from './out-file.js';

/** The format every input shares: --format, else their extensions (which must agree). */
function inputFormat(files: readonly string[], flag: string | undefined): Format {
  if (flag !== undefined) return chooseFormat(undefined, flag);
  const formats = files.map((f) => {
    const format = formatOfPath(f);
    if (!format) throw new UsageError(`${f}: name .csv, .ndjson or .jsonl files (or give --format)`);
    return format;
  });
  const odd = files.find((_, i) => formats[i] !== formats[0]);
  if (odd) throw new UsageError(`${odd} is not ${formats[0]} like ${files[0]}: merge files of one format`);
  return formats[0]!;
}

export async function mergeCommand(args: string[], io: Io): Promise<number> {
  const {values, positionals: inputs} = parseCommand(MERGE_USAGE, args);
  if (inputs.length === 0) throw new UsageError('merge needs the files to merge, e.g. parley merge part-*.csv --out results.csv');
  const out = values.out;
  if (out === '') throw new UsageError('--out needs a file name');
  const format = inputFormat(inputs, values.format);
  if (values.posterior !== undefined && values.spec === undefined) throw new UsageError('--posterior goes with --spec: the posterior the sweep was run with');
  const plan = values.spec === undefined ? null : loadSweep(values.spec, {check: false, posterior: values.posterior});
  if (out !== undefined) {
    if (chooseFormat(out, values.format ?? format) !== format) throw new UsageError(`--out ${out} is not ${format} like the files merged`);
    const specs = plan ? [{file: plan.file, what: 'the sweep spec'}, ...(plan.posterior ? [{file: plan.posterior.file, what: 'the posterior'}] : [])] : [];
    refuseOutOverInput(out, [...inputs.map((file) => ({file, what: 'one of the files to merge'})), ...specs]);
    refuseOverwrite(out, values.force, 'add --force to replace it');
    if (values.spec !== undefined) refuseOverwrite(summaryPath(out), values.force, 'add --force to replace it');
  }
  const note = (text: string): void => void (values.quiet || io.stderr(`parley: ${text}\n`));
  // One writer at a time, as for a sweep: held until the merged file and its summary are in place.
  let lost: string | null = null;
  const lock = out === undefined ? null : lockOutput(out, (why) => (lost = why));
  try {
    return await merge(inputs, format, out, plan, io, note, () => lost);
  } finally {
    lock?.release();
  }
}

async function merge(inputs: string[], format: Format, out: string | undefined, plan: SweepPlan | null, io: Io, note: (text: string) => void, lost: () => string | null): Promise<number> {
  const scanned: SweepFile[] = [];
  for (const f of inputs) scanned.push(await scanFile(f, format, plan));
  const files = mergeOrder(scanned, plan?.runs ?? null);

  if (out === undefined) await copyRows(files, io.stdout);
  else await writeAtomically(out, (write) => copyRows(files, write), lost);
  const runs = files.reduce((n, f) => n + f.end - f.first, 0);
  note(`merged ${inputs.length} file${inputs.length === 1 ? '' : 's'}: ${groupDigits(runs)} runs${plan ? `, the whole of ${plan.spec.name}` : ''}${out ? ` → ${out}` : ''}`);
  if (plan) {
    const summary = new SummaryAccumulator(plan.columns, plan.params);
    const report = new SummaryReport(plan, summary, format, out);
    let merged = 0; // the merged rows are runs 0, 1, 2, … in order
    try {
      await mergedValues(files, plan, (row) => {
        summary.add(rowObject(row, plan.columns));
        report.finishedUpTo(++merged);
      });
    } catch (e) {
      report.discard();
      throw e;
    }
    report.finish(io, note);
  }
  return EXIT.ok;
}

/** Streams into a temp file beside `file`, then renames it: a failure never leaves half a file. */
async function writeAtomically(file: string, fill: (write: (text: string) => void) => Promise<void>, lost: () => string | null): Promise<void> {
  const f = new AtomicFile(file);
  try {
    await fill((text) => f.write(text));
    const why = lost();
    if (why !== null) throw new OutputError(file, `${why}; check that no other parley writes it, then merge again`);
    f.commit();
  } finally {
    f.discard();
  }
}
