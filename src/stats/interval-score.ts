// The interval score of a central prediction interval and the weighted interval score (Bracher
// et al. 2021, PLoS Comput. Biol. 17), the score of the US COVID-19 Forecast Hub. Both are in
// the units of the observation, lower is better, and both reward narrow intervals only when
// they still hold the observation.
import {ensembleQuantile} from './ensemble.js';

/**
 * The interval score of the central (1 − alpha) interval [lower, upper] (Gneiting & Raftery
 * 2007, JASA 102): its width, plus 2/alpha times the distance by which y falls outside it.
 */
export function intervalScore(lower: number, upper: number, alpha: number, y: number): number {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`intervalScore: alpha must be in (0, 1), got ${alpha}`);
  if (!(lower <= upper)) throw new RangeError(`intervalScore: lower ${lower} is above upper ${upper}`);
  return upper - lower + (2 / alpha) * Math.max(0, lower - y) + (2 / alpha) * Math.max(0, y - upper);
}

/** The K = 11 interval levels of Bracher et al. (2021): the 98%, 95%, 90%, 80%, …, 10% central intervals. */
export const WIS_ALPHAS: readonly number[] = [0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/**
 * The weighted interval score of a forecast given by its quantile function:
 *   WIS = (1 / (K + ½)) (½ |y − median| + Σ_k (alpha_k / 2) IS_{alpha_k}),
 * the k-th interval from the alpha_k/2 to the 1 − alpha_k/2 quantile. It equals the mean of the
 * quantile scores at the 2K + 1 levels, so with many evenly spread levels it approaches the CRPS.
 */
export function weightedIntervalScore(quantile: (p: number) => number, y: number, alphas: readonly number[] = WIS_ALPHAS): number {
  if (alphas.length === 0) throw new RangeError('weightedIntervalScore: no interval levels');
  let sum = 0.5 * Math.abs(y - quantile(0.5));
  for (const alpha of alphas) sum += (alpha / 2) * intervalScore(quantile(alpha / 2), quantile(1 - alpha / 2), alpha, y);
  return sum / (alphas.length + 0.5);
}

/** The weighted interval score of an ensemble (ascending), its quantiles by src/stats/ensemble.ts. */
export function ensembleWis(sorted: ArrayLike<number>, y: number, alphas: readonly number[] = WIS_ALPHAS): number {
  return weightedIntervalScore((p) => ensembleQuantile(sorted, p), y, alphas);
}
