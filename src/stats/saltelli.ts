// The Saltelli sampling design for Sobol indices on the unit cube [0, 1)^k (Saltelli et al. 2010;
// docs/sensitivity.md §"Sobol indices"). Plain (pseudo-)random sampling from the caller's uniform
// source, not a Sobol' low-discrepancy sequence: the source is the caller's, so a design is
// reproducible from its seed and src/stats needs no generator of its own.
//
// Matrices are flat row-major Float64Arrays: row j, column i is at j * k + i.

export interface SaltelliDesign {
  /** Base sample size N (rows of every matrix). */
  readonly n: number;
  /** Number of inputs k (columns). */
  readonly k: number;
  readonly a: Float64Array;
  readonly b: Float64Array;
  /** A_B^(i): A with column i taken from B, for each input i. */
  readonly ab: readonly Float64Array[];
  /** B_A^(i): B with column i taken from A; only with `secondOrder`. */
  readonly ba?: readonly Float64Array[];
}

/** Model runs a design needs: N(k + 2), or N(2k + 2) with the second-order matrices. */
export function saltelliRuns(n: number, k: number, secondOrder = false): number {
  return n * ((secondOrder ? 2 * k : k) + 2);
}

/**
 * Draws A and B row by row (row j of A, then row j of B), so the first N rows of a bigger design
 * from the same source are the design of size N: the convergence of an index as N grows reads
 * prefixes of one sample instead of drawing a new one per N.
 */
export function saltelli(n: number, k: number, next: () => number, secondOrder = false): SaltelliDesign {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`saltelli: N must be a positive integer, got ${n}`);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`saltelli: k must be a positive integer, got ${k}`);
  const a = new Float64Array(n * k);
  const b = new Float64Array(n * k);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < k; i++) a[j * k + i] = next();
    for (let i = 0; i < k; i++) b[j * k + i] = next();
  }
  const ab = Array.from({length: k}, (_, i) => withColumn(a, b, k, i));
  if (!secondOrder) return {n, k, a, b, ab};
  return {n, k, a, b, ab, ba: Array.from({length: k}, (_, i) => withColumn(b, a, k, i))};
}

/** A copy of `base` with column i taken from `from`. */
function withColumn(base: Float64Array, from: Float64Array, k: number, i: number): Float64Array {
  const m = base.slice();
  for (let p = i; p < m.length; p += k) m[p] = from[p]!;
  return m;
}
