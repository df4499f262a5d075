// Trust as Beta(α, β) evidence counts per directed pair (Jøsang & Ismail's beta reputation),
// with forgetting towards the prior so old evidence fades (docs/model.md §4).
import type {SimConfig, WorldParams} from './config.js';
import type {Slab} from './slab.js';
import type {Stepper} from './stepper.js';
import {TRUST_PAIRS, type Counters, type TrustPair, type WorldState} from './types.js';

/** α and β of each directed pair. */
export const TRUST_VALUES = TRUST_PAIRS.length * 2;

export const trustIndex = (pair: TrustPair): number => TRUST_PAIRS.indexOf(pair) * 2;

export const T_GOV_TAL = trustIndex('gov-tal');
export const T_TAL_GOV = trustIndex('tal-gov');
export const T_GOV_US = trustIndex('gov-us');
export const T_US_GOV = trustIndex('us-gov');
export const T_TAL_US = trustIndex('tal-us');
export const T_US_TAL = trustIndex('us-tal');

/** Evidence counts α, β per directed pair, from the priors; cut from `slab` when given (a world state's, slab.ts). */
export function initialTrust(world: WorldParams, slab?: Slab): Float64Array {
  const t = slab ? slab.f64(TRUST_VALUES) : new Float64Array(TRUST_VALUES);
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

/**
 * Recent government releases the Taliban credit as part of the exchange: those they rejected as
 * "not according to the agreed mechanism" (seed 002, T28) do not count as Kabul keeping its side.
 */
export function creditedRecent(c: Readonly<Counters>): number {
  return Math.max(0, c.govRecent - c.govRejectedRecent);
}

/**
 * Phase 6 of a round: each party updates its trust in the others from what it saw this round
 * (releases against what was promised, violence against what was agreed).
 */
export function updateTrust(s: WorldState, cfg: SimConfig, st: Stepper): void {
  const w = cfg.world;
  const c = s.counters;
  c.govRecent = c.govRecent * st.recentDecay + c.govToday;
  c.talRecent = c.talRecent * st.recentDecay + c.talToday;
  c.govWorthRecent = c.govWorthRecent * st.recentDecay + c.govWorthToday;
  c.govRejectedRecent *= st.recentDecay;
  const t = s.trust;
  const window = 1 / (1 - st.recentDecay);

  // The government judges the Taliban on reciprocity (agreed ratio) and on violence.
  const expectedTal = c.govRecent / w.ratio;
  let pos = 0;
  let neg = Math.max(0, s.violence - w.agreedViolence) / w.agreedViolence * 0.1;
  if (expectedTal >= 1) {
    const fulfil = Math.min(1, c.talRecent / expectedTal);
    pos += 0.1 * fulfil;
    neg += 0.1 * (1 - fulfil);
  } else if (c.talToday > 0) {
    pos += 0.1;
  }
  observe(t, T_GOV_TAL, w.trust['gov-tal'], w, pos, neg);

  // The Taliban judge the government against reciprocity or the pace they were promised, by
  // what its releases are worth to them (fit fighters count for more than the old and sick:
  // costly signals, Kydd 2000), and only the releases they credit: a batch they rejected is no
  // fulfilment in their eyes (its worth taken at the recent batches' mean). The US counts heads.
  const expectedGov = Math.max(w.ratio * c.talRecent, w.expectedGovRate * window);
  const fulfilGov = Math.min(1, c.govRecent / expectedGov);
  const creditedShare = c.govRecent > 0 ? creditedRecent(c) / c.govRecent : 1;
  const valuedGov = Math.min(1, (c.govWorthRecent * creditedShare) / expectedGov);
  observe(t, T_TAL_GOV, w.trust['tal-gov'], w, 0.1 * valuedGov, 0.1 * (1 - valuedGov) * (s.talks === 'pending' ? 0.3 : 1));

  // Trust in the US and the US's in each party move only on events (pressure, rewards):
  // here they only fade back towards their priors.
  observe(t, T_GOV_US, w.trust['gov-us'], w, 0, 0);
  observe(t, T_TAL_US, w.trust['tal-us'], w, 0, 0);
  observe(t, T_US_GOV, w.trust['us-gov'], w, 0.05 * fulfilGov, 0.05 * (1 - fulfilGov));
  const talFulfil = expectedTal >= 1 ? Math.min(1, c.talRecent / expectedTal) : 0.5;
  observe(t, T_US_TAL, w.trust['us-tal'], w, 0.05 * talFulfil, 0.05 * (1 - talFulfil) + (s.violence > w.agreedViolence ? 0.02 : 0));
}
