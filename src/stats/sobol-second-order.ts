// Second-order Sobol indices from a Saltelli design with its B_A matrices (saltelli(…, true)),
// with bootstrap percentile intervals (docs/sensitivity.md §"Sobol indices"):
//   V_ij^c = mean_r (f(B_A^(i))_r f(A_B^(j))_r − f(A)_r f(B)_r) / V     (Saltelli 2002, eq. 12),
//   S2_ij  = V_ij^c − S1_i − S1_j,
// with V and S1 as in sobol-indices.ts. S2_ij is the share of the variance that x_i and x_j
// explain together beyond what each explains alone. Every output is centred on the mean of f(A)
// and f(B) first: the estimator is unchanged in expectation, and a large mean no longer
// multiplies the noise of the products (on f = x1·x2 + x3, mean 0.75, uncentred products left
// S2 with errors of 0.05 at N = 20,000).
import {bootstrapSettings, drawIndices, percentileInterval, type BootstrapOptions} from './bootstrap.js';
import {pooledMoments} from './sobol-indices.js';

export interface PairIndex {
  i: number;
  j: number;
  s2: number;
  lo: number;
  hi: number;
}

/** S2 of every pair i < j, in the order (0,1), (0,2), …, (k−2,k−1). A constant output gives 0 everywhere. */
export function secondOrderIndices(fA: Float64Array, fB: Float64Array, fAB: readonly Float64Array[], fBA: readonly Float64Array[], next: () => number, options: BootstrapOptions = {}): PairIndex[] {
  const n = fA.length;
  const k = fAB.length;
  if (n < 2) throw new RangeError(`secondOrderIndices: need at least 2 rows, got ${n}`);
  if (fBA.length !== k) throw new RangeError(`secondOrderIndices: need one f(B_A^(i)) per input (${k}), got ${fBA.length}`);
  if (fB.length !== n || [...fAB, ...fBA].some((f) => f.length !== n)) throw new RangeError(`secondOrderIndices: every output must have ${n} rows`);
  const {resamples, confidence} = bootstrapSettings('secondOrderIndices', options);
  const pairs = (k * (k - 1)) / 2;
  const point = new Float64Array(pairs);
  estimate(fA, fB, fAB, fBA, null, point);
  const boot = new Float64Array(pairs * resamples);
  const rows = new Int32Array(n);
  const one = new Float64Array(pairs);
  for (let r = 0; r < resamples; r++) {
    drawIndices(rows, n, next);
    estimate(fA, fB, fAB, fBA, rows, one);
    for (let p = 0; p < pairs; p++) boot[p * resamples + r] = one[p]!;
  }
  const out: PairIndex[] = [];
  let p = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++, p++) {
      const [lo, hi] = percentileInterval(boot.subarray(p * resamples, (p + 1) * resamples), confidence);
      out.push({i, j, s2: point[p]!, lo, hi});
    }
  }
  return out;
}

/** Writes S2 of every pair into `out` over the rows `rows` (all rows when null). */
function estimate(fA: Float64Array, fB: Float64Array, fAB: readonly Float64Array[], fBA: readonly Float64Array[], rows: Int32Array | null, out: Float64Array): void {
  const n = fA.length;
  const k = fAB.length;
  const at = rows ? (r: number) => rows[r]! : (r: number) => r;
  const {mean, v} = pooledMoments(fA, fB, at);
  let ab = 0;
  for (let r = 0; r < n; r++) ab += (fA[at(r)]! - mean) * (fB[at(r)]! - mean);
  if (!(v > 0)) {
    out.fill(0);
    return;
  }
  const s1 = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let first = 0;
    for (let r = 0; r < n; r++) first += (fB[at(r)]! - mean) * (fAB[i]![at(r)]! - fA[at(r)]!);
    s1[i] = first / n / v;
  }
  let p = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++, p++) {
      let cross = 0;
      for (let r = 0; r < n; r++) cross += (fBA[i]![at(r)]! - mean) * (fAB[j]![at(r)]! - mean);
      out[p] = (cross - ab) / n / v - s1[i]! - s1[j]!;
    }
  }
}
