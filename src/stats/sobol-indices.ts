// First-order and total Sobol indices from the outputs of a Saltelli design (src/stats/saltelli.ts),
// with bootstrap percentile intervals (docs/sensitivity.md §"Sobol indices"):
//   V     = variance of f(A) and f(B) pooled,
//   S1_i  = mean_j f(B)_j (f(A_B^(i))_j - f(A)_j) / V          (Saltelli et al. 2010),
//   ST_i  = mean_j (f(A)_j - f(A_B^(i))_j)^2 / (2V)             (Jansen 1999).
// Both sums vanish term by term for an input the function ignores (f(A_B^(i)) = f(A)), so such an
// input gets exactly 0, not 0 plus noise as with estimators that subtract a squared mean.
import {bootstrapSettings, drawIndices, percentileInterval, referenceOf, type BootstrapOptions} from './bootstrap.js';

export interface SobolIndex {
  s1: number;
  s1Lo: number;
  s1Hi: number;
  st: number;
  stLo: number;
  stHi: number;
  /** With options.reference: the interval of ST minus the reference input's ST. */
  diffLo?: number;
  diffHi?: number;
}

/** Bootstrap resamples of the rows and the confidence of the intervals. */
export type SobolOptions = BootstrapOptions;

export interface SobolResult {
  /** Total variance of the output (pooled f(A), f(B)). */
  variance: number;
  /** One per input, in the order of `fAB`. */
  indices: SobolIndex[];
}

/**
 * Indices and intervals from f(A), f(B) and f(A_B^(i)) (each of length N). The bootstrap resamples
 * the row index j with `next` (uniform in [0, 1)) and recomputes V and every index from the same
 * resampled rows, so the intervals keep the estimators' correlation. A constant output has no
 * variance to apportion: every index is 0.
 */
export function sobolIndices(fA: Float64Array, fB: Float64Array, fAB: readonly Float64Array[], next: () => number, options: SobolOptions = {}): SobolResult {
  const n = fA.length;
  const k = fAB.length;
  if (n < 2) throw new RangeError(`sobolIndices: need at least 2 rows, got ${n}`);
  if (fB.length !== n || fAB.some((f) => f.length !== n)) throw new RangeError(`sobolIndices: f(A), f(B) and every f(A_B^(i)) must have ${n} rows`);
  const {resamples, confidence} = bootstrapSettings('sobolIndices', options);

  const point = new Float64Array(2 * k);
  const variance = estimate(fA, fB, fAB, null, point);

  // boot[(2i) * R + r] is S1_i of resample r, boot[(2i + 1) * R + r] its ST_i.
  const boot = new Float64Array(2 * k * resamples);
  const rows = new Int32Array(n);
  const one = new Float64Array(2 * k);
  for (let r = 0; r < resamples; r++) {
    drawIndices(rows, n, next);
    estimate(fA, fB, fAB, rows, one);
    for (let s = 0; s < 2 * k; s++) boot[s * resamples + r] = one[s]!;
  }

  const ref = referenceOf('sobolIndices', options, k);
  const stDraws = (i: number): Float64Array => boot.subarray((2 * i + 1) * resamples, (2 * i + 2) * resamples);
  // Differences first: percentileInterval sorts the draws in place.
  const diffs = ref === null ? null : Array.from({length: k}, (_, i) => stDraws(i).map((x, r) => x - stDraws(ref)[r]!));
  const interval = (s: number): [number, number] => percentileInterval(boot.subarray(s * resamples, (s + 1) * resamples), confidence);
  const indices = Array.from({length: k}, (_, i): SobolIndex => {
    const [s1Lo, s1Hi] = interval(2 * i);
    const [stLo, stHi] = interval(2 * i + 1);
    const index = {s1: point[2 * i]!, s1Lo, s1Hi, st: point[2 * i + 1]!, stLo, stHi};
    if (!diffs) return index;
    const [diffLo, diffHi] = percentileInterval(diffs[i]!, confidence);
    return {...index, diffLo, diffHi};
  });
  return {variance, indices};
}

/** The mean and variance of f(A) and f(B) pooled (2N values), over the rows `at(0)` … `at(N − 1)`. */
export function pooledMoments(fA: Float64Array, fB: Float64Array, at: (j: number) => number): {mean: number; v: number} {
  const n = fA.length;
  let sum = 0;
  for (let j = 0; j < n; j++) sum += fA[at(j)]! + fB[at(j)]!;
  const mean = sum / (2 * n);
  let ss = 0;
  for (let j = 0; j < n; j++) {
    const da = fA[at(j)]! - mean;
    const db = fB[at(j)]! - mean;
    ss += da * da + db * db;
  }
  return {mean, v: ss / (2 * n)};
}

/** Writes S1_i, ST_i into out[2i], out[2i + 1] over the rows `rows` (all rows when null); returns V. */
function estimate(fA: Float64Array, fB: Float64Array, fAB: readonly Float64Array[], rows: Int32Array | null, out: Float64Array): number {
  const n = fA.length;
  const at = rows ? (j: number) => rows[j]! : (j: number) => j;
  const {v} = pooledMoments(fA, fB, at);
  for (let i = 0; i < fAB.length; i++) {
    const fi = fAB[i]!;
    let first = 0;
    let total = 0;
    for (let j = 0; j < n; j++) {
      const p = at(j);
      const d = fi[p]! - fA[p]!;
      first += fB[p]! * d;
      total += d * d;
    }
    out[2 * i] = v > 0 ? first / n / v : 0;
    out[2 * i + 1] = v > 0 ? total / n / (2 * v) : 0;
  }
  return v;
}
