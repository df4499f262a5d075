// The ABC-SMC perturbation kernel: perturbations have the parent as mean and twice the
// population's weighted covariance, the guard against a singular covariance, and the mixture
// density against the Gaussian formula written out.
import {describe, expect, it} from 'vitest';
import {createRng} from '../../src/sim/rng.js';
import {kernelMixture, logMixtureDensity, mixtureScratch, perturb, perturbationKernel, type WeightedParticles} from '../../src/stats/abc-kernel.js';
import type {Prior} from '../../src/stats/prior.js';
import {weightedCovariance} from '../../src/stats/weighted-moments.js';

const uniform = (seed: string) => {
  const rng = createRng(seed);
  return () => rng.next();
};
const wide: Prior[] = [{kind: 'uniform', lo: -100, hi: 100}, {kind: 'normal', mean: 0, sd: 10}];

/** 40 particles along a tilted, noisy line, with uneven weights: a covariance with a strong correlation. */
function tilted(): WeightedParticles {
  const next = uniform('tilted');
  const rows = 40;
  const theta = new Float64Array(2 * rows);
  const weights = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const x = next() * 4 - 2;
    theta[2 * r] = x;
    theta[2 * r + 1] = 3 * x + (next() - 0.5);
    weights[r] = 1 + next();
  }
  const total = weights.reduce((a, b) => a + b, 0);
  return {dims: 2, theta, weights: weights.map((w) => w / total)};
}

/** L Lᵀ of a 2 × 2 lower factor. */
const product = (l: Float64Array) => [l[0]! * l[0]!, l[0]! * l[2]!, l[0]! * l[2]!, l[2]! * l[2]! + l[3]! * l[3]!];

describe('perturbationKernel', () => {
  it('is 2 Σ_w when the covariance is regular: perturbations of a parent have it as mean and 2 Σ_w as covariance', () => {
    const pop = tilted();
    const kernel = perturbationKernel(wide, pop);
    const cov = weightedCovariance(pop.theta, 2, pop.weights);
    product(kernel.chol).forEach((c, i) => expect(c).toBeCloseTo(2 * cov[i]!, 12));

    const draws = 20_000;
    const out = new Float64Array(2 * draws);
    const next = uniform('perturb');
    for (let i = 0; i < draws; i++) perturb(kernel, pop.theta, 2 * 7, next, out, 2 * i);
    const mean = [0, 1].map((k) => out.filter((_, p) => p % 2 === k).reduce((a, b) => a + b, 0) / draws);
    const sample = weightedCovariance(out, 2, new Float64Array(draws).fill(1));
    const sd = [Math.sqrt(2 * cov[0]!), Math.sqrt(2 * cov[3]!)];
    for (let k = 0; k < 2; k++) expect(Math.abs(mean[k]! - pop.theta[14 + k]!) / sd[k]!).toBeLessThan(0.03);
    // Each entry within 3% of sd_i·sd_j: about three standard errors of 20,000 draws.
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expect(Math.abs(sample[2 * i + j]! - 2 * cov[2 * i + j]!) / (sd[i]! * sd[j]!)).toBeLessThan(0.03);
  });

  it('adds (10⁻³ of each prior’s width)² to the diagonal when the covariance is singular', () => {
    const priors: Prior[] = [{kind: 'uniform', lo: 0, hi: 10}, {kind: 'normal', mean: 0, sd: 2}];
    // One particle, or all of them at one point: no spread at all.
    const point = perturbationKernel(priors, {dims: 2, theta: Float64Array.of(3, 1, 3, 1), weights: Float64Array.of(0.5, 0.5)});
    expect([...point.chol]).toEqual([0.01, 0, 0, expect.closeTo(0.002, 15)]);
    // Parameters in a fixed ratio: rank 1.
    const line: WeightedParticles = {dims: 2, theta: Float64Array.of(0, 0, 1, 2, 2, 4), weights: Float64Array.of(1 / 3, 1 / 3, 1 / 3)};
    const cov = weightedCovariance(line.theta, 2, line.weights);
    const guarded = product(perturbationKernel(priors, line).chol);
    expect(guarded[0]).toBeCloseTo(2 * cov[0]! + 1e-4, 12);
    expect(guarded[1]).toBeCloseTo(2 * cov[1]!, 12);
    expect(guarded[3]).toBeCloseTo(2 * cov[3]! + 4e-6, 12);
  });

  it('falls back to the diagonal when a collapsed direction is huge beside the floor', () => {
    const priors: Prior[] = [{kind: 'normal', mean: 0, sd: 1}, {kind: 'normal', mean: 0, sd: 1}];
    const huge: WeightedParticles = {dims: 2, theta: Float64Array.of(0, 0, 1e9, 1e9), weights: Float64Array.of(0.5, 0.5)};
    const {chol} = perturbationKernel(priors, huge);
    expect(chol[2]).toBe(0);
    expect(chol[0]).toBeCloseTo(Math.sqrt(2 * 0.25e18 + 1e-6), 0);
  });
});

describe('logMixtureDensity', () => {
  it('is log Σ_j w_j exp(−½ dᵀ (2Σ)⁻¹ d), the Gaussian mixture without its constant; particles of weight 0 count for nothing', () => {
    const pop: WeightedParticles = {dims: 2, theta: Float64Array.of(0, 0, 1, 2, 2, 1, 5, 5), weights: Float64Array.of(0.2, 0.5, 0.3, 0)};
    const kernel = perturbationKernel(wide, pop);
    const [a, b, , d] = product(kernel.chol) as [number, number, number, number];
    const det = a * d - b * b;
    const quad = (x: number, y: number) => (d * x * x - 2 * b * x * y + a * y * y) / det;
    const mix = kernelMixture(kernel, pop);
    const scratch = mixtureScratch(mix);
    for (const [x, y] of [[0.5, 0.5], [3, -1], [1, 2]] as const) {
      let direct = 0;
      for (let j = 0; j < 4; j++) direct += pop.weights[j]! * Math.exp(-0.5 * quad(x - pop.theta[2 * j]!, y - pop.theta[2 * j + 1]!));
      expect(logMixtureDensity(mix, [x, y], 0, scratch)).toBeCloseTo(Math.log(direct), 12);
    }
  });

  it('stays finite far from every particle, where the plain sum underflows to 0', () => {
    const pop: WeightedParticles = {dims: 1, theta: Float64Array.of(0, 1), weights: Float64Array.of(0.5, 0.5)};
    const mix = kernelMixture(perturbationKernel([{kind: 'normal', mean: 0, sd: 1}], pop), pop);
    // Kernel variance 2 · 0.25 = 0.5: at x = 100 the nearer particle's term is exp(−99²) = 0 in doubles.
    const log = logMixtureDensity(mix, [100], 0, mixtureScratch(mix));
    expect(log).toBeCloseTo(Math.log(0.5) - 99 ** 2, 6);
  });
});
