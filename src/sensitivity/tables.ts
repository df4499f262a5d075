// The analysis as tidy tables for pandas, R or DuckDB: one row per output and factor (the
// indices), and one per output, factor and design size (the convergence). The seed is a factor
// like the others, named "seed", with an empty inert cell.
import {formatRows, headerText, type Format, type Value} from '../sweep/output.js';
import type {Analysis} from './analyse.js';

const MORRIS_COLUMNS = ['output', 'factor', 'mu_star', 'mu_star_lo', 'mu_star_hi', 'mu', 'sigma', 'inert'];
const SOBOL_COLUMNS = ['output', 'factor', 'st', 'st_lo', 'st_hi', 's1', 's1_lo', 's1_hi', 'inert'];

export function indicesText(a: Analysis, format: Format): string {
  const columns = a.method === 'morris' ? MORRIS_COLUMNS : SOBOL_COLUMNS;
  const rows: Value[][] = [];
  for (const o of a.outputs) {
    if (o.skipped !== null) continue;
    for (const f of [...o.factors, o.seed!]) {
      const inert = f === o.seed ? null : f.inert;
      rows.push(a.method === 'morris' ? [o.output, f.factor, f.index, f.lo, f.hi, f.mu!, f.sigma!, inert] : [o.output, f.factor, f.index, f.lo, f.hi, f.s1!, f.s1Lo!, f.s1Hi!, inert]);
    }
  }
  return headerText(columns, format) + formatRows(rows, columns, format);
}

export function convergenceText(a: Analysis, format: Format): string {
  const columns = ['output', 'factor', a.method === 'morris' ? 'trajectories' : 'samples', a.method === 'morris' ? 'mu_star' : 'st'];
  const rows: Value[][] = [];
  for (const o of a.outputs) for (const c of o.convergence) for (const [factor, x] of Object.entries(c.index)) rows.push([o.output, factor, c.size, x]);
  return headerText(columns, format) + formatRows(rows, columns, format);
}

/** Second-order Sobol indices, one row per output and pair of parameters (with sobol.secondOrder). */
export function pairsText(a: Analysis, format: Format): string {
  const columns = ['output', 'factor_a', 'factor_b', 's2', 's2_lo', 's2_hi'];
  const rows: Value[][] = [];
  for (const o of a.outputs) for (const p of o.pairs ?? []) rows.push([o.output, p.factors[0], p.factors[1], p.s2, p.lo, p.hi]);
  return headerText(columns, format) + formatRows(rows, columns, format);
}
