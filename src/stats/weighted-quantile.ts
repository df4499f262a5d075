// The quantile of a weighted sample by nearest rank: the smallest value whose cumulative weight
// reaches q of the total. Always one of the values, as src/stats/nearest-rank.ts is, and equal to
// it when the weights are equal; a value of weight 0 is never returned.
import {weightTotal} from './weighted-moments.js';

/**
 * Slack on "reaches": normalised weights such as 1/10 sum to 0.30000000000000004 or to
 * 0.29999999999999993 by the order of the additions, and either must count as 3/10.
 */
const SLACK = 1e-12;

export function weightedQuantile(values: ArrayLike<number>, weights: ArrayLike<number>, q: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`weightedQuantile: q must be in [0, 1], got ${q}`);
  const total = weightTotal('weightedQuantile', weights, values.length);
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) throw new RangeError(`weightedQuantile: value ${i} is NaN`);
  const order = Array.from({length: values.length}, (_, i) => i)
    .filter((i) => weights[i]! > 0)
    .sort((i, j) => values[i]! - values[j]! || i - j);
  const target = q * total * (1 - SLACK);
  let cumulative = 0;
  for (const i of order) {
    cumulative += weights[i]!;
    if (cumulative >= target) return values[i]!;
  }
  return values[order[order.length - 1]!]!;
}
