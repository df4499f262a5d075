// The runs releaseFrom (pools.ts) takes from a pool's release orders: a straight walk along one
// category's list, or a k-way merge of several by rank. The hot loop of every release, apart
// from pools.ts to keep both short; it reads the pool's columns through RunLists.
import {CATEGORY_COUNT, FLAG_VULNERABLE} from './pool-masks.js';
import type {PoolStatus} from './types.js';

/** What a run reads of a pool (pools.ts Pool documents each field). */
export interface RunLists {
  readonly byCategory: readonly Uint16Array[];
  readonly rank: readonly Uint16Array[];
  readonly worth: Float32Array;
  readonly flags: Uint8Array;
  readonly worthBefore: readonly Float64Array[];
  readonly vulnerableBefore: readonly Int32Array[];
  readonly exactSums: boolean;
}

/** The worth and the vulnerable count of what the runs of one release took (reset by releaseFrom). */
export const lastRun = {worth: 0, vulnerable: 0};

/** The admitted lists of a release (their categories), and how many each gave: set by releaseFrom. */
export const mergeLists = new Int32Array(CATEGORY_COUNT);
export const mergeTaken = new Int32Array(CATEGORY_COUNT);
const mergeHeads = new Int32Array(CATEGORY_COUNT);

/** The k-way merge of the admitted lists: each run goes up to the rank of the next lowest head. */
export function mergeRuns(pool: RunLists, status: PoolStatus, orderIndex: number, k: number, n: number, to: 1 | 2): number {
  const base = orderIndex * CATEGORY_COUNT;
  const rank = pool.rank[orderIndex]!;
  const {byCategory} = pool;
  const {released, cursors} = status;
  for (let m = 0; m < k; m++) mergeHeads[m] = headRank(byCategory[base + mergeLists[m]!]!, released, cursors, base + mergeLists[m]!, rank);
  let taken = 0;
  while (taken < n) {
    let j = 0;
    for (let m = 1; m < k; m++) if (mergeHeads[m]! < mergeHeads[j]!) j = m;
    if (mergeHeads[j] === NONE) break;
    let next = NONE;
    for (let m = 0; m < k; m++) if (m !== j && mergeHeads[m]! < next) next = mergeHeads[m]!;
    const at = base + mergeLists[j]!;
    const list = byCategory[at]!;
    const end = next === NONE ? list.length : runEnd(list, rank, cursors[at]!, next);
    const t = takeRun(pool, status, at, end, n - taken, to);
    mergeTaken[j]! += t;
    taken += t;
    mergeHeads[j] = headRank(list, released, cursors, at, rank);
  }
  return taken;
}

/**
 * Frees up to `n` held individuals of list `at` from its cursor to index `end`, moves the cursor
 * past them and adds their worth and vulnerable count to lastRun; returns how many. With
 * exact sums only the few already out are looked up: the run's totals are prefix differences;
 * and while the category was freed in this order only, none are out and nobody is looked up.
 */
export function takeRun(pool: RunLists, status: PoolStatus, at: number, end: number, n: number, to: 1 | 2): number {
  const list = pool.byCategory[at]!;
  const {released, cursors, orderUsed} = status;
  const {worth, flags} = pool;
  const start = cursors[at]!;
  const c = at % CATEGORY_COUNT;
  const order = (at - c) / CATEGORY_COUNT;
  const alone = orderUsed[c] === -1 || orderUsed[c] === order;
  let i = start;
  let taken = 0;
  if (pool.exactSums && alone) {
    // Only this order has freed from the category: everyone from the cursor on is held.
    i = Math.min(end, start + n);
    taken = i - start;
    for (let j = start; j < i; j++) released[list[j]!] = to;
    lastRun.worth += pool.worthBefore[at]![i]! - pool.worthBefore[at]![start]!;
    lastRun.vulnerable += pool.vulnerableBefore[at]![i]! - pool.vulnerableBefore[at]![start]!;
  } else if (pool.exactSums) {
    let outWorth = 0;
    let outVulnerable = 0;
    for (; i < end && taken < n; i++) {
      const p = list[i]!;
      if (released[p] !== 0) {
        outWorth += worth[p]!;
        outVulnerable += (flags[p]! & FLAG_VULNERABLE) >> 4;
        continue;
      }
      released[p] = to;
      taken++;
    }
    const w = pool.worthBefore[at]!;
    const v = pool.vulnerableBefore[at]!;
    lastRun.worth += w[i]! - w[start]! - outWorth;
    lastRun.vulnerable += v[i]! - v[start]! - outVulnerable;
  } else {
    for (; i < end && taken < n; i++) {
      const p = list[i]!;
      if (released[p] !== 0) continue;
      released[p] = to;
      lastRun.worth += worth[p]!;
      lastRun.vulnerable += (flags[p]! & FLAG_VULNERABLE) >> 4;
      taken++;
    }
  }
  cursors[at] = i;
  if (taken > 0) orderUsed[c] = alone ? order : -2;
  return taken;
}

const NONE = 0x7fffffff;

/** Moves a list's cursor past individuals already out; returns the rank of its head (or NONE). */
function headRank(list: Uint16Array, released: Uint8Array, cursors: Int32Array, at: number, rank: Uint16Array): number {
  let i = cursors[at]!;
  while (i < list.length && released[list[i]!] !== 0) i++;
  cursors[at] = i;
  return i < list.length ? rank[list[i]!]! : NONE;
}

/**
 * The first index after `i` whose rank is above `bound` (ranks rise along a list; list[i] ranks
 * below it): a galloping search, one step for a run of one, log steps for a long one.
 */
function runEnd(list: Uint16Array, rank: Uint16Array, i: number, bound: number): number {
  let lo = i;
  let step = 1;
  while (lo + step < list.length && rank[list[lo + step]!]! < bound) {
    lo += step;
    step *= 2;
  }
  let hi = Math.min(lo + step, list.length);
  // rank[list[lo]] < bound; the answer is in (lo, hi].
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (rank[list[mid]!]! < bound) lo = mid;
    else hi = mid;
  }
  return hi;
}
