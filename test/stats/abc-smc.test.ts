// ABC-SMC's steps: what propose draws and from which stream, what select keeps and how it
// weighs it, determinism whatever the order or split of the simulations, the invariants of
// every population, and the refusal of inconsistent calls. The known posteriors are in
// abc-posterior.test.ts.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {createRng} from '../../src/sim/rng.js';
import {MAX_REDRAWS, parameterValues, priorDensity, propose, proposalKey, runAbc, select, simulationKey, type AbcSettings, type Population, type Prior, type RngFor} from '../../src/stats/abc-smc.js';
import {drawFromPrior} from '../../src/stats/prior.js';
import {standardNormal} from '../../src/stats/normal-draw.js';

const rngFor: RngFor = (key) => {
  const rng = createRng(key);
  return () => rng.next();
};

const priors: Prior[] = [{kind: 'uniform', lo: -5, hi: 5}, {kind: 'normal', mean: 0, sd: 1, lo: -2}];
/** A cheap stochastic distance with its minimum at (1, 0.5). */
const toy = (theta: Float64Array, key: string) => Math.abs(theta[0]! - 1 + 0.3 * standardNormal(rngFor(key)())) + Math.abs(theta[1]! - 0.5);
const settings = (particles: number, proposals: number, seed = 'steps'): AbcSettings => ({particles, proposals, seed});

/** Simulates `proposals` in the given index order, as a pool's workers might. */
function distancesFor(proposals: Float64Array, dims: number, seed: string, generation: number, order: Iterable<number>): Float64Array {
  const out = new Float64Array(proposals.length / dims);
  for (const i of order) out[i] = toy(proposals.slice(i * dims, (i + 1) * dims), simulationKey(seed, generation, i));
  return out;
}

const bytes = (pops: Population[]) => pops.map((p) => [p.theta, p.weights, p.distances, p.index].map((a) => Buffer.from(a.buffer).toString('hex')).join('|') + `|${p.epsilon}|${p.acceptance}|${p.ess}`);

describe('propose', () => {
  it('draws generation 0 from the prior, parameter by parameter from proposal i’s own stream', () => {
    const props = propose(priors, null, settings(5, 8), 0, rngFor);
    expect(props).toHaveLength(16);
    for (let i = 0; i < 8; i++) {
      const next = rngFor(proposalKey('steps', 0, i));
      expect([props[2 * i], props[2 * i + 1]]).toEqual([drawFromPrior(priors[0]!, next()), drawFromPrior(priors[1]!, next())]);
    }
  });

  it('perturbs a parent of the previous population, and only a parent of positive weight', () => {
    const previous: Population = {generation: 0, dims: 1, theta: Float64Array.of(-3, 3), weights: Float64Array.of(0, 1), distances: Float64Array.of(0, 0), index: Int32Array.of(0, 1), epsilon: 0, acceptance: 1, ess: 1};
    // One particle of weight: a covariance of 0, so the kernel is the floor, sd 10⁻³ of the prior's range of 10.
    const props = propose([{kind: 'uniform', lo: -5, hi: 5}], previous, settings(2, 50), 1, rngFor);
    for (const x of props) expect(Math.abs(x - 3)).toBeLessThan(0.01 * 6);
  });

  it('redraws outside the prior’s support from the same stream, and gives up after MAX_REDRAWS', () => {
    const edge: Population = {generation: 0, dims: 1, theta: Float64Array.of(0.001, 0.002, 0.999), weights: Float64Array.of(0.4, 0.4, 0.2), distances: new Float64Array(3), index: Int32Array.of(0, 1, 2), epsilon: 0, acceptance: 1, ess: 2.8};
    const unit: Prior[] = [{kind: 'uniform', lo: 0, hi: 1}];
    const props = propose(unit, edge, settings(3, 500), 1, rngFor);
    for (const x of props) expect(x >= 0 && x <= 1).toBe(true);
    // A population wholly outside the support (it cannot come from select) leaves no way in.
    const outside: Population = {...edge, theta: Float64Array.of(50, 50, 50)};
    expect(() => propose(unit, outside, settings(3, 5), 1, rngFor)).toThrow(`propose: generation 1, proposal 0: ${MAX_REDRAWS} perturbations in a row fell outside the prior's support`);
  });

  it('refuses a previous population that does not fit the generation, and bad settings', () => {
    const g0 = select(priors, null, propose(priors, null, settings(4, 8), 0, rngFor), new Float64Array(8).fill(1), settings(4, 8), 0);
    expect(() => propose(priors, g0, settings(4, 8), 0, rngFor)).toThrow(/generation 0 draws from the prior/);
    expect(() => propose(priors, null, settings(4, 8), 1, rngFor)).toThrow(/generation 1 needs the population of generation 0/);
    expect(() => propose(priors, g0, settings(4, 8), 2, rngFor)).toThrow(/needs the population of generation 1, got generation 0's/);
    expect(() => propose(priors.slice(0, 1), g0, settings(4, 8), 1, rngFor)).toThrow(/has 2 parameters, the priors 1/);
    expect(() => propose(priors, null, settings(4, 3), 0, rngFor)).toThrow(/proposals must be a whole number ≥ particles \(4\), got 3/);
    expect(() => propose(priors, null, settings(0, 3), 0, rngFor)).toThrow(/particles must be a whole number ≥ 1, got 0/);
    expect(() => propose(priors, null, settings(2, 3), 1.5, rngFor)).toThrow(/generation must be a whole number/);
  });
});

describe('select', () => {
  const unit: Prior[] = [{kind: 'uniform', lo: 0, hi: 1}];
  const six = Float64Array.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6);

  it('keeps the N closest, ties by proposal index, never a NaN or infinite distance; ε is the largest kept', () => {
    const pop = select(unit, null, six, Float64Array.of(0.5, NaN, 0.2, 0.5, Infinity, 0.1), settings(3, 6), 0);
    expect([...pop.index]).toEqual([5, 2, 0]);
    expect([...pop.theta]).toEqual([0.6, 0.3, 0.1]);
    expect([...pop.distances]).toEqual([0.1, 0.2, 0.5]);
    expect(pop.epsilon).toBe(0.5);
    // Generation 0 is the prior's own sample: equal weights, ESS N, acceptance 1.
    expect([...pop.weights]).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(pop.ess).toBeCloseTo(3, 12);
    expect(pop.acceptance).toBe(1);
    expect(() => select(unit, null, six, Float64Array.of(0.5, NaN, NaN, Infinity, -Infinity, 0.1), settings(3, 6), 0)).toThrow('select: generation 0: only 2 of 6 proposals have a finite distance, 3 are needed');
  });

  it('weighs generation t by prior / Σ_j w_j K(θ | θ_j), the kernel N(θ_j, 2 Σ_w), and counts its acceptance against the previous ε', () => {
    const previous: Population = {generation: 0, dims: 1, theta: Float64Array.of(0.2, 0.6), weights: Float64Array.of(0.25, 0.75), distances: Float64Array.of(0.1, 0.3), index: Int32Array.of(0, 1), epsilon: 0.3, acceptance: 1, ess: 1.6};
    const prior: Prior[] = [{kind: 'normal', mean: 0.5, sd: 0.2}];
    // Weighted variance of the previous population: mean 0.5, Σ w (x − 0.5)² = 0.25·0.09 + 0.75·0.01 = 0.03; kernel variance 0.06.
    const k = (x: number, c: number) => Math.exp((-0.5 * (x - c) ** 2) / 0.06);
    const raw = (x: number) => priorDensity(prior, [x]) / (0.25 * k(x, 0.2) + 0.75 * k(x, 0.6));
    const pop = select(prior, previous, Float64Array.of(0.4, 0.9, 0.1, 0.5), Float64Array.of(0.25, 0.35, 0.05, 0.3), settings(3, 4), 1);
    expect([...pop.theta]).toEqual([0.1, 0.4, 0.5]);
    const total = raw(0.1) + raw(0.4) + raw(0.5);
    [0.1, 0.4, 0.5].forEach((x, r) => expect(pop.weights[r]).toBeCloseTo(raw(x) / total, 13));
    expect(pop.ess).toBeCloseTo(1 / pop.weights.reduce((a, w) => a + w * w, 0), 12);
    // 0.25, 0.05 and 0.3 are within the previous ε of 0.3; 0.35 is not.
    expect(pop.acceptance).toBe(0.75);
  });

  it('refuses proposals outside the prior’s support, negative distances and wrong lengths', () => {
    expect(() => select(unit, null, Float64Array.of(0.1, 1.5), Float64Array.of(0.2, 0.1), settings(2, 2), 0)).toThrow("select: generation 0: proposal 1 lies outside the prior's support");
    expect(() => select(unit, null, Float64Array.of(0.1, 0.5), Float64Array.of(0.2, -0.1), settings(2, 2), 0)).toThrow('distance 1 is -0.1; distances are ≥ 0');
    expect(() => select(unit, null, six, new Float64Array(5), settings(3, 6), 0)).toThrow('select: expected 6 distances (one a proposal), got 5');
    expect(() => select(priors, null, six, new Float64Array(6), settings(3, 6), 0)).toThrow('select: expected 12 proposal values (6 × 2), got 6');
  });
});

describe('determinism', () => {
  const run = (seed: string, proposals = 120) => runAbc(priors, toy, {particles: 40, proposals, seed, generations: 4}, rngFor);

  it('the same seed gives byte-identical populations; another seed others', () => {
    const a = run('again');
    expect(bytes(run('again'))).toEqual(bytes(a));
    expect(bytes(run('other'))[0]).not.toEqual(bytes(a)[0]);
  });

  it('proposing a generation twice gives the same proposals; proposal i is the same for M = 100 and M = 200', () => {
    const [g0] = run('prefix');
    for (const [generation, previous] of [[0, null], [1, g0!]] as const) {
      const small = propose(priors, previous, settings(40, 100, 'prefix'), generation, rngFor);
      expect(propose(priors, previous, settings(40, 100, 'prefix'), generation, rngFor)).toEqual(small);
      expect(propose(priors, previous, settings(40, 200, 'prefix'), generation, rngFor).subarray(0, 200)).toEqual(small);
    }
  });

  it('simulating the proposals backwards, in shards, gives the population runAbc gets in order', () => {
    const seed = 'shards';
    const s = settings(40, 120, seed);
    const whole = runAbc(priors, toy, {...s, generations: 3}, rngFor);
    let previous: Population | null = null;
    for (let g = 0; g < 3; g++) {
      const props = propose(priors, previous, s, g, rngFor);
      // Three shards, the last first, each simulated from its end.
      const order = [2, 0, 1].flatMap((shard) => Array.from({length: 40}, (_, j) => shard * 40 + 39 - j));
      previous = select(priors, previous, props, distancesFor(props, 2, seed, g, order), s, g);
      expect(bytes([previous])).toEqual(bytes([whole[g]!]));
    }
  });
});

describe('every population', () => {
  const problem = fc.record({
    particles: fc.integer({min: 2, max: 30}),
    extra: fc.integer({min: 0, max: 60}),
    seed: fc.string({maxLength: 8}),
    generations: fc.integer({min: 1, max: 4}),
  });

  it('has weights ≥ 0 summing to 1, ESS in [1, N], sorted distances up to ε, particles in the support; ε falls exactly when at least N proposals are within the last ε', () => {
    fc.assert(
      fc.property(problem, ({particles, extra, seed, generations}) => {
        const proposals = particles + extra;
        const pops = runAbc(priors, toy, {particles, proposals, seed, generations}, rngFor);
        pops.forEach((p, g) => {
          expect(p.generation).toBe(g);
          expect(p.weights).toHaveLength(particles);
          expect(p.weights.every((w) => w >= 0)).toBe(true);
          expect(p.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
          expect(p.ess).toBeGreaterThanOrEqual(1 - 1e-9);
          expect(p.ess).toBeLessThanOrEqual(particles * (1 + 1e-12));
          for (let r = 1; r < particles; r++) expect(p.distances[r]).toBeGreaterThanOrEqual(p.distances[r - 1]!);
          expect(p.epsilon).toBe(p.distances[particles - 1]);
          for (let r = 0; r < particles; r++) expect(priorDensity(priors, p.theta, 2 * r)).toBeGreaterThan(0);
          expect(Math.min(...parameterValues(p, 1))).toBeGreaterThanOrEqual(-2);
          if (g > 0) expect(p.epsilon <= pops[g - 1]!.epsilon).toBe(Math.round(p.acceptance * proposals) >= particles);
        });
      }),
      {numRuns: 40},
    );
  });

  it('runAbc stops at the first generation below minAcceptance or at or below targetEpsilon', () => {
    const base = {particles: 20, proposals: 100, seed: 'stops', generations: 6};
    const all = runAbc(priors, toy, base, rngFor);
    expect(all).toHaveLength(6);
    const target = all[2]!.epsilon;
    const byTarget = runAbc(priors, toy, {...base, targetEpsilon: target}, rngFor);
    expect(byTarget.length).toBe(all.findIndex((p) => p.epsilon <= target) + 1);
    const floor = all[3]!.acceptance + 1e-9;
    const byAcceptance = runAbc(priors, toy, {...base, minAcceptance: floor}, rngFor);
    expect(byAcceptance.length).toBe(all.findIndex((p) => p.acceptance < floor) + 1);
    expect(bytes(byAcceptance)).toEqual(bytes(all.slice(0, byAcceptance.length)));
    expect(() => runAbc(priors, toy, {...base, generations: 0}, rngFor)).toThrow(/generations must be a whole number ≥ 1/);
    expect(() => runAbc(priors, toy, {...base, minAcceptance: 2}, rngFor)).toThrow(/minAcceptance must be in \[0, 1\]/);
  });
});
