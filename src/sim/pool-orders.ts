// A pool's release orders: sorted once per criterion, on first use, then split by category and
// ranked for the k-way merge of releaseFrom (pools.ts).
import {CATEGORY_COUNT, type Pool} from './pools.js';

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
 * The lazily built orders of a pool: `key(o)` gives order o's sort key. Building order o sorts
 * by that key, then splits the order by category and ranks it (pools.ts reads all three).
 */
export function lazyOrders(size: number, category: Uint8Array, categoryTotals: Int32Array, keys: readonly ((i: number) => number)[]): Pick<Pool, 'orderCount' | 'orders' | 'byCategory' | 'rank' | 'built' | 'build'> {
  const count = keys.length;
  const orders: Uint16Array[] = Array.from({length: count}, () => EMPTY);
  const byCategory: Uint16Array[] = Array.from({length: count * CATEGORY_COUNT}, () => EMPTY);
  const rank: Uint16Array[] = Array.from({length: count}, () => EMPTY);
  const built = new Uint8Array(count);
  const build = (o: number): void => {
    const order = orderBy(size, keys[o]!);
    const r = new Uint16Array(size);
    for (let i = 0; i < size; i++) r[order[i]!] = i;
    // One pass: each category's members in the order's sequence.
    const filled = new Int32Array(CATEGORY_COUNT);
    const lists = Array.from(categoryTotals, (n) => new Uint16Array(n));
    for (let i = 0; i < size; i++) {
      const c = category[order[i]!]!;
      lists[c]![filled[c]!++] = order[i]!;
    }
    for (let c = 0; c < CATEGORY_COUNT; c++) byCategory[o * CATEGORY_COUNT + c] = lists[c]!;
    orders[o] = order;
    rank[o] = r;
    built[o] = 1;
  };
  return {orderCount: count, orders, byCategory, rank, built, build};
}
