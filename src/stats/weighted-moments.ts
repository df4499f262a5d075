// Weighted means, standard deviations and covariances of a weighted sample: the summaries of an
// ABC-SMC population (src/stats/abc-smc.ts) and the scale of its kernel (abc-kernel.ts). The
// moments are those of the weighted empirical distribution (divided by the total weight, with no
// small-sample correction): that distribution is what the kernel is fitted to and what a report
// describes, and the correction 1 / (1 − Σw²) would be below 1/ESS anyway.

/** Refuses weights that are not finite, ≥ 0 and of positive total, or not one a value; returns the total. */
export function weightTotal(caller: string, weights: ArrayLike<number>, values: number): number {
  if (weights.length !== values) throw new RangeError(`${caller}: expected one weight a value (${values}), got ${weights.length}`);
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`${caller}: weights must be finite and ≥ 0, got ${w} at ${i}`);
    total += w;
  }
  if (!(total > 0)) throw new RangeError(`${caller}: the weights sum to ${total}; need a positive total`);
  return total;
}

/** Σ w x / Σ w. */
export function weightedMean(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  const total = weightTotal('weightedMean', weights, values.length);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += weights[i]! * values[i]!;
  return sum / total;
}

/** √(Σ w (x − mean)² / Σ w). */
export function weightedSd(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  const mean = weightedMean(values, weights);
  const total = weightTotal('weightedSd', weights, values.length);
  let ss = 0;
  for (let i = 0; i < values.length; i++) ss += weights[i]! * (values[i]! - mean) ** 2;
  return Math.sqrt(ss / total);
}

/**
 * The dims × dims weighted covariance (row-major) of the rows of `theta` (rows × dims,
 * row-major, one weight a row). Two passes, mean first, so that a location far from 0 costs no
 * precision.
 */
export function weightedCovariance(theta: ArrayLike<number>, dims: number, weights: ArrayLike<number>): Float64Array {
  if (!Number.isInteger(dims) || dims < 1 || theta.length % dims !== 0) throw new RangeError(`weightedCovariance: ${theta.length} values are not rows of ${dims}`);
  const rows = theta.length / dims;
  const total = weightTotal('weightedCovariance', weights, rows);
  const mean = new Float64Array(dims);
  for (let r = 0; r < rows; r++) for (let i = 0; i < dims; i++) mean[i] = mean[i]! + weights[r]! * theta[r * dims + i]!;
  for (let i = 0; i < dims; i++) mean[i] = mean[i]! / total;
  const cov = new Float64Array(dims * dims);
  const d = new Float64Array(dims);
  for (let r = 0; r < rows; r++) {
    const w = weights[r]!;
    if (w === 0) continue;
    for (let i = 0; i < dims; i++) d[i] = theta[r * dims + i]! - mean[i]!;
    for (let i = 0; i < dims; i++) for (let j = 0; j <= i; j++) cov[i * dims + j] = cov[i * dims + j]! + w * d[i]! * d[j]!;
  }
  for (let i = 0; i < dims; i++) {
    for (let j = 0; j <= i; j++) {
      const c = cov[i * dims + j]! / total;
      cov[i * dims + j] = c;
      cov[j * dims + i] = c;
    }
  }
  return cov;
}
