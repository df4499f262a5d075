// Prisoner pools at the level of individuals, stored column-wise in typed arrays.
//
// A pool's attributes are a fixed fact of the scenario: they are generated once from the pool
// seed (not the run seed) and shared read-only by every run, so seeds vary the negotiation, not
// the population. Each run owns only a small PoolStatus (who is still held, scan cursors, counts
// by category), which copies in well under a microsecond for stall-risk rollouts.
import {createRng, type Rng} from './rng.js';
import {GOV_CRITERIA, TAL_CRITERIA, type GovCriteria, type ReleaseFilter, type TalCriteria} from './types.js';

/** Government-held Taliban prisoners: tiers. */
export const GOV_TIER = {rankAndFile: 0, commander: 1, priority: 2} as const;
/** Taliban-held government personnel: tiers. */
export const TAL_TIER = {regular: 0, specialForces: 1} as const;

export const FLAG_ON_LIST = 1;
export const FLAG_SERIOUS = 2;
export const FLAG_FOREIGN = 4;
export const FLAG_CIVILIAN = 8;

export interface GovPoolSpec {
  /** Prisoners on the Taliban's list (5,000 in the Doha agreement). */
  onList: number;
  /** Prisoners the government holds who are not on the list (it freed 500 of them in August 2020). */
  offList: number;
  /** The top commanders the Taliban demand first (about 15). */
  priority: number;
  /** Other commanders. */
  commanders: number;
  /** Prisoners with serious criminal cases (about 600), including the priority commanders. */
  serious: number;
  /** Share of the list who are foreign fighters. */
  foreignShare: number;
  seed: string;
}

export interface TalPoolSpec {
  /** Government personnel the Taliban hold (about 1,000). */
  size: number;
  /** Special-forces members (commandos, pilots) among them. */
  specialForces: number;
  /** Share of those the Taliban count who are civilians rather than security forces. */
  civilianShare: number;
  seed: string;
}

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
  /** Category of each individual (see `categoryOf`), for O(1) eligibility counts. */
  readonly category: Uint8Array;
  readonly categoryTotals: Int32Array;
  /** One release order (a permutation of indices) per selection criterion. */
  readonly orders: readonly Uint16Array[];
  /** orders[o] split by category: byCategory[o * CATEGORY_COUNT + c] lists category c in order o. */
  readonly byCategory: readonly Uint16Array[];
  /** rank[o][i]: position of individual i in order o. */
  readonly rank: readonly Uint16Array[];
}

export const CATEGORY_COUNT = 12;

/** Government: tier (3) x serious (2) x on list (2). Taliban: tier (2) x civilian (2). */
function categoryOf(kind: Pool['kind'], tier: number, flags: number): number {
  if (kind === 'government') return tier * 4 + ((flags & FLAG_SERIOUS) !== 0 ? 2 : 0) + ((flags & FLAG_ON_LIST) !== 0 ? 1 : 0);
  return tier * 2 + ((flags & FLAG_CIVILIAN) !== 0 ? 1 : 0);
}

/** Who in a pool is still held, for one run. */
export interface PoolStatus {
  /** 0 held, 1 released, 2 transferred to third-country custody. */
  readonly released: Uint8Array;
  /** Per (order, category) list: every entry before the cursor is already out of the pool. */
  readonly cursors: Int32Array;
  /** Still held, by category. */
  readonly remaining: Int32Array;
}

export function createPoolStatus(pool: Pool): PoolStatus {
  return {
    released: new Uint8Array(pool.size),
    cursors: new Int32Array(pool.orders.length * CATEGORY_COUNT),
    remaining: Int32Array.from(pool.categoryTotals),
  };
}

export function copyPoolStatus(dst: PoolStatus, src: PoolStatus): void {
  dst.released.set(src.released);
  dst.cursors.set(src.cursors);
  dst.remaining.set(src.remaining);
}

/** Bit mask of the government categories a filter admits. */
export function govFilterMask(filter: ReleaseFilter): number {
  let mask = 0;
  for (let tier = 0; tier < 3; tier++) {
    if (tier > 0 && !filter.allowCommanders) continue;
    for (let serious = 0; serious < 2; serious++) {
      if (serious === 1 && !filter.allowSerious) continue;
      for (let onList = 0; onList < 2; onList++) {
        if (filter.list === 'on' && onList === 0) continue;
        if (filter.list === 'off' && onList === 1) continue;
        mask |= 1 << (tier * 4 + serious * 2 + onList);
      }
    }
  }
  return mask;
}

/** Taliban categories: regulars (civilian or not) and, if allowed, special forces. */
export function talFilterMask(allowSpecialForces: boolean): number {
  return allowSpecialForces ? 0b1111 : 0b0011;
}

export const ALL_CATEGORIES = (1 << CATEGORY_COUNT) - 1;

export function heldIn(status: PoolStatus, mask: number): number {
  let n = 0;
  for (let c = 0; c < CATEGORY_COUNT; c++) if ((mask >> c) & 1) n += status.remaining[c]!;
  return n;
}

/** What the last `releaseFrom` call took, by kind (reused, never reallocated). */
export const lastRelease = {count: 0, offList: 0, priority: 0, commanders: 0, serious: 0, specialForces: 0};

/**
 * Releases up to `n` held individuals admitted by `mask`, in the order of `orderIndex`.
 * `to` is 1 for release, 2 for third-country custody. Returns how many were taken; the
 * breakdown is in `lastRelease`. No allocation.
 *
 * Each order is kept split by category, so a mask is a choice of lists: the next individual is
 * the head with the lowest rank among the admitted lists (a k-way merge). Cursors only move
 * forward past individuals already out, so every entry is skipped at most once per list.
 */
export function releaseFrom(pool: Pool, status: PoolStatus, orderIndex: number, mask: number, n: number, to: 1 | 2 = 1): number {
  lastRelease.count = 0;
  lastRelease.offList = 0;
  lastRelease.priority = 0;
  lastRelease.commanders = 0;
  lastRelease.serious = 0;
  lastRelease.specialForces = 0;
  if (n <= 0) return 0;
  const {released, cursors, remaining} = status;
  const byCategory = pool.byCategory;
  const base = orderIndex * CATEGORY_COUNT;
  let k = 0;
  for (let c = 0; c < CATEGORY_COUNT; c++) {
    if (((mask >> c) & 1) === 0 || remaining[c] === 0) continue;
    mergeLists[k] = c;
    mergeTaken[k] = 0;
    k++;
  }
  let taken = 0;
  if (k === 1) {
    // One admitted list (the common case): a straight walk.
    const at = base + mergeLists[0]!;
    const list = byCategory[at]!;
    let i = cursors[at]!;
    while (taken < n && i < list.length) {
      const p = list[i++]!;
      if (released[p] !== 0) continue;
      released[p] = to;
      taken++;
    }
    cursors[at] = i;
    mergeTaken[0] = taken;
  } else if (k > 1) {
    // Several lists: merge them by rank in the chosen order.
    const rank = pool.rank[orderIndex]!;
    for (let m = 0; m < k; m++) mergeHeads[m] = headRank(byCategory[base + mergeLists[m]!]!, released, cursors, base + mergeLists[m]!, rank);
    while (taken < n) {
      let j = 0;
      for (let m = 1; m < k; m++) if (mergeHeads[m]! < mergeHeads[j]!) j = m;
      if (mergeHeads[j] === NONE) break;
      const at = base + mergeLists[j]!;
      const list = byCategory[at]!;
      released[list[cursors[at]!++]!] = to;
      mergeTaken[j]!++;
      taken++;
      mergeHeads[j] = headRank(list, released, cursors, at, rank);
    }
  }
  // What was taken follows from the categories: no per-individual lookups.
  const gov = pool.kind === 'government';
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
  lastRelease.count = taken;
  return taken;
}

const NONE = 0x7fffffff;
const mergeLists = new Int32Array(CATEGORY_COUNT);
const mergeHeads = new Int32Array(CATEGORY_COUNT);
const mergeTaken = new Int32Array(CATEGORY_COUNT);

/** Moves a list's cursor past individuals already out; returns the rank of its head (or NONE). */
function headRank(list: Uint16Array, released: Uint8Array, cursors: Int32Array, at: number, rank: Uint16Array): number {
  let i = cursors[at]!;
  while (i < list.length && released[list[i]!] !== 0) i++;
  cursors[at] = i;
  return i < list.length ? rank[list[i]!]! : NONE;
}

export const govCriteriaIndex = (c: GovCriteria): number => GOV_CRITERIA.indexOf(c);
export const talCriteriaIndex = (c: TalCriteria): number => TAL_CRITERIA.indexOf(c);

// ---------------------------------------------------------------------------------------------
// Generation (once per spec, cached).

function shuffledRange(rng: Rng, from: number, to: number): Uint16Array {
  const a = new Uint16Array(to - from);
  for (let i = 0; i < a.length; i++) a[i] = from + i;
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
  return a;
}

/** A permutation of 0..n-1 sorted by `key` ascending, ties by index (total, so deterministic). */
function orderBy(n: number, key: (i: number) => number): Uint16Array {
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = key(i);
  const idx = Array.from({length: n}, (_, i) => i);
  idx.sort((a, b) => keys[a]! - keys[b]! || a - b);
  return Uint16Array.from(idx);
}

function splitOrders(orders: readonly Uint16Array[], category: Uint8Array): {byCategory: Uint16Array[]; rank: Uint16Array[]} {
  const byCategory: Uint16Array[] = [];
  const rank: Uint16Array[] = [];
  for (const order of orders) {
    const r = new Uint16Array(order.length);
    order.forEach((p, i) => (r[p] = i));
    rank.push(r);
    for (let c = 0; c < CATEGORY_COUNT; c++) byCategory.push(order.filter((p) => category[p] === c));
  }
  return {byCategory, rank};
}

function generateGovPool(spec: GovPoolSpec): Pool {
  const size = spec.onList + spec.offList;
  const rng = createRng(spec.seed);
  const tier = new Uint8Array(size);
  const flags = new Uint8Array(size);
  const age = new Uint8Array(size);
  const health = new Uint8Array(size);
  const sentence = new Uint16Array(size);
  const onList = shuffledRange(rng, 0, spec.onList);
  let k = 0;
  const priority = Math.min(spec.priority, spec.onList);
  for (; k < priority; k++) {
    tier[onList[k]!] = GOV_TIER.priority;
    flags[onList[k]!]! |= FLAG_SERIOUS;
  }
  const commanders = Math.min(spec.commanders, spec.onList - k);
  for (let j = 0; j < commanders; j++, k++) {
    tier[onList[k]!] = GOV_TIER.commander;
    if (rng.next() < 0.5) flags[onList[k]!]! |= FLAG_SERIOUS;
  }
  let serious = 0;
  for (let i = 0; i < spec.onList; i++) if (flags[i]! & FLAG_SERIOUS) serious++;
  for (let j = k; j < spec.onList && serious < spec.serious; j++, serious++) flags[onList[j]!]! |= FLAG_SERIOUS;
  for (let i = 0; i < size; i++) {
    if (i < spec.onList) flags[i]! |= FLAG_ON_LIST;
    const isSerious = (flags[i]! & FLAG_SERIOUS) !== 0;
    // Foreign fighters are concentrated among the serious cases (seed article 000).
    if (rng.next() < spec.foreignShare * (isSerious ? 4 : 0.7)) flags[i]! |= FLAG_FOREIGN;
    age[i] = 18 + Math.floor(Math.pow(rng.next(), 1.6) * 55);
    health[i] = 100 - Math.floor(Math.pow(rng.next(), 4) * 100);
    sentence[i] = isSerious ? 60 + Math.floor(rng.next() * 300) : Math.floor(rng.next() * rng.next() * 180);
  }
  const category = new Uint8Array(size);
  const categoryTotals = new Int32Array(CATEGORY_COUNT);
  for (let i = 0; i < size; i++) {
    category[i] = categoryOf('government', tier[i]!, flags[i]!);
    categoryTotals[category[i]!]!++;
  }
  const danger = (i: number): number =>
    tier[i]! * 4 + ((flags[i]! & FLAG_SERIOUS) !== 0 ? 2 : 0) + ((flags[i]! & FLAG_FOREIGN) !== 0 ? 1 : 0);
  const orderFor: Record<GovCriteria, (i: number) => number> = {
    // The March 2020 decree: health, age and time served together, sickest and oldest first.
    humanitarian: (i) => danger(i) * 10 - ((100 - health[i]!) / 100 + (age[i]! - 18) / 55 + 1 - Math.min(sentence[i]!, 180) / 180),
    health: (i) => health[i]!,
    age: (i) => -age[i]!,
    sentence: (i) => sentence[i]!,
    'low-danger': (i) => danger(i) * 1000 + sentence[i]!,
    'priority-first': (i) => -tier[i]! * size + i,
    'list-order': (i) => i,
  };
  const orders = GOV_CRITERIA.map((c) => orderBy(size, orderFor[c]));
  return {kind: 'government', size, tier, flags, age, health, sentence, category, categoryTotals, orders, ...splitOrders(orders, category)};
}

function generateTalPool(spec: TalPoolSpec): Pool {
  const size = spec.size;
  const rng = createRng(spec.seed);
  const tier = new Uint8Array(size);
  const flags = new Uint8Array(size);
  const age = new Uint8Array(size);
  const health = new Uint8Array(size);
  const sentence = new Uint16Array(size);
  const order = shuffledRange(rng, 0, size);
  const special = Math.min(spec.specialForces, size);
  for (let k = 0; k < special; k++) tier[order[k]!] = TAL_TIER.specialForces;
  for (let i = 0; i < size; i++) {
    if (tier[i] === TAL_TIER.regular && rng.next() < spec.civilianShare) flags[i]! |= FLAG_CIVILIAN;
    age[i] = 18 + Math.floor(rng.next() * 40);
    health[i] = 100 - Math.floor(Math.pow(rng.next(), 4) * 100);
  }
  const category = new Uint8Array(size);
  const categoryTotals = new Int32Array(CATEGORY_COUNT);
  for (let i = 0; i < size; i++) {
    category[i] = categoryOf('taliban', tier[i]!, flags[i]!);
    categoryTotals[category[i]!]!++;
  }
  const orderFor: Record<TalCriteria, (i: number) => number> = {
    // Civilians and regulars first; commandos kept as the last bargaining chip.
    'regular-first': (i) => tier[i]! * 2 * size + ((flags[i]! & FLAG_CIVILIAN) !== 0 ? 0 : size) + i,
    'special-forces-first': (i) => -tier[i]! * size + i,
  };
  const orders = TAL_CRITERIA.map((c) => orderBy(size, orderFor[c]));
  return {kind: 'taliban', size, tier, flags, age, health, sentence, category, categoryTotals, orders, ...splitOrders(orders, category)};
}

// Pools are cached by content (equal specs share one pool) and, in front of that, by spec
// object, so the runs of one config never even serialise the spec.
const byContent = new Map<string, Pool>();
const bySpec = new WeakMap<object, Pool>();

function cached(spec: object, key: string, make: () => Pool): Pool {
  let pool = bySpec.get(spec);
  if (pool) return pool;
  const text = key + JSON.stringify(spec);
  pool = byContent.get(text);
  if (!pool) {
    pool = make();
    if (byContent.size > 64) byContent.clear();
    byContent.set(text, pool);
  }
  bySpec.set(spec, pool);
  return pool;
}

export function govPool(spec: GovPoolSpec): Pool {
  return cached(spec, 'g', () => generateGovPool(spec));
}

export function talPool(spec: TalPoolSpec): Pool {
  return cached(spec, 't', () => generateTalPool(spec));
}
