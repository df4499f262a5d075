// `parley run`: run a scenario and print a summary, the JSON report or NDJSON records.
import {reportRecords, type RunReport} from '../sim/report.js';
import {parseCommand, positiveInt} from './args.js';
import {UsageError} from './errors.js';
import {emit, type Io} from './io.js';
import {runReport} from '../host/run-report.js';
import {version} from './version.js';
import type {Mode} from './mode.js';
import {SPEEDS} from '../host/speeds.js';
import {RUN_USAGE} from './usage/run.js';
import {refuseOutOverInput, reportFormat, type ReportFormat} from './out-file.js';
import {resolveScenarioPath} from '../scenario/load.js';
import {readPosterior} from '../scenario/posterior.js';

export const DEFAULT_SCENARIO = 'baseline';

export async function runCommand(args: string[], io: Io, mode: Mode): Promise<number> {
  const {values, positionals} = parseCommand(RUN_USAGE, args);
  if (positionals.length > 1) throw new UsageError(`run takes one scenario, got ${positionals.length}: ${positionals.join(' ')}`);
  if (values.json && values.ndjson) throw new UsageError('--json and --ndjson cannot be used together');
  if (values.out === '') throw new UsageError('--out needs a file name');
  const ref = positionals[0] ?? DEFAULT_SCENARIO;
  const format = reportFormat(values.out, values.json ? 'json' : values.ndjson ? 'ndjson' : undefined, ['text', 'json', 'ndjson']);
  if (values.posterior === '') throw new UsageError('--posterior needs a file name');
  if (values.out !== undefined) {
    const posterior = values.posterior === undefined ? [] : [{file: values.posterior, what: 'the posterior'}];
    refuseOutOverInput(values.out, [{file: resolveScenarioPath(ref), what: 'the scenario'}, ...posterior]);
  }
  const days = positiveInt('--days', values.days);
  const speed = parseSpeed(values.speed);
  const load = {set: values.set ?? [], seed: values.seed, days};
  const stallRisk = values['no-stall-risk'] ? false : undefined;
  // Read here, on the main thread, so that a bad file is refused before the dashboard opens; checked against the scenario in prepareRun.
  const posterior = values.posterior === undefined ? undefined : readPosterior(values.posterior);
  if (!values.json && !values.ndjson && values.out === undefined && mode.dashboard) {
    const {runDashboard} = await import('./dashboard.js');
    return runDashboard(io, {scenario: ref, load, stallRisk, speed, from: values.from, posterior});
  }

  const report = await runReport(
    {
      ref,
      load,
      stallRisk,
      from: values.from,
      posterior,
      version: version(),
    },
    (loaded) => {
      for (const note of loaded.notes) io.stderr(`note: ${note}\n`);
    },
  );
  emit(io, await render(report, format), values.out);
  return 0;
}

/** The report as `format` asks; the summary's renderer loads only for a summary. */
export async function render(report: RunReport, format: ReportFormat): Promise<string> {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'ndjson') return Array.from(reportRecords(report), (r) => `${JSON.stringify(r)}\n`).join('');
  return (await import('../text/summary.js')).formatSummary(report);
}

/** `--speed 10` (rounds per second, one of the dashboard's steps) or `--speed max`. */
export function parseSpeed(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (text === 'max') return Infinity;
  const n = Number(text);
  if (!SPEEDS.includes(n)) throw new UsageError(`--speed must be one of ${SPEEDS.filter(Number.isFinite).join(', ')} or max, got "${text}"`);
  return n;
}
