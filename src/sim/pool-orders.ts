// A pool's release orders: sorted once per criterion, on first use, then split by category and
// ranked for the k-way merge of releaseFrom (pools.ts), with the sums it reads along each list.
import {CATEGORY_COUNT, FLAG_VULNERABLE, type Pool} from './pools.js';

/**
 * A permutation of 0..n-1 sorted by `key` ascending, ties by index (total, so deterministic).
 * Start-up cost matters here (a plain `parley run` builds the orders it uses as it starts): the distinct
 * keys are sorted natively, each index gets its key's rank by binary search, and a counting sort
 * by rank keeps equal keys in index order, the same permutation a comparator sort gives at a
 * fraction of its cost in cold code.
 */
export function orderBy(n: number, key: (i: number) => number): Uint16Array {
  const keys = new Float64Array(n);
  // + 0 turns -0 into 0: the two are one key, as a comparator's subtraction sees them.
  for (let i = 0; i < n; i++) keys[i] = key(i) + 0;
  const sorted = keys.slice().sort();
  let distinct = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i]!;
  const rank = new Uint32Array(n);
  const counts = new Uint32Array(distinct + 1);
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < k) lo = mid + 1;
      else hi = mid;
    }
    rank[i] = lo;
    counts[lo + 1]!++;
  }
  for (let r = 1; r <= distinct; r++) counts[r]! += counts[r - 1]!;
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) out[counts[rank[i]!]!++] = i;
  return out;
}

const EMPTY = new Uint16Array(0);

/** Order o of a pool, built if it was not yet. */
export function orderOf(pool: Pool, o: number): Uint16Array {
  if (pool.built[o] === 0) pool.build(o);
  return pool.orders[o]!;
}

/**
 * Whether every sum of `worth` values taken in any order and grouping is exact in doubles: each
 * float32 is a whole multiple of its last place, so all such sums are multiples of the smallest
 * last place, and exact while the sum of all magnitudes fits in 53 bits of them. Then prefix sums
 * (releaseFrom's worthBefore) give the same double as adding one prisoner at a time. One bit of
 * margin each side, for log2's rounding.
 */
export function worthSumsExact(worth: Float32Array): boolean {
  let smallest = Infinity;
  let total = 0;
  for (let i = 0; i < worth.length; i++) {
    const w = Math.abs(worth[i]!);
    if (w > 0 && w < smallest) smallest = w;
    total += w;
  }
  if (!Number.isFinite(total)) return false;
  if (total === 0) return true;
  const lastPlace = Math.floor(Math.log2(smallest)) - 24;
  return Math.log2(total) + 1 < 53 + lastPlace;
}

/** The columns of a pool its orders are built from. */
export interface OrderSource {
  size: number;
  category: Uint8Array;
  categoryTotals: Int32Array;
  worth: Float32Array;
  flags: Uint8Array;
}

type LazyOrders = Pick<Pool, 'orderCount' | 'orders' | 'byCategory' | 'rank' | 'worthBefore' | 'vulnerableBefore' | 'exactSums' | 'built' | 'build'>;

/**
 * The lazily built orders of a pool: `key(o)` gives order o's sort key. Building order o sorts
 * by that key, then splits the order by category, ranks it and sums worth and vulnerability
 * along each category's list (pools.ts reads all of these).
 */
export function lazyOrders(source: OrderSource, keys: readonly ((i: number) => number)[]): LazyOrders {
  const {size, category, categoryTotals, worth, flags} = source;
  const count = keys.length;
  const lists = count * CATEGORY_COUNT;
  const orders: Uint16Array[] = Array.from({length: count}, () => EMPTY);
  const byCategory: Uint16Array[] = Array.from({length: lists}, () => EMPTY);
  const rank: Uint16Array[] = Array.from({length: count}, () => EMPTY);
  const worthBefore: Float64Array[] = Array.from({length: lists}, () => EMPTY_SUMS);
  const vulnerableBefore: Int32Array[] = Array.from({length: lists}, () => EMPTY_COUNTS);
  const exactSums = worthSumsExact(worth);
  const built = new Uint8Array(count);
  const build = (o: number): void => {
    const order = orderBy(size, keys[o]!);
    const r = new Uint16Array(size);
    for (let i = 0; i < size; i++) r[order[i]!] = i;
    // One pass: each category's members in the order's sequence.
    const filled = new Int32Array(CATEGORY_COUNT);
    const split = Array.from(categoryTotals, (n) => new Uint16Array(n));
    for (let i = 0; i < size; i++) {
      const c = category[order[i]!]!;
      split[c]![filled[c]!++] = order[i]!;
    }
    for (let c = 0; c < CATEGORY_COUNT; c++) {
      const at = o * CATEGORY_COUNT + c;
      byCategory[at] = split[c]!;
      if (exactSums) [worthBefore[at], vulnerableBefore[at]] = prefixSums(split[c]!, worth, flags);
    }
    orders[o] = order;
    rank[o] = r;
    built[o] = 1;
  };
  return {orderCount: count, orders, byCategory, rank, worthBefore, vulnerableBefore, exactSums, built, build};
}

const EMPTY_SUMS = new Float64Array(1);
const EMPTY_COUNTS = new Int32Array(1);

/** Worth and vulnerable count of list[0..i) at index i, for i = 0..list.length. */
function prefixSums(list: Uint16Array, worth: Float32Array, flags: Uint8Array): [Float64Array, Int32Array] {
  const w = new Float64Array(list.length + 1);
  const v = new Int32Array(list.length + 1);
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    w[i + 1] = w[i]! + worth[p]!;
    v[i + 1] = v[i]! + ((flags[p]! & FLAG_VULNERABLE) !== 0 ? 1 : 0);
  }
  return [w, v];
}
