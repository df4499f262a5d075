// Trust as Beta(α, β) evidence counts per directed pair (Jøsang & Ismail's beta reputation),
// with forgetting towards the prior so old evidence fades (docs/model.md §4).
import type {WorldParams} from './config.js';
import {TRUST_PAIRS, type TrustPair} from './types.js';

export const trustIndex = (pair: TrustPair): number => TRUST_PAIRS.indexOf(pair) * 2;

export const T_GOV_TAL = trustIndex('gov-tal');
export const T_TAL_GOV = trustIndex('tal-gov');
export const T_GOV_US = trustIndex('gov-us');
export const T_US_GOV = trustIndex('us-gov');
export const T_TAL_US = trustIndex('tal-us');
export const T_US_TAL = trustIndex('us-tal');

export function initialTrust(world: WorldParams): Float64Array {
  const t = new Float64Array(TRUST_PAIRS.length * 2);
  for (const pair of TRUST_PAIRS) {
    const i = trustIndex(pair);
    t[i] = world.trust[pair] * world.trustPriorWeight;
    t[i + 1] = (1 - world.trust[pair]) * world.trustPriorWeight;
  }
  return t;
}

/** Expected trustworthiness α / (α + β), in [0, 1]. */
export function trustOf(t: Float64Array, i: number): number {
  const a = t[i]!;
  const b = t[i + 1]!;
  return a / (a + b);
}

/** One round of evidence: forget towards the prior, then add positive and negative observations. */
export function observe(t: Float64Array, i: number, prior: number, world: WorldParams, positive: number, negative: number): void {
  const lambda = world.trustForgetting;
  const w = world.trustPriorWeight;
  t[i] = lambda * t[i]! + (1 - lambda) * prior * w + positive;
  t[i + 1] = lambda * t[i + 1]! + (1 - lambda) * (1 - prior) * w + negative;
}

/** A direct shift of trust (facilitation, a shock), as evidence of the given weight. */
export function nudge(t: Float64Array, i: number, positive: number, negative: number): void {
  t[i] = t[i]! + positive;
  t[i + 1] = t[i + 1]! + negative;
}
