// `parley summarize <results> [--heatmap x,y,metric] [--out FILE] [--json]`: the per-point summary
// of a sweep's results file (CSV or NDJSON) as a short table, optionally a heatmap of one metric
// over two parameters, the full summary to a file, or the summaries as JSON. Streams the rows.
import {formatHeatmap, HeatmapAccumulator, SHARES} from '../text/heatmap.js';
import {NUMERIC_METRICS} from '../sweep/metrics.js';
import {openResults, type Results} from '../sweep/read-results.js';
import {headerText} from '../sweep/output.js';
import {round4} from '../stats/round.js';
import {SummaryAccumulator, summaryColumns, type PointSummary} from '../sweep/summary.js';
import {formatSummaryTable} from '../text/summary-table.js';
import {parseCommand} from './args.js';
import {UsageError} from './errors.js';
import {writeFileAtomic, type Io} from './io.js';
import {summaryLines, tableWidth} from './summary-report.js';
import {SUMMARIZE_USAGE} from './usage/summarize.js';
import {refuseOutOverInput} from './out-file.js';

export async function summarizeCommand(args: string[], io: Io): Promise<number> {
  const {values, positionals} = parseCommand(SUMMARIZE_USAGE, args);
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'summarize needs a results file (.csv or .ndjson)' : `summarize takes one results file, got ${positionals.length}`);
  const file = positionals[0]!;
  if (values.json && values.heatmap !== undefined) throw new UsageError('--heatmap draws on the terminal and does not go with --json');
  const out = values.out === undefined ? null : {file: values.out, format: outFormat(values.out)};
  refuseOutOverInput(out?.file, [{file, what: 'the results file summarized'}]);
  const axes = values.heatmap === undefined ? null : splitHeatmap(values.heatmap);

  const results = await openResults(file);
  const heatmap = axes && heatmapOf(results, axes);
  const summary = new SummaryAccumulator(results.columns, results.params);
  for await (const row of results.rows) {
    summary.add(row);
    heatmap?.add(row);
  }
  const summaries = summary.summaries();

  if (out) {
    writeFileAtomic(out.file, summaryFile(summaries, results, out.format));
    io.stderr(`parley: wrote the summary of ${summaries.length} point${summaries.length === 1 ? '' : 's'} to ${out.file}\n`);
  }
  if (values.json) {
    io.stdout(`${JSON.stringify(summaries, (_k, v: unknown) => (typeof v === 'number' ? round4(v) : v), 2)}\n`);
    return 0;
  }
  const width = tableWidth(io.stdoutTerminal);
  io.stdout(formatSummaryTable(summaries, width));
  if (heatmap) io.stdout(`\n${formatHeatmap(heatmap.input(), {width, color: colorAllowed(io)})}`);
  return 0;
}

function outFormat(file: string): 'csv' | 'ndjson' {
  if (/\.csv$/i.test(file)) return 'csv';
  if (/\.(ndjson|jsonl)$/i.test(file)) return 'ndjson';
  throw new UsageError(`--out ${file}: the file name must end in .csv or .ndjson`);
}

/** The summary file; as a sweep writes it, without the spread and interval when every point has one run. */
function summaryFile(summaries: readonly PointSummary[], results: Results, format: 'csv' | 'ndjson'): string {
  const spread = summaries.some((s) => s.runs > 1);
  const columns = summaryColumns(results.params, results.metrics, spread);
  return headerText(columns, format) + summaryLines(summaries, results.params, results.metrics, format, spread);
}

function splitHeatmap(text: string): [string, string, string] {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length !== 3 || parts.some((p) => p === '')) throw new UsageError(`--heatmap takes X,Y,METRIC (two parameters and a metric), got "${text}"`);
  return parts as [string, string, string];
}

/** A parameter by its full path, or by a unique tail of it (batchSize, taliban.policy). */
function param(results: Results, name: string): string {
  if (results.params.includes(name)) return name;
  const matches = results.params.filter((p) => p.endsWith(`.${name}`));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new UsageError(`--heatmap: "${name}" could be ${matches.join(' or ')}; write the one you mean`);
  const known = results.params.length > 0 ? `the parameters are ${results.params.join(', ')}` : 'it has no parameter columns';
  throw new UsageError(`--heatmap: "${name}" is not a parameter of ${results.file}; ${known}`);
}

function heatmapOf(results: Results, [x, y, metric]: [string, string, string]): HeatmapAccumulator {
  const px = param(results, x);
  const py = param(results, y);
  if (px === py) throw new UsageError(`--heatmap: x and y are both ${px}; pick two different parameters`);
  const shares = Object.keys(SHARES).filter((s) => (s === 'shareStalled' ? results.metrics.includes('stallEpisodes') : results.metrics.includes('status')));
  const metrics = [...shares, ...results.metrics.filter((m) => (NUMERIC_METRICS as readonly string[]).includes(m))];
  if (!metrics.includes(metric)) throw new UsageError(`--heatmap: "${metric}" is not a metric of ${results.file}; the metrics are ${metrics.join(', ') || '(none)'}`);
  return new HeatmapAccumulator(px, py, metric);
}

/** Colour only on a terminal, and never with NO_COLOR or --no-color (bin.ts sets FORCE_COLOR=0). */
const colorAllowed = (io: Io, env: NodeJS.ProcessEnv = process.env): boolean => io.stdoutTerminal !== undefined && !env.NO_COLOR && env.FORCE_COLOR !== '0' && env.TERM !== 'dumb';
