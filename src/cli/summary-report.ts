// The summary a sweep (or a merge) reports: FILE.summary.csv|ndjson beside the results, written
// as points finish, and the short table of the first points. Points leave memory as soon as
// their summary row is written, so a design of 100,000 points runs in flat memory.
import type {Format} from '../sweep/output.js';
import {formatRows, headerText, summaryPath} from '../sweep/output.js';
import type {SweepPlan} from '../sweep/plan.js';
import {TABLE_POINTS} from '../text/summary-table.js';
import {summaryColumns, summaryValues, type PointSummary, type SummaryAccumulator} from '../sweep/summary.js';
import {formatSummaryTable} from '../text/summary-table.js';
import {groupDigits} from '../fmt/group-digits.js';
import {AtomicFile, type Io, type Terminal} from './io.js';

/** The terminal's width for a table (at least 40), else 80. */
export const tableWidth = (terminal: Terminal | undefined): number => (terminal?.columns ? Math.max(40, terminal.columns) : 80);

export class SummaryReport {
  private readonly head: PointSummary[] = [];
  private readonly file: AtomicFile | null;
  private readonly columns: string[];

  /** `out`: the results file (the summary goes beside it), or undefined when the rows go to stdout. */
  constructor(
    private readonly plan: SweepPlan,
    private readonly summary: SummaryAccumulator,
    private readonly format: Format,
    out: string | undefined,
  ) {
    this.columns = summaryColumns(plan.params, plan.metrics, spreadOf(plan));
    this.file = out === undefined ? null : new AtomicFile(summaryPath(out));
    this.file?.write(headerText(this.columns, format));
  }

  /** Writes the points finished once `written` runs (from run 0) are in: those before its point. */
  finishedUpTo(written: number): void {
    this.emit(this.summary.takeBefore(Math.floor(written / this.plan.spec.replicates)));
  }

  /** Writes the remaining points, puts the file in place and prints the table. */
  finish(io: Io, note: (text: string) => void): void {
    this.emit(this.summary.takeBefore(Infinity));
    const totals = this.summary.totals;
    if (this.file === null) return void io.stderr(formatSummaryTable(this.head, tableWidth(io.stderrTerminal), totals));
    this.file.commit();
    io.stdout(formatSummaryTable(this.head, tableWidth(io.stdoutTerminal), totals));
    note(`summary of ${groupDigits(totals.points)} point${totals.points === 1 ? '' : 's'} → ${this.file.file}`);
  }

  /** Drops the partial summary file (an interrupted or failed sweep has no summary). */
  discard(): void {
    this.file?.discard();
  }

  private emit(done: PointSummary[]): void {
    for (const s of done) if (this.head.length < TABLE_POINTS) this.head.push(s);
    if (this.file && done.length > 0) this.file.write(summaryLines(done, this.plan.params, this.plan.metrics, this.format, spreadOf(this.plan)));
  }
}

/** A sweep's summary gives each metric's spread and interval unless every point has one run. */
const spreadOf = (plan: SweepPlan): boolean => plan.spec.replicates > 1;

/** Summary rows as lines of a summary file (columns: summaryColumns(params, metrics, spread)), without the header. */
export function summaryLines(summaries: readonly PointSummary[], params: readonly string[], metrics: readonly string[], format: Format, spread: boolean): string {
  return formatRows(
    summaries.map((s) => summaryValues(s, params, metrics, spread)),
    summaryColumns(params, metrics, spread),
    format,
  );
}
