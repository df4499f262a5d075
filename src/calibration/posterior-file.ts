// The posterior sample as a file: `particle,weight,<--set path>…`, one row a particle of the
// last population, the values those the model ran with (whole numbers rounded), after a comment
// line saying where it came from. `parley run --posterior` and sweeps read it back.
import {stringify} from 'csv-stringify/sync';
import type {Population} from '../stats/abc-smc.js';
import {runValue, type CalibrationPlan} from './plan.js';

export function posteriorCsv(plan: CalibrationPlan, population: Population, comment: string): string {
  const k = population.dims;
  const rows: (string | number)[][] = [['particle', 'weight', ...plan.params.map((p) => p.path)]];
  for (let i = 0; i < population.weights.length; i++) {
    rows.push([i, population.weights[i]!, ...plan.params.map((p, j) => runValue(p, population.theta[i * k + j]!))]);
  }
  return `${comment.replace(/\n/g, ' ')}\n${stringify(rows)}`;
}
