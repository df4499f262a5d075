// A calibration's report as plain text: the tolerance schedule, the posterior's marginals (with
// a text histogram over each prior's range) and its strongest correlations, then the posterior
// predictive check beside the baselines, per side, and the verdict.
import type {CalibrationReport} from '../calibration/report.js';
import type {EnsembleScores, PointScores} from '../analysis/forecast-score.js';
import {SIDES, type Side} from '../history/schema.js';
import {groupDigits} from '../fmt/group-digits.js';
import {shortName, sig} from './sensitivity-table.js';

const BLOCKS = ' ▁▂▃▄▅▆▇█';
/** Correlations shown: those at least this strong. */
const STRONG = 0.3;

const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - s.length));
const lpad = (s: string, n: number): string => ' '.repeat(Math.max(0, n - s.length)) + s;
const pct = (x: number): string => `${Math.round(100 * x)}%`;
const sideName = (side: Side): string => (side === 'government' ? 'Government' : 'Taliban');

/** A histogram as one character a bin, scaled to its largest bin. */
export function histogramBar(weights: readonly number[]): string {
  const top = Math.max(...weights);
  return weights.map((w) => (top > 0 ? BLOCKS[Math.round((w / top) * (BLOCKS.length - 1))]! : ' ')).join('');
}

const table = (rows: string[][], right: readonly boolean[]): string[] => {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (right[c] ? lpad(cell, widths[c]!) : pad(cell, widths[c]!))).join('  ').trimEnd());
};

export function formatCalibration(r: CalibrationReport): string {
  const lines: string[] = [];
  const fitted = SIDES.map((s) => `${r.observed.fitted[s]} ${s}`).join(' and ');
  const held = SIDES.map((s) => `${r.observed.heldOut[s]} ${s}`).join(' and ');
  lines.push(`${r.name}: ABC-SMC on ${r.scenario}, fitted to ${r.history} up to ${r.information.date} (day ${r.information.day}); seed ${r.seed}, ${groupDigits(r.runs)} runs`);
  lines.push(`Fitted: ${fitted} ${r.observed.basis === 'reported' ? 'reported ' : ''}totals on or before ${r.information.date}; scored: ${held} after it.`);
  lines.push('');
  lines.push(
    ...table(
      [['generation', 'runs', 'tolerance', 'acceptance', 'ESS'], ...r.generations.map((g) => [String(g.generation), groupDigits(g.runs), g.epsilon.toFixed(4), pct(g.acceptance), groupDigits(Math.round(g.ess))])],
      [false, true, true, true, true],
    ),
  );
  lines.push('');
  lines.push(`Posterior: ${groupDigits(r.posterior.particles)} particles, effective sample size ${groupDigits(Math.round(r.posterior.ess))}; histograms over each prior's range`);
  lines.push(
    ...table(
      [
        ['parameter', 'prior', 'mean', 'sd', '5%', '50%', '95%', 'histogram'],
        ...r.posterior.marginals.map((m) => {
          const prior = m.prior.kind === 'uniform' ? `U(${sig(m.prior.lo)}, ${sig(m.prior.hi)})` : `N(${sig(m.prior.mean)}, ${sig(m.prior.sd)})`;
          return [shortName(m.path), prior, sig(m.mean), sig(m.sd), sig(m.q05), sig(m.q50), sig(m.q95), `|${histogramBar(m.histogram.weights)}|`];
        }),
      ],
      [false, false, true, true, true, true, true, false],
    ),
  );
  const pairs: string[] = [];
  const names = r.posterior.marginals.map((m) => shortName(m.path));
  r.posterior.correlation.forEach((row, a) => row.forEach((c, b) => b > a && Math.abs(c) >= STRONG && pairs.push(`${names[a]} × ${names[b]} ${c >= 0 ? '+' : ''}${c.toFixed(2)}`)));
  lines.push(`Correlations of |r| ≥ ${STRONG}: ${pairs.length === 0 ? 'none' : pairs.join('; ')}`);
  lines.push('');
  const p = r.predictive;
  lines.push(`Posterior predictive check: ${groupDigits(p.draws)} runs (one posterior draw each), scored on the record after ${r.information.date}; ${pct(p.complete.share)} complete${p.complete.medianDay === null ? '' : `, median day ${p.complete.medianDay}`}`);
  for (const side of SIDES) {
    const m = p.model[side];
    if (!m) continue;
    lines.push('');
    lines.push(`${sideName(side)} releases (${m.all.n} held-out points; CRPS and WIS in prisoners, lower is better)`);
    const row = (name: string, s: PointScores, e: EnsembleScores | null): string[] => [name, e ? pct(e.coverage50) : '', e ? pct(e.coverage80) : '', sig(s.crps), sig(s.wis), s.logRmse.toFixed(3)];
    const single = p.singleRun[side];
    lines.push(
      ...table(
        [
          ['forecast', 'in 50%', 'in 80%', 'CRPS', 'WIS', 'log-RMSE'],
          row('model, posterior predictive (log-RMSE: its median path)', m.all, m.all),
          ['model, a single run (mean log-RMSE)', '', '', '', '', single === null ? '' : single.toFixed(3)],
          ...p.baselines.map((b) => row(b.name, b.scores[side]!.all, null)),
        ],
        [false, true, true, true, true, true],
      ),
    );
    lines.push(`  by horizon (days after ${r.information.date}): ${m.byHorizon.map((h) => `${h.bucket.label}: n ${h.scores.n}, in 80% ${pct(h.scores.coverage80)}, CRPS ${sig(h.scores.crps)}`).join('; ')}`);
    lines.push(`  PIT histogram (10 bins, flat when calibrated): |${histogramBar(m.all.pit)}| ${m.all.pit.join(' ')}`);
  }
  lines.push('');
  lines.push(...r.verdict);
  return lines.join('\n');
}
