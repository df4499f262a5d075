// The perturbation kernel of ABC-SMC (src/stats/abc-smc.ts): a Gaussian centred on a parent
// particle with twice the weighted covariance of the previous population (Beaumont et al. 2009,
// Biometrika 96, who chose the factor 2 by a Kullback–Leibler argument for near-normal
// populations). The full covariance rather than its diagonal, so that correlated parameters are
// proposed along their ridge. It is kept as its Cholesky factor L: a perturbation is L z, and
// the kernel density at d = θ* − θ_j needs only |L⁻¹ d|².
import {cholesky, solvedNormSquared} from './cholesky.js';
import {standardNormal} from './normal-draw.js';
import {priorScale, type Prior} from './prior.js';
import {weightedCovariance} from './weighted-moments.js';

export interface PerturbationKernel {
  readonly dims: number;
  /** Lower Cholesky factor of the kernel covariance, dims × dims, row-major. */
  readonly chol: Float64Array;
}

/** The particles and weights a kernel is built from: a population's. */
export interface WeightedParticles {
  readonly dims: number;
  /** rows × dims, row-major. */
  readonly theta: Float64Array;
  readonly weights: Float64Array;
}

/**
 * The guard's variance, as a share of each prior's width squared: (10⁻³ of the width)². A
 * population that has collapsed in some direction (a single particle, parameters in a fixed
 * ratio, one weight near 1) has a singular covariance and no Cholesky factor; adding this floor
 * to the diagonal makes it positive definite, by an amount fixed by the priors alone, so the
 * guard is as deterministic as the rest, and small enough not to blur a posterior the priors
 * leave wide.
 */
const FLOOR = 1e-6;

/**
 * The kernel for the generation after `previous`: covariance 2 Σ_w. When 2 Σ_w is singular, the
 * floor is added to its diagonal; when even that fails (a collapsed direction that is huge
 * beside the floor), its diagonal alone with the floor, which is always positive definite.
 */
export function perturbationKernel(priors: readonly Prior[], previous: WeightedParticles): PerturbationKernel {
  const dims = priors.length;
  const cov = weightedCovariance(previous.theta, dims, previous.weights).map((c) => 2 * c);
  const direct = cholesky(cov, dims);
  if (direct) return {dims, chol: direct};
  const floor = priors.map((p) => FLOOR * priorScale(p) ** 2);
  const floored = cov.slice();
  for (let i = 0; i < dims; i++) floored[i * dims + i] = floored[i * dims + i]! + floor[i]!;
  const guarded = cholesky(floored, dims);
  if (guarded) return {dims, chol: guarded};
  const chol = new Float64Array(dims * dims);
  for (let i = 0; i < dims; i++) chol[i * dims + i] = Math.sqrt(Math.max(0, cov[i * dims + i]!) + floor[i]!);
  return {dims, chol};
}

/** Writes θ + L z into out[outOffset …], θ = theta[offset …], z standard normals from `next`, one uniform each. */
export function perturb(kernel: PerturbationKernel, theta: ArrayLike<number>, offset: number, next: () => number, out: Float64Array, outOffset: number): void {
  const {dims, chol} = kernel;
  const z = new Float64Array(dims);
  for (let i = 0; i < dims; i++) z[i] = standardNormal(next());
  for (let i = 0; i < dims; i++) {
    let s = theta[offset + i]!;
    for (let k = 0; k <= i; k++) s += chol[i * dims + k]! * z[k]!;
    out[outOffset + i] = s;
  }
}

/** A kernel's mixture over a population, Σ_j w_j K(· | θ_j), prepared to be evaluated many times. */
export interface KernelMixture {
  readonly dims: number;
  readonly chol: Float64Array;
  /** L⁻¹ θ_j of every particle of weight > 0, rows × dims: then |L⁻¹(x − θ_j)|² = |L⁻¹x − L⁻¹θ_j|², a difference per pair instead of a triangular solve. */
  readonly whitened: Float64Array;
  readonly logWeights: Float64Array;
}

export function kernelMixture(kernel: PerturbationKernel, from: WeightedParticles): KernelMixture {
  const {dims, chol} = kernel;
  const rows: number[] = [];
  for (let j = 0; j < from.weights.length; j++) if (from.weights[j]! > 0) rows.push(j);
  const whitened = new Float64Array(rows.length * dims);
  const y = new Float64Array(dims);
  rows.forEach((j, r) => {
    solvedNormSquared(chol, dims, from.theta.subarray(j * dims, (j + 1) * dims), y);
    whitened.set(y, r * dims);
  });
  return {dims, chol, whitened, logWeights: Float64Array.from(rows, (j) => Math.log(from.weights[j]!))};
}

/** The working space logMixtureDensity needs for `mix`. */
export function mixtureScratch(mix: KernelMixture): Float64Array {
  return new Float64Array(2 * mix.dims + mix.logWeights.length);
}

/**
 * log Σ_j w_j K(x | θ_j) for x = xs[offset …], less the kernel's normalising constant
 * −½ log det(2π · 2Σ_w): that is the same for every particle of a generation and cancels when
 * the weights are normalised. Summed as log-sum-exp, so that a particle far from all its
 * possible parents gets a large finite weight, not 1/0. `scratch` is mixtureScratch(mix).
 */
export function logMixtureDensity(mix: KernelMixture, xs: ArrayLike<number>, offset: number, scratch: Float64Array): number {
  const {dims, whitened, logWeights} = mix;
  const rows = logWeights.length;
  const x = scratch.subarray(0, dims);
  const raw = scratch.subarray(dims, 2 * dims);
  const terms = scratch.subarray(2 * dims, 2 * dims + rows);
  for (let i = 0; i < dims; i++) raw[i] = xs[offset + i]!;
  solvedNormSquared(mix.chol, dims, raw, x);
  let max = -Infinity;
  for (let j = 0; j < rows; j++) {
    let q = 0;
    for (let i = 0; i < dims; i++) {
      const d = x[i]! - whitened[j * dims + i]!;
      q += d * d;
    }
    const t = logWeights[j]! - 0.5 * q;
    terms[j] = t;
    if (t > max) max = t;
  }
  let sum = 0;
  for (let j = 0; j < rows; j++) sum += Math.exp(terms[j]! - max);
  return max + Math.log(sum);
}
