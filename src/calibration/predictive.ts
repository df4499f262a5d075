// The posterior predictive draws: each draw picks a particle of the last population by weight,
// from a stream keyed by the seed and the draw's index alone, so the draws are the same whatever
// runs them; the predictive sweep runs one run a draw, on seeds of its own.
import type {Population, RngFor} from '../stats/abc-smc.js';
import type {CalibrationPlan} from './plan.js';

export interface PredictiveDraws {
  /** One particle's values a draw, row-major (the population's latent values; stagePlan rounds what must be whole). */
  theta: Float64Array;
  /** The particle each draw took. */
  particles: Uint32Array;
}

/** Index of the particle that a uniform `u` falls on, by cumulative weight. */
export function pickByWeight(weights: ArrayLike<number>, u: number): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i]!;
  let target = u * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i]!;
    if (target < 0) return i;
  }
  // u * total rounded up to the sum: the last particle with any weight.
  for (let i = weights.length - 1; i > 0; i--) if (weights[i]! > 0) return i;
  return 0;
}

export function drawPredictive(plan: CalibrationPlan, population: Population, rngFor: RngFor): PredictiveDraws {
  const n = plan.spec.predictive.draws;
  const k = population.dims;
  const theta = new Float64Array(n * k);
  const particles = new Uint32Array(n);
  for (let d = 0; d < n; d++) {
    const i = pickByWeight(population.weights, rngFor(`${plan.spec.seed}:ppc:${d}`)());
    particles[d] = i;
    for (let j = 0; j < k; j++) theta[d * k + j] = population.theta[i * k + j]!;
  }
  return {theta, particles};
}
