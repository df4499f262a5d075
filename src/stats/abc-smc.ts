// Approximate Bayesian computation by sequential Monte Carlo (ABC-SMC): Toni et al. 2009
// (J. R. Soc. Interface 6) with the weights and kernel of Beaumont et al. 2009 (Biometrika 96),
// and a tolerance set by a quantile of each generation's own distances, as in Del Moral, Doucet &
// Jasra 2012 (Stat. Comput. 22) and Lenormand, Jabot & Deffuant 2013 (Comput. Stat. 28).
//
// A generation is three steps, so that the caller can run the simulations in between on a pool:
// `propose` M parameter vectors, simulate each and measure one distance to the observations,
// then `select` the N closest as the new population. Proposal i of generation g draws from its
// own stream, rng(proposalKey(seed, g, i)), and its simulation from rng(simulationKey(…)), so
// every number depends on (seed, generation, index) and the previous population only: never on
// M, on the order in which proposals are simulated, or on how they are split among workers.
import {kernelMixture, logMixtureDensity, mixtureScratch, perturb, perturbationKernel} from './abc-kernel.js';
import {checkPriors, drawFromPrior, logPriorDensity, type Prior} from './prior.js';

// The caller's whole interface from one module: the priors and the weighted summaries of a population.
export type {Prior} from './prior.js';
export {priorDensity} from './prior.js';
export {weightedCovariance, weightedMean, weightedSd} from './weighted-moments.js';
export {weightedQuantile} from './weighted-quantile.js';
export {histogram, histogram2d, type Bins} from './weighted-histogram.js';

/** A stream of uniforms in [0, 1) for a string key; the caller passes e.g. (key) => alea(key). */
export type RngFor = (key: string) => () => number;

export interface AbcSettings {
  /** Population size N kept per generation. */
  particles: number;
  /**
   * Proposals M simulated per generation (M ≥ N); the N closest are kept, so the tolerance is
   * the N/M quantile of the generation's distances. It falls exactly when at least N proposals
   * land within the previous tolerance (acceptance ≥ N/M). Since the kernel keeps the proposals
   * wider than the posterior, it then levels off, lower the smaller N/M is, and wavers either way
   * from one generation to the next: a minAcceptance a little above N/M stops a run there.
   */
  proposals: number;
  seed: string;
}

export interface Population {
  generation: number;
  dims: number;
  /** N × dims, row-major. */
  theta: Float64Array;
  /** Normalised importance weights (sum 1). */
  weights: Float64Array;
  /** Each particle's distance, ascending. */
  distances: Float64Array;
  /** Which proposal of the generation each particle was, so that its simulation key can be rebuilt. */
  index: Int32Array;
  /** The tolerance: the largest kept distance. */
  epsilon: number;
  /** Share of this generation's proposals within the previous generation's tolerance (1 for generation 0): the usual ABC-SMC acceptance rate. */
  acceptance: number;
  /** Effective sample size, 1 / Σ w². */
  ess: number;
}

export interface AbcRunSettings extends AbcSettings {
  /** Generations at most. */
  generations: number;
  /** Stop after a generation whose acceptance is below this. */
  minAcceptance?: number;
  /** Stop after a generation whose tolerance is at or below this. */
  targetEpsilon?: number;
}

/**
 * Redraws allowed for one proposal whose perturbation leaves the prior's support. A kernel that
 * misses this often is far wider than the support (or the population sits on its edge), and
 * drawing on would only hide that.
 */
export const MAX_REDRAWS = 1000;

/** The stream key of proposal `index` of `generation`. */
export function proposalKey(seed: string, generation: number, index: number): string {
  return `${seed}/abc/${generation}/${index}/propose`;
}

/** The key of proposal `index`'s simulation: a stream of its own, since a proposal's redraws use a varying share of its stream. */
export function simulationKey(seed: string, generation: number, index: number): string {
  return `${seed}/abc/${generation}/${index}/simulate`;
}

function checkSettings(caller: string, s: AbcSettings): void {
  if (!Number.isInteger(s.particles) || s.particles < 1) throw new RangeError(`${caller}: particles must be a whole number ≥ 1, got ${s.particles}`);
  if (!Number.isInteger(s.proposals) || s.proposals < s.particles) throw new RangeError(`${caller}: proposals must be a whole number ≥ particles (${s.particles}), got ${s.proposals}`);
  if (typeof s.seed !== 'string') throw new RangeError(`${caller}: seed must be a string, got ${typeof s.seed}`);
}

/** Generation 0 has no previous population; generation g > 0 needs generation g − 1's. */
function checkPrevious(caller: string, priors: readonly Prior[], previous: Population | null, generation: number): void {
  if (!Number.isInteger(generation) || generation < 0) throw new RangeError(`${caller}: generation must be a whole number ≥ 0, got ${generation}`);
  if (generation === 0) {
    if (previous !== null) throw new RangeError(`${caller}: generation 0 draws from the prior and takes no previous population`);
    return;
  }
  if (previous === null) throw new RangeError(`${caller}: generation ${generation} needs the population of generation ${generation - 1}`);
  if (previous.generation !== generation - 1) throw new RangeError(`${caller}: generation ${generation} needs the population of generation ${generation - 1}, got generation ${previous.generation}'s`);
  if (previous.dims !== priors.length) throw new RangeError(`${caller}: the previous population has ${previous.dims} parameters, the priors ${priors.length}`);
  if (previous.weights.length === 0 || previous.theta.length !== previous.weights.length * previous.dims) throw new RangeError(`${caller}: the previous population's theta is not one row of ${previous.dims} a weight`);
}

/** Running sums of the weights, for drawing a parent by weight. */
function cumulative(weights: Float64Array): Float64Array {
  const c = new Float64Array(weights.length);
  let sum = 0;
  for (let j = 0; j < weights.length; j++) c[j] = sum += weights[j]!;
  return c;
}

/** The first j with cum[j] > u · total: particle j with probability w_j, never a particle of weight 0. */
function pickParent(cum: Float64Array, u: number): number {
  const last = cum.length - 1;
  const target = u * cum[last]!;
  let lo = 0;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  // Rounding can put the target on the total itself: step back to the last particle with weight.
  while (lo > 0 && cum[lo]! === cum[lo - 1]!) lo--;
  return lo;
}

/**
 * The M × dims proposals of `generation`. Generation 0 draws each parameter from its prior.
 * Later generations pick a parent by weight and perturb it with the kernel; a draw outside the
 * prior's support is redrawn from the same stream, parent and all (Toni et al. 2009): redrawing
 * only the perturbation would make the proposal density depend on each parent's share of its
 * kernel inside the support, which the weights do not account for, while redrawing both only
 * truncates the mixture, a constant factor that normalising the weights removes.
 */
export function propose(priors: readonly Prior[], previous: Population | null, settings: AbcSettings, generation: number, rng: RngFor): Float64Array {
  checkPriors('propose', priors);
  checkSettings('propose', settings);
  checkPrevious('propose', priors, previous, generation);
  const dims = priors.length;
  const m = settings.proposals;
  const out = new Float64Array(m * dims);
  if (previous === null) {
    for (let i = 0; i < m; i++) {
      const next = rng(proposalKey(settings.seed, 0, i));
      for (let k = 0; k < dims; k++) out[i * dims + k] = drawFromPrior(priors[k]!, next());
    }
    return out;
  }
  const kernel = perturbationKernel(priors, previous);
  const cum = cumulative(previous.weights);
  for (let i = 0; i < m; i++) {
    const next = rng(proposalKey(settings.seed, generation, i));
    for (let tries = 0; ; tries++) {
      if (tries === MAX_REDRAWS) throw new RangeError(`propose: generation ${generation}, proposal ${i}: ${MAX_REDRAWS} perturbations in a row fell outside the prior's support`);
      perturb(kernel, previous.theta, pickParent(cum, next()) * dims, next, out, i * dims);
      if (logPriorDensity(priors, out, i * dims) > -Infinity) break;
    }
  }
  return out;
}

/**
 * The population of `generation` from its proposals and their distances: the N smallest
 * distances, ties broken by proposal index (fixed, and unrelated to θ, so that the ties a discrete
 * summary makes favour no part of the parameter space), never a NaN or infinite one (a failed
 * simulation is no evidence of closeness). Weights:
 * uniform in generation 0, where the proposals are the prior's own draws; later, the importance
 * weight π(θ) / Σ_j w_j K(θ | θ_j) of a draw from the kernel mixture, normalised (Beaumont et al.
 * 2009). A kept particle outside the prior's support would weigh 0: `propose` never makes one,
 * so meeting one means the proposals came from elsewhere, and it is refused.
 */
export function select(priors: readonly Prior[], previous: Population | null, proposals: Float64Array, distances: Float64Array, settings: AbcSettings, generation: number): Population {
  checkPriors('select', priors);
  checkSettings('select', settings);
  checkPrevious('select', priors, previous, generation);
  const dims = priors.length;
  const m = settings.proposals;
  const n = settings.particles;
  if (distances.length !== m) throw new RangeError(`select: expected ${m} distances (one a proposal), got ${distances.length}`);
  if (proposals.length !== m * dims) throw new RangeError(`select: expected ${m * dims} proposal values (${m} × ${dims}), got ${proposals.length}`);

  for (let i = 0; i < m; i++) if (distances[i]! < 0 && Number.isFinite(distances[i]!)) throw new RangeError(`select: generation ${generation}: distance ${i} is ${distances[i]}; distances are ≥ 0`);
  const index = closest(distances, n, generation);

  let within = 0;
  if (previous) for (let i = 0; i < m; i++) if (Number.isFinite(distances[i]!) && distances[i]! <= previous.epsilon) within++;

  const theta = new Float64Array(n * dims);
  const kept = new Float64Array(n);
  const logW = new Float64Array(n);
  const mixture = previous && kernelMixture(perturbationKernel(priors, previous), previous);
  const scratch = mixture && mixtureScratch(mixture);
  for (let r = 0; r < n; r++) {
    const i = index[r]!;
    theta.set(proposals.subarray(i * dims, (i + 1) * dims), r * dims);
    kept[r] = distances[i]!;
    const logPrior = logPriorDensity(priors, proposals, i * dims);
    if (logPrior === -Infinity) throw new RangeError(`select: generation ${generation}: proposal ${i} lies outside the prior's support`);
    logW[r] = mixture && scratch ? logPrior - logMixtureDensity(mixture, proposals, i * dims, scratch) : 0;
  }
  const weights = normalisedFromLogs(logW);
  let sumSq = 0;
  for (const w of weights) sumSq += w * w;
  return {generation, dims, theta, weights, distances: kept, index, epsilon: kept[n - 1]!, acceptance: previous ? within / m : 1, ess: 1 / sumSq};
}

/**
 * The indices of the n smallest finite distances, by distance and then by index. The n-th
 * smallest comes from a native numeric sort of the distances alone; only the n kept are then
 * ordered by comparator.
 */
function closest(distances: Float64Array, n: number, generation: number): Int32Array {
  const finite = distances.filter((d) => Number.isFinite(d));
  if (finite.length < n) throw new RangeError(`select: generation ${generation}: only ${finite.length} of ${distances.length} proposals have a finite distance, ${n} are needed`);
  const cut = finite.sort()[n - 1]!;
  const below: number[] = [];
  const at: number[] = [];
  for (let i = 0; i < distances.length; i++) {
    if (distances[i]! < cut) below.push(i);
    else if (distances[i] === cut) at.push(i);
  }
  // Fewer than n lie below the cut and at least n at or below it: the ties at the cut fill up by index.
  const kept = below.concat(at.slice(0, n - below.length));
  return Int32Array.from(kept.sort((i, j) => distances[i]! - distances[j]! || i - j));
}

/** exp(log w − max) / Σ: the largest weight is exp(0) before dividing, so none overflows. */
function normalisedFromLogs(logW: Float64Array): Float64Array {
  let max = -Infinity;
  for (const l of logW) if (l > max) max = l;
  const w = logW.map((l) => Math.exp(l - max));
  let sum = 0;
  for (const x of w) sum += x;
  return w.map((x) => x / sum);
}

/**
 * The whole loop, for tests and small models: generation after generation, each proposal
 * simulated in index order by `simulate(theta, key)` (theta is a copy of one proposal, key its
 * simulationKey), until `generations`, or a generation whose acceptance is below minAcceptance,
 * or whose tolerance is at or below targetEpsilon. Returns every generation's population.
 */
export function runAbc(priors: readonly Prior[], simulate: (theta: Float64Array, key: string) => number, settings: AbcRunSettings, rng: RngFor): Population[] {
  const {generations, minAcceptance, targetEpsilon} = settings;
  if (!Number.isInteger(generations) || generations < 1) throw new RangeError(`runAbc: generations must be a whole number ≥ 1, got ${generations}`);
  if (minAcceptance !== undefined && !(minAcceptance >= 0 && minAcceptance <= 1)) throw new RangeError(`runAbc: minAcceptance must be in [0, 1], got ${minAcceptance}`);
  if (targetEpsilon !== undefined && Number.isNaN(targetEpsilon)) throw new RangeError('runAbc: targetEpsilon must be a number, got NaN');
  const dims = priors.length;
  const populations: Population[] = [];
  let previous: Population | null = null;
  for (let g = 0; g < generations; g++) {
    const proposals = propose(priors, previous, settings, g, rng);
    const distances = new Float64Array(settings.proposals);
    for (let i = 0; i < settings.proposals; i++) distances[i] = simulate(proposals.slice(i * dims, (i + 1) * dims), simulationKey(settings.seed, g, i));
    const population: Population = select(priors, previous, proposals, distances, settings, g);
    populations.push(population);
    previous = population;
    if (targetEpsilon !== undefined && population.epsilon <= targetEpsilon) break;
    if (minAcceptance !== undefined && population.acceptance < minAcceptance) break;
  }
  return populations;
}

/** Parameter `i` of every particle of a population, for the weighted summaries. */
export function parameterValues(population: Population, i: number): Float64Array {
  if (!Number.isInteger(i) || i < 0 || i >= population.dims) throw new RangeError(`parameterValues: parameter must be from 0 to ${population.dims - 1}, got ${i}`);
  const out = new Float64Array(population.weights.length);
  for (let r = 0; r < out.length; r++) out[r] = population.theta[r * population.dims + i]!;
  return out;
}
