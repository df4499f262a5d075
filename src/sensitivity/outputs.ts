// The outputs of a sensitivity analysis, gathered run by run: for each point, the mean of each
// output over its replicates. Runs arrive packed as the sweep's summary packs them (a point,
// a status code, the numeric metrics), from the worker threads or from a results file read back.
import {planHorizon} from '../sweep/plan.js';
import type {Value} from '../sweep/output.js';
import {SummaryLayout} from '../sweep/summary.js';
import {STATUSES} from '../sweep/row-check.js';
import type {SensitivityPlan} from './plan.js';

export interface Output {
  /** As tables and files name it: a metric, or status=<outcome> for an indicator. */
  name: string;
  /** The metric column it reads. */
  metric: string;
  /** For an indicator, the status code it is 1 for (0 otherwise); null for a numeric metric. */
  status: number | null;
}

/** The outputs a spec asks for: status becomes one 0/1 indicator per outcome. */
export function outputsOf(plan: SensitivityPlan): Output[] {
  return plan.spec.outputs.flatMap((metric): Output[] =>
    metric === 'status' ? STATUSES.map((s, i) => ({name: `status=${s}`, metric, status: i})) : [{name: metric, metric, status: null}],
  );
}

export class OutputTable {
  readonly outputs: Output[];
  private readonly layout: SummaryLayout;
  private readonly at: number[];
  private readonly sums: Float64Array;
  private readonly counts: Uint32Array;
  /** Runs with no value of the output (a stall risk where talks never met). */
  readonly missing: Uint32Array;
  private readonly horizon: (point: number) => number;
  private readonly points: number;

  constructor(readonly plan: SensitivityPlan) {
    const sweep = plan.sweep;
    this.outputs = outputsOf(plan);
    this.layout = new SummaryLayout(sweep.columns);
    this.at = this.outputs.map((o) => (o.status === null ? 2 + this.layout.metrics.indexOf(o.metric) : 1));
    this.points = sweep.design.size;
    this.sums = new Float64Array(this.points * this.outputs.length);
    this.counts = new Uint32Array(this.points);
    this.missing = new Uint32Array(this.outputs.length);
    const fixed = planHorizon(sweep);
    const days = sweep.params.indexOf('days');
    this.horizon = fixed !== null ? () => fixed : (point) => Number(sweep.design.value(point, days));
  }

  /** Runs packed in the summary's layout (sweep/summary.ts SummaryLayout). */
  addPacked(packed: Float64Array): void {
    const w = this.layout.width;
    const n = this.outputs.length;
    for (let r = 0; r + w <= packed.length; r += w) {
      const point = packed[r]!;
      this.counts[point]!++;
      for (let o = 0; o < n; o++) {
        const out = this.outputs[o]!;
        let v = packed[r + this.at[o]!]!;
        if (out.status !== null) v = v === out.status ? 1 : 0;
        else if (Number.isNaN(v)) {
          // A run that did not complete counts as completing the day after it ended (censored).
          if (out.metric !== 'completionDay') {
            this.missing[o]!++;
            continue;
          }
          v = this.horizon(point) + 1;
        }
        this.sums[point * n + o]! += v;
      }
    }
  }

  /** A row as read back from a results file, in the plan's column order. */
  addRow(values: readonly Value[]): void {
    this.addPacked(this.layout.pack([values]));
  }

  /** Points whose replicates have not all been added: 0 once every run is in. */
  get incomplete(): number {
    let n = 0;
    for (let p = 0; p < this.points; p++) if (this.counts[p] !== this.plan.spec.replicates) n++;
    return n;
  }

  /** The output's mean over the replicates, point by point. */
  means(output: number): Float64Array {
    const n = this.outputs.length;
    const out = new Float64Array(this.points);
    for (let p = 0; p < this.points; p++) out[p] = this.sums[p * n + output]! / this.counts[p]!;
    return out;
  }
}
