// The calibration as markdown: the tables and the verdict sentences of docs/calibration.md,
// written from the numbers alone, so the page says "better" or "worse" only where they do.
import {SIDES, type Side} from '../history/schema.js';
import {formatIsoDate, parseIsoDate} from '../sim/calendar.js';
import type {EnsembleScore, ForecastScore, GridParam} from './calibrate.js';
import type {Calibration} from './calibrate-2020.js';
import type {Distribution} from './milestones.js';

/** The generated block of docs/calibration.md sits between these lines (`npm run calibrate -- --write`). */
export const BLOCK_START = '<!-- npm run calibrate: start -->';
export const BLOCK_END = '<!-- npm run calibrate: end -->';

const NAME: Record<Side, string> = {government: 'government', taliban: 'Taliban'};
const f3 = (x: number): string => x.toFixed(3);
const int = (x: number): string => Math.round(x).toLocaleString('en-US');
const signed = (x: number): string => (Math.round(x) > 0 ? `+${int(x)}` : int(x));

/** "better than" / "worse than" / "as good as", on the printed precision (lower is better). */
export function versus(a: number, b: number): string {
  const d = Number(f3(a)) - Number(f3(b));
  return d < 0 ? 'better than' : d > 0 ? 'worse than' : 'as good as';
}

/** A grid in words: "50 to 200 in steps of 10", or the values when unevenly spaced. */
export function describeGrid(values: readonly number[]): string {
  if (values.length < 3) return values.join(', ');
  const step = values[1]! - values[0]!;
  const even = values.every((v, i) => i === 0 || Math.abs(v - values[i - 1]! - step) < 1e-9);
  return even ? `${values[0]} to ${values.at(-1)} in steps of ${Number(step.toFixed(6))}` : values.join(', ');
}

const seeds = (s: {prefix: string; count: number}): string => `${s.count} seeds ${s.prefix}-0 … ${s.prefix}-${s.count - 1}`;

export function calibrationMarkdown(c: Calibration): string {
  const date = (day: number): string => formatIsoDate(parseIsoDate(c.start)! + day);
  const count = (side: Side, set: 'inSample' | 'outOfSample'): number => c.observations[set][side].length;
  const lastObs = (side: Side) => c.observations.outOfSample[side].at(-1)!;
  const out: string[] = [];

  out.push('### The parameters', '');
  out.push('| parameter | grid searched | before | after |', '|---|---|---:|---:|');
  c.params.forEach((p: GridParam, i) => out.push(`| \`${p.path}\` | ${describeGrid(p.values)} | ${c.before[i]} | ${c.after[i]} |`));
  out.push('');
  out.push(
    `Objective: the mean over the ${seeds(c.fitSeeds)} of the mean of the two sides' log-RMSE at the observed dates up to ${c.cutoff.date} (day ${c.cutoff.day}). ` +
      `Before: ${f3(c.objective.before)}; after: ${f3(c.objective.after)}. The search evaluated ${c.search.evaluations} points in ${c.search.cycles} passes.`,
  );
  out.push('', 'The calibrated scenario on the command line:', '', '```', `parley run ${c.scenario} ${c.overrides.map((o) => `--set ${o}`).join(' ')}`, '```', '');

  const ens = (label: string, e: EnsembleScore): string[] => [
    `| ${label}, median path | ${f3(e.median.logRmse.government)} | ${f3(e.median.logRmse.taliban)} |`,
    `| ${label}, mean over runs | ${f3(e.perSeedMean.logRmse.government)} | ${f3(e.perSeedMean.logRmse.taliban)} |`,
  ];
  out.push(`### In sample: the observations up to ${c.cutoff.date} (government ${count('government', 'inSample')}, Taliban ${count('taliban', 'inSample')})`, '');
  out.push(`Log-RMSE on the ${seeds(c.evalSeeds)} (not the fit seeds).`, '');
  out.push('| model | government | Taliban |', '|---|---:|---:|', ...ens('calibrated', c.inSample.calibrated), ...ens('before calibration', c.inSample.before), '');

  const g = lastObs('government');
  const t = lastObs('taliban');
  out.push(
    `### Out of sample: the observations after ${c.cutoff.date}, to the end of the record on ${c.end} (government ${count('government', 'outOfSample')}, Taliban ${count('taliban', 'outOfSample')})`,
    '',
  );
  out.push(
    `Log-RMSE over those dates, and the error (forecast minus observed, in prisoners) on each side's last observed date; on the "mean over runs" rows, the mean absolute error. Model rows use the ${seeds(c.evalSeeds)}.`,
    '',
  );
  out.push(`| forecast | government | error on ${date(g.day)} (${int(g.cumulative)}) | Taliban | error on ${date(t.day)} (${int(t.cumulative)}) |`, '|---|---:|---:|---:|---:|');
  const row = (label: string, s: ForecastScore, abs = false): string => {
    const e = (x: number): string => (abs ? int(x) : signed(x));
    return `| ${label} | ${f3(s.logRmse.government)} | ${e(s.lastError.government)} | ${f3(s.logRmse.taliban)} | ${e(s.lastError.taliban)} |`;
  };
  const o = c.outOfSample;
  const rate = c.baseline.rate;
  out.push(
    row('calibrated model, median path', o.calibrated.median),
    row('calibrated model, mean over runs', o.calibrated.perSeedMean, true),
    row(`calibrated model without the scheduled events after ${c.cutoff.date}, median path`, o.calibratedNoLaterEvents.median),
    row(`calibrated model without the scheduled events after ${c.cutoff.date}, mean over runs`, o.calibratedNoLaterEvents.perSeedMean, true),
    row('before calibration, median path', o.before.median),
    row('before calibration, mean over runs', o.before.perSeedMean, true),
    row(
      `naive: the rate up to ${c.cutoff.date} continued (${rate.government.toFixed(1)} a day government, ${rate.taliban.toFixed(1)} Taliban; capped at ${int(c.baseline.cap.government)} and ${int(c.baseline.cap.taliban)})`,
      o.rateContinued,
    ),
    row(`naive: nothing more after ${c.cutoff.date} (the last value carried forward)`, o.persistence),
    '',
  );
  const done = (label: string, d: Distribution): string =>
    `| ${label} | ${Math.round(100 * d.share)}% | ${d.median === null ? '—' : `${d.median} [${d.p10}–${d.p90}]`} |`;
  out.push(`### The end of the exchange`, '');
  out.push(`The day the exchange completed (day 0 = ${c.start}): in 2020 the last prisoners went into custody abroad; in the model, the share of runs that complete within the scenario's ${c.horizon} days, and the day in those runs.`, '');
  out.push('| | complete | day: median [10%–90%] |', '|---|---:|---:|');
  out.push(`| 2020 | | ${c.complete.observed.day} (${c.complete.observed.date}) |`);
  out.push(
    done('calibrated model', c.complete.calibrated),
    done(`calibrated model without the scheduled events after ${c.cutoff.date}`, c.complete.calibratedNoLaterEvents),
    done('before calibration', c.complete.before),
    '',
  );
  out.push('### Verdict', '', ...verdict(c));
  return `${out.join('\n')}\n`;
}

/** One sentence group per side out of sample, and one on the fit: comparisons worded from the numbers. */
export function verdict(c: Calibration): string[] {
  const o = c.outOfSample;
  const lines: string[] = [];
  for (const side of SIDES) {
    const model = o.calibrated.median.logRmse[side];
    const run = o.calibrated.perSeedMean.logRmse[side];
    const rate = o.rateContinued.logRmse[side];
    const flat = o.persistence.logRmse[side];
    const noLater = o.calibratedNoLaterEvents.median.logRmse[side];
    const before = o.before.median.logRmse[side];
    lines.push(
      `- **${NAME[side][0]!.toUpperCase()}${NAME[side].slice(1)} releases after ${c.cutoff.date}.** ` +
        `The calibrated model's median path (log-RMSE ${f3(model)}) does ${versus(model, rate)} the rate continued (${f3(rate)}) and ${versus(model, flat)} nothing more (${f3(flat)}). ` +
        `A single run (mean ${f3(run)}) does ${versus(run, rate)} the rate continued. ` +
        `Without the scheduled events after ${c.cutoff.date} the median path scores ${f3(noLater)}. ` +
        `The values before calibration scored ${f3(before)}: calibration made this side ${versus(model, before).replace(' than', '').replace('as good as', 'no better or worse')} out of sample.`,
    );
  }
  const k = c.complete;
  const when = (d: Distribution): string => `${Math.round(100 * d.share)}% of runs, median day ${d.median ?? '—'}`;
  const gap = (d: Distribution): number => Math.abs((d.median ?? Infinity) - k.observed.day);
  lines.push(
    `- **The end of the exchange.** In 2020 it completed on day ${k.observed.day}. The calibrated model completes in ${when(k.calibrated)}; before calibration, ${when(k.before)}: ` +
      `calibration moved the median completion day ${gap(k.calibrated) < gap(k.before) ? 'closer to' : gap(k.calibrated) > gap(k.before) ? 'further from' : 'no closer to'} 2020.`,
  );
  const i = c.inSample;
  lines.push(
    `- **In sample.** Calibration moves the objective from ${f3(c.objective.before)} to ${f3(c.objective.after)} on the fit seeds; on the evaluation seeds the median path's log-RMSE goes from ${f3(i.before.median.logRmse.government)} to ${f3(i.calibrated.median.logRmse.government)} (government) and from ${f3(i.before.median.logRmse.taliban)} to ${f3(i.calibrated.median.logRmse.taliban)} (Taliban).`,
  );
  return lines;
}
