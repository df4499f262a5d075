// The indices of a sensitivity analysis, output by output, from the point means of an
// OutputTable: Morris's mu, mu* and sigma or Sobol's S1 and ST, each factor's with a bootstrap
// interval, the seed's own index as the measure of seed noise, the parameters whose effect does
// not rise above it ("inert"), and the indices on growing prefixes of the design (convergence).
// docs/sensitivity.md gives the estimators and the rule.
import {createRng} from '../sim/rng.js';
import {elementaryEffects, morrisIndices} from '../stats/morris-effects.js';
import {sobolIndices} from '../stats/sobol-indices.js';
import {secondOrderIndices} from '../stats/sobol-second-order.js';
import type {Method} from './spec.js';
import {SEED_FACTOR, type SensitivityPlan} from './plan.js';
import type {OutputTable} from './outputs.js';

/** Resamples and confidence of every interval. */
export const BOOTSTRAP = {resamples: 1000, confidence: 0.95} as const;

export interface FactorIndex {
  factor: string;
  /** Morris: mu* (the ranking index); Sobol: ST. */
  index: number;
  lo: number;
  hi: number;
  /** Morris only. */
  mu?: number;
  sigma?: number;
  /** Sobol only: S1 with its interval. */
  s1?: number;
  s1Lo?: number;
  s1Hi?: number;
  /** The interval of this index minus the seed's, from the same bootstrap resamples (a paired comparison). */
  aboveSeedLo: number;
  aboveSeedHi: number;
  /** Not above the seed: aboveSeedLo ≤ 0. False for the seed itself. */
  inert: boolean;
}

export interface Convergence {
  /** Trajectories (Morris) or base samples (Sobol) of the prefix. */
  size: number;
  /** The ranking index of each factor (by name, the seed included) on that prefix. */
  index: Record<string, number>;
}

/** A second-order index: the share of the variance two parameters explain together beyond each alone. */
export interface PairIndex {
  factors: [string, string];
  s2: number;
  lo: number;
  hi: number;
}

export interface OutputAnalysis {
  output: string;
  /** Why the output was not analysed (some runs have no value of it), or null. */
  skipped: string | null;
  /** Sobol: the variance of the output's point means. */
  variance?: number;
  /** The parameters, most influential first. */
  factors: FactorIndex[];
  /** The seed factor: the effect of changing the seeds alone, the yardstick of "inert". */
  seed: FactorIndex | null;
  convergence: Convergence[];
  /** Sobol with second order: every pair of parameters, strongest first. */
  pairs?: PairIndex[];
}

export interface Analysis {
  name: string;
  method: Method;
  /** Trajectories (Morris) or base samples (Sobol). */
  size: number;
  levels?: number;
  replicates: number;
  runs: number;
  parameters: number;
  confidence: number;
  outputs: OutputAnalysis[];
}

/**
 * Inert: the interval of the parameter's index minus the seed's reaches 0 or below, so at this
 * confidence it does not move the output more than changing the seeds does. When the seed moves
 * nothing either, that is an index that cannot be told from 0.
 */
const isInert = (x: {aboveSeedLo: number}): boolean => x.aboveSeedLo <= 0;

export function analyse(plan: SensitivityPlan, table: OutputTable): Analysis {
  const outputs = table.outputs.map((o, i): OutputAnalysis => {
    if (table.missing[i]! > 0) return {output: o.name, skipped: `${table.missing[i]} runs have no ${o.metric} (talks that never met have no stall risk)`, factors: [], seed: null, convergence: []};
    const f = table.means(i);
    const rng = createRng(`${plan.spec.seed}/bootstrap/${o.name}`);
    const next = (): number => rng.next();
    return {output: o.name, skipped: null, ...(plan.method === 'morris' ? morrisOf(plan, f, next) : sobolOf(plan, f, next))};
  });
  const size = plan.method === 'morris' ? plan.spec.morris.trajectories : plan.samples!;
  return {
    name: plan.spec.name,
    method: plan.method,
    size,
    ...(plan.method === 'morris' ? {levels: plan.spec.morris.levels} : {}),
    replicates: plan.spec.replicates,
    runs: plan.sweep.runs,
    parameters: plan.factors.length - 1,
    confidence: BOOTSTRAP.confidence,
    outputs,
  };
}

/** Prefix sizes for the convergence table: an eighth, a quarter, a half and all of the design (at least 2, each once). */
function prefixes(size: number): number[] {
  return [...new Set([size / 8, size / 4, size / 2, size].map(Math.floor).filter((n) => n >= 2))];
}

type Indices = Pick<OutputAnalysis, 'factors' | 'seed' | 'convergence' | 'variance' | 'pairs'>;

function ranked(plan: SensitivityPlan, all: Omit<FactorIndex, 'inert'>[]): Pick<OutputAnalysis, 'factors' | 'seed'> {
  const seed = all.at(-1)!;
  const factors = all.slice(0, -1).map((x) => ({...x, inert: isInert(x)}));
  factors.sort((a, b) => b.index - a.index || plan.factors.indexOf(a.factor) - plan.factors.indexOf(b.factor));
  return {factors, seed: {...seed, factor: SEED_FACTOR, inert: false}};
}

function morrisOf(plan: SensitivityPlan, f: Float64Array, next: () => number): Indices {
  const design = plan.morris!;
  const k = design.k;
  const ee = elementaryEffects(design, f);
  const indices = morrisIndices(ee, k, next, {...BOOTSTRAP, reference: k - 1});
  const all = indices.map((x, i) => ({factor: plan.factors[i]!, index: x.muStar, lo: x.muStarLo, hi: x.muStarHi, mu: x.mu, sigma: x.sigma, aboveSeedLo: x.diffLo!, aboveSeedHi: x.diffHi!}));
  const convergence = prefixes(design.r).map((r) => ({size: r, index: byFactor(plan, muStars(ee, k, r))}));
  return {...ranked(plan, all), convergence};
}

const byFactor = (plan: SensitivityPlan, values: readonly number[]): Record<string, number> => Object.fromEntries(plan.factors.map((f, i) => [f, values[i]!]));

/** mu* of every factor over the first r trajectories. */
function muStars(ee: Float64Array, k: number, r: number): number[] {
  return Array.from({length: k}, (_, i) => {
    let sum = 0;
    for (let t = 0; t < r; t++) sum += Math.abs(ee[t * k + i]!);
    return sum / r;
  });
}

function sobolOf(plan: SensitivityPlan, f: Float64Array, next: () => number): Indices {
  const k = plan.factors.length;
  const per = plan.perRow;
  const matrices = (n: number): {fA: Float64Array; fB: Float64Array; fAB: Float64Array[]; fBA: Float64Array[]} => {
    const pick = (m: number): Float64Array => Float64Array.from({length: n}, (_, j) => f[j * per + m]!);
    return {fA: pick(0), fB: pick(1), fAB: Array.from({length: k}, (_, i) => pick(2 + i)), fBA: plan.secondOrder ? Array.from({length: k}, (_, i) => pick(2 + k + i)) : []};
  };
  const n = plan.samples!;
  const {fA, fB, fAB, fBA} = matrices(n);
  const result = sobolIndices(fA, fB, fAB, next, {...BOOTSTRAP, reference: k - 1});
  const all = result.indices.map((x, i) => ({factor: plan.factors[i]!, index: x.st, lo: x.stLo, hi: x.stHi, s1: x.s1, s1Lo: x.s1Lo, s1Hi: x.s1Hi, aboveSeedLo: x.diffLo!, aboveSeedHi: x.diffHi!}));
  // The convergence table needs point estimates only: one resample, whose interval is not read.
  const convergence = prefixes(n).map((size) => {
    const m = matrices(size);
    return {size, index: byFactor(plan, sobolIndices(m.fA, m.fB, m.fAB, next, {resamples: 1}).indices.map((x) => x.st))};
  });
  if (!plan.secondOrder) return {...ranked(plan, all), convergence, variance: result.variance};
  // Pairs of parameters only: a parameter's interaction with the seed is part of the noise.
  const pairs = secondOrderIndices(fA, fB, fAB, fBA, next, BOOTSTRAP)
    .filter((p) => p.j < k - 1)
    .map((p): PairIndex => ({factors: [plan.factors[p.i]!, plan.factors[p.j]!], s2: p.s2, lo: p.lo, hi: p.hi}))
    .sort((a, b) => b.s2 - a.s2);
  return {...ranked(plan, all), convergence, variance: result.variance, pairs};
}
