// The Cholesky factor of a symmetric positive definite matrix, for the ABC-SMC kernel
// (src/stats/abc-kernel.ts): a correlated normal draw is L z, and a quadratic form dᵀ Σ⁻¹ d is
// |L⁻¹ d|², one forward substitution, with no inverse formed. Matrices are n × n, row-major.

/**
 * A pivot this small beside its diagonal entry means the matrix is singular to working
 * precision: the factor would exist but amplify rounding by 10^6 or more in L⁻¹.
 */
const RELATIVE_PIVOT = 1e-12;

/** The lower-triangular L with L Lᵀ = a, or null when a is not (numerically) positive definite. */
export function cholesky(a: ArrayLike<number>, n: number): Float64Array | null {
  if (a.length !== n * n) throw new RangeError(`cholesky: expected ${n * n} entries for ${n} × ${n}, got ${a.length}`);
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let pivot = a[j * n + j]!;
    for (let k = 0; k < j; k++) pivot -= l[j * n + k]! * l[j * n + k]!;
    if (!(pivot > RELATIVE_PIVOT * a[j * n + j]!) || !Number.isFinite(pivot)) return null;
    const d = Math.sqrt(pivot);
    l[j * n + j] = d;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = s / d;
    }
  }
  return l;
}

/** |L⁻¹ d|² for the lower-triangular n × n factor `l`, solving L y = d into `scratch` (length n). */
export function solvedNormSquared(l: Float64Array, n: number, d: ArrayLike<number>, scratch: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let s = d[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * scratch[k]!;
    const y = s / l[i * n + i]!;
    scratch[i] = y;
    sum += y * y;
  }
  return sum;
}
