// Prisoner pools at the level of individuals, stored column-wise in typed arrays.
//
// A pool's attributes are a fixed fact of the scenario: they are generated once from the pool
// seed (not the run seed) and shared read-only by every run, so seeds vary the negotiation, not
// the population. Each run owns only a small PoolStatus (who is still held, scan cursors, counts
// by category), which copies in well under a microsecond for stall-risk rollouts.
// This file holds what a pool is and the per-run selection (the hot path; its runs along the
// release orders are in pool-runs.ts); population.ts generates the pools.
import {CATEGORY_COUNT, FLAG_CIVILIAN, FLAG_ON_LIST, FLAG_SERIOUS} from './pool-masks.js';
import {lastRun, mergeLists, mergeRuns, mergeTaken, takeRun} from './pool-runs.js';
import {Slab, type SlabSize} from './slab.js';
import {GOV_CRITERIA, TAL_CRITERIA, type GovCriteria, type PoolStatus, type TalCriteria} from './types.js';

export {ALL_CATEGORIES, CATEGORY_COUNT, FLAG_CIVILIAN, FLAG_FOREIGN, FLAG_ON_LIST, FLAG_SERIOUS, FLAG_VULNERABLE, govFilterMask, heldIn, talFilterMask} from './pool-masks.js';

/** Government-held Taliban prisoners: tiers. */
export const GOV_TIER = {rankAndFile: 0, commander: 1, priority: 2} as const;
/** Taliban-held government personnel: tiers. */
export const TAL_TIER = {regular: 0, specialForces: 1} as const;


export interface Pool {
  readonly kind: 'government' | 'taliban';
  readonly size: number;
  readonly tier: Uint8Array;
  readonly flags: Uint8Array;
  /** Age in years. */
  readonly age: Uint8Array;
  /** 0 gravely ill to 100 healthy. */
  readonly health: Uint8Array;
  /** Months of sentence remaining (government pool only; 0 for captives). */
  readonly sentence: Uint16Array;
  /**
   * What each individual is worth to the other side when freed (population.ts): for the
   * government's prisoners, the Taliban's value of a fighter back, 1 for an average low-tier
   * prisoner on the list; 1 for every captive (the government counts captives by head).
   */
  readonly worth: Float32Array;
  /** How many carry FLAG_VULNERABLE. */
  readonly vulnerableTotal: number;
  /** Category of each individual (see `categoryOf`), for O(1) eligibility counts. */
  readonly category: Uint8Array;
  readonly categoryTotals: Int32Array;
  /** How many release orders it has: one per selection criterion. */
  readonly orderCount: number;
  /** Release orders (permutations), built on first use by orderOf or releaseFrom: a run uses one or two (empty until then). */
  readonly orders: readonly Uint16Array[];
  /** orders[o] split by category: byCategory[o * CATEGORY_COUNT + c] lists category c in order o. */
  readonly byCategory: readonly Uint16Array[];
  /** rank[o][i]: position of individual i in order o. */
  readonly rank: readonly Uint16Array[];
  /**
   * worthBefore[l][i]: the worth of list l's first i (l indexes byCategory), so a run of a list
   * is summed by one subtraction; only when `exactSums` (pool-orders.ts worthSumsExact), which
   * makes that the same double as adding one prisoner at a time.
   */
  readonly worthBefore: readonly Float64Array[];
  /** vulnerableBefore[l][i]: how many of list l's first i carry FLAG_VULNERABLE (only when `exactSums`). */
  readonly vulnerableBefore: readonly Int32Array[];
  readonly exactSums: boolean;
  /** built[o] is 1 once build(o) has filled order o, its split and its ranks. */
  readonly built: Uint8Array;
  readonly build: (o: number) => void;
}


/** Government: tier (3) x serious (2) x on list (2). Taliban: tier (2) x civilian (2). */
export function categoryOf(kind: Pool['kind'], tier: number, flags: number): number {
  if (kind === 'government') return tier * 4 + ((flags & FLAG_SERIOUS) !== 0 ? 2 : 0) + ((flags & FLAG_ON_LIST) !== 0 ? 1 : 0);
  return tier * 2 + ((flags & FLAG_CIVILIAN) !== 0 ? 1 : 0);
}

/** What a pool's status takes of a slab (slab.ts). */
export function poolStatusSize(pool: Pool): SlabSize {
  return {f64: 0, i32: pool.orderCount * CATEGORY_COUNT + CATEGORY_COUNT, u8: pool.size + CATEGORY_COUNT};
}

/** A pool's status before any release; its arrays are cut from `slab` (a world state cuts all of its arrays from one). */
export function createPoolStatus(pool: Pool, slab: Slab = new Slab(poolStatusSize(pool))): PoolStatus {
  const status = {
    released: slab.u8(pool.size),
    cursors: slab.i32(pool.orderCount * CATEGORY_COUNT),
    orderUsed: slab.i8(CATEGORY_COUNT).fill(-1),
    remaining: slab.i32(CATEGORY_COUNT),
  };
  status.remaining.set(pool.categoryTotals);
  return status;
}

export function copyPoolStatus(dst: PoolStatus, src: PoolStatus): void {
  dst.released.set(src.released);
  dst.cursors.set(src.cursors);
  dst.orderUsed.set(src.orderUsed);
  dst.remaining.set(src.remaining);
}

/** What the last `releaseFrom` call took, by kind (reused, never reallocated); `worth` sums Pool.worth. */
export const lastRelease = {count: 0, offList: 0, priority: 0, commanders: 0, serious: 0, specialForces: 0, worth: 0, vulnerable: 0};

/**
 * Releases up to `n` held individuals admitted by `mask`, in the order of `orderIndex`.
 * `to` is 1 for release, 2 for third-country custody. Returns how many were taken; the
 * breakdown is in `lastRelease`. No allocation.
 *
 * Each order is kept split by category, so a mask is a choice of lists: the next individual is
 * the head with the lowest rank among the admitted lists (a k-way merge), taken in runs: from the
 * lowest head up to the next lowest of the other lists. Cursors only move forward past
 * individuals already out, so every entry is skipped at most once per list.
 */
export function releaseFrom(pool: Pool, status: PoolStatus, orderIndex: number, mask: number, n: number, to: 1 | 2 = 1): number {
  lastRelease.count = 0;
  lastRelease.offList = 0;
  lastRelease.priority = 0;
  lastRelease.commanders = 0;
  lastRelease.serious = 0;
  lastRelease.specialForces = 0;
  lastRelease.worth = 0;
  lastRelease.vulnerable = 0;
  lastRun.worth = 0;
  lastRun.vulnerable = 0;
  if (n <= 0) return 0;
  if (pool.built[orderIndex] === 0) pool.build(orderIndex);
  const base = orderIndex * CATEGORY_COUNT;
  let k = 0;
  for (let c = 0; c < CATEGORY_COUNT; c++) {
    if (((mask >> c) & 1) === 0 || status.remaining[c] === 0) continue;
    mergeLists[k] = c;
    mergeTaken[k] = 0;
    k++;
  }
  let taken = 0;
  if (k === 1) {
    // One admitted list (the common case): a straight walk.
    const at = base + mergeLists[0]!;
    taken = mergeTaken[0] = takeRun(pool, status, at, pool.byCategory[at]!.length, n, to);
  } else if (k > 1) {
    taken = mergeRuns(pool, status, orderIndex, k, n, to);
  }
  tally(pool.kind, status.remaining, k);
  lastRelease.count = taken;
  lastRelease.worth = lastRun.worth;
  lastRelease.vulnerable = lastRun.vulnerable;
  return taken;
}

/** What was taken follows from the categories (mergeTaken by admitted list): no per-individual lookups. */
function tally(kind: Pool['kind'], remaining: Int32Array, k: number): void {
  const gov = kind === 'government';
  for (let m = 0; m < k; m++) {
    const t = mergeTaken[m]!;
    if (t === 0) continue;
    const c = mergeLists[m]!;
    remaining[c]! -= t;
    if (gov) {
      const tier = c >> 2;
      if ((c & 1) === 0) lastRelease.offList += t;
      if ((c & 2) !== 0) lastRelease.serious += t;
      if (tier === GOV_TIER.priority) lastRelease.priority += t;
      if (tier !== GOV_TIER.rankAndFile) lastRelease.commanders += t;
    } else if (c >> 1 === TAL_TIER.specialForces) {
      lastRelease.specialForces += t;
    }
  }
}

export const govCriteriaIndex = (c: GovCriteria): number => GOV_CRITERIA.indexOf(c);
export const talCriteriaIndex = (c: TalCriteria): number => TAL_CRITERIA.indexOf(c);
