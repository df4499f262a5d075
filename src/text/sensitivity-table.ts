// The tables of a sensitivity analysis as plain text: per output, the parameters ranked by mu*
// (Morris) or ST (Sobol) with their intervals and a bar, the seed's own index on the heading
// line as the yardstick, "inert" beside the parameters that do not rise above it; then how the
// index moved as the design grew.
import type {Analysis, FactorIndex, OutputAnalysis} from '../sensitivity/analyse.js';
import {SEED_FACTOR} from '../sensitivity/plan.js';
import {groupDigits} from '../fmt/group-digits.js';

const BAR = 20;
/** Factors shown in a convergence table: the most influential, then the seed. */
const CONVERGENCE_ROWS = 6;
/** Pairs shown of the second-order indices (all are in the JSON and the interactions file). */
const PAIR_ROWS = 5;

/** `agents.government.params.batchSize` → `government.batchSize`: the table's name for a parameter. */
export const shortName = (path: string): string => path.replace(/^agents\.(\w+)\.params\./, '$1.');

/** Three significant figures, no exponent for the sizes a run metric has. */
export function sig(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 100) return groupDigits(Math.round(x));
  if (a < 0.001) return x.toExponential(1);
  return String(Number(x.toPrecision(3)));
}

const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - s.length));
const lpad = (s: string, n: number): string => ' '.repeat(Math.max(0, n - s.length)) + s;
const interval = (lo: number | undefined, hi: number | undefined): string => `[${sig(lo)}, ${sig(hi)}]`;

export function formatSensitivity(a: Analysis): string {
  const size = a.method === 'morris' ? `${groupDigits(a.size)} trajectories, ${a.levels} levels` : `base sample ${groupDigits(a.size)}`;
  const head = `${a.name}: ${a.method === 'morris' ? 'Morris' : 'Sobol'} (${size}, ${a.parameters} parameters, ${a.replicates} replicate${a.replicates === 1 ? '' : 's'} a point: ${groupDigits(a.runs)} runs; ${Math.round(a.confidence * 100)}% bootstrap intervals)`;
  return [head, '', ...a.outputs.flatMap((o) => [...outputTable(a, o), ''])].join('\n');
}

function outputTable(a: Analysis, o: OutputAnalysis): string[] {
  if (o.skipped !== null) return [`${o.output}: not analysed: ${o.skipped}`];
  const seed = o.seed!;
  const morris = a.method === 'morris';
  const idx = morris ? 'mu*' : 'ST';
  const names = o.factors.map((f) => shortName(f.factor));
  const w = Math.max(9, ...names.map((n) => n.length));
  const top = Math.max(seed.index, ...o.factors.map((f) => f.index));
  const bar = (x: number): string => (top > 0 ? '█'.repeat(Math.round((BAR * x) / top)) : '');
  const inertCount = o.factors.filter((f) => f.inert).length;
  const lines = [`${o.output}: ${idx} of changing the seed alone ${sig(seed.index)} ${interval(seed.lo, seed.hi)}; ${inertCount} of ${o.factors.length} parameters inert (not above it)`];
  const cols = morris ? ['mu*', `${Math.round(a.confidence * 100)}% interval`, 'mu', 'sigma'] : ['ST', `${Math.round(a.confidence * 100)}% interval`, 'S1', 'ST−S1'];
  lines.push(`  ${pad('parameter', w)}  ${lpad(cols[0]!, 8)}  ${pad(cols[1]!, 20)}  ${lpad(cols[2]!, 8)}  ${lpad(cols[3]!, 8)}`);
  const row = (f: FactorIndex, name: string): string => {
    const extra = morris ? [sig(f.mu), sig(f.sigma)] : [sig(f.s1), sig(f.index - f.s1!)];
    return `  ${pad(name, w)}  ${lpad(sig(f.index), 8)}  ${pad(interval(f.lo, f.hi), 20)}  ${lpad(extra[0]!, 8)}  ${lpad(extra[1]!, 8)}  ${f.inert ? 'inert' : bar(f.index)}`;
  };
  o.factors.forEach((f, i) => lines.push(row(f, names[i]!)));
  lines.push(row(seed, `(${SEED_FACTOR})`));
  if (o.pairs) {
    const top = o.pairs.slice(0, PAIR_ROWS);
    lines.push(`  strongest pairs (S2, second order)`);
    for (const p of top) lines.push(`  ${pad(`${shortName(p.factors[0])} × ${shortName(p.factors[1])}`, w + 10)}  ${lpad(sig(p.s2), 8)}  ${interval(p.lo, p.hi)}`);
  }
  lines.push(...convergenceTable(a, o, w));
  return lines;
}

function convergenceTable(a: Analysis, o: OutputAnalysis, w: number): string[] {
  if (o.convergence.length < 2) return [];
  const shown = [...o.factors.filter((f) => !f.inert).slice(0, CONVERGENCE_ROWS).map((f) => f.factor), SEED_FACTOR];
  const label = a.method === 'morris' ? 'r' : 'N';
  const lines = [`  ${pad(`${a.method === 'morris' ? 'mu*' : 'ST'} as the design grows`, w)}  ${o.convergence.map((c) => lpad(`${label}=${groupDigits(c.size)}`, 8)).join('  ')}`];
  for (const factor of shown) {
    const cells = o.convergence.map((c) => lpad(sig(c.index[factor]), 8));
    lines.push(`  ${pad(factor === SEED_FACTOR ? `(${SEED_FACTOR})` : shortName(factor), w)}  ${cells.join('  ')}`);
  }
  return lines;
}
