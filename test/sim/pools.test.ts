import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
  ALL_CATEGORIES,
  CATEGORY_COUNT,
  FLAG_CIVILIAN,
  FLAG_ON_LIST,
  FLAG_SERIOUS,
  GOV_TIER,
  TAL_TIER,
  copyPoolStatus,
  createPoolStatus,
  govFilterMask,
  heldIn,
  lastRelease,
  releaseFrom,
  talFilterMask,
  type Pool,
} from '../../src/sim/pools.js';
import {orderBy, orderOf} from '../../src/sim/pool-orders.js';
import {govPool, talPool, type GovPoolSpec, type TalPoolSpec} from '../../src/sim/population.js';
import {GOV_CRITERIA, TAL_CRITERIA, type PoolStatus} from '../../src/sim/types.js';
import {configOf, countWhere, rawScenario} from '../helpers/scenario.js';

const DEFAULT_GOV: GovPoolSpec = {onList: 5000, offList: 500, priority: 15, commanders: 400, serious: 600, foreignShare: 0.03, seed: 'population/government'};
const DEFAULT_TAL: TalPoolSpec = {size: 1000, specialForces: 22, civilianShare: 0.15, seed: 'population/taliban'};

const has = (flags: number, flag: number): boolean => (flags & flag) !== 0;

function isPermutation(order: ArrayLike<number>, n: number): boolean {
  if (order.length !== n) return false;
  const seen = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = order[i]!;
    if (p >= n || seen[p]) return false;
    seen[p] = 1;
  }
  return true;
}

/** True if key(order[i]) never decreases along the order. */
function sortedBy(order: ArrayLike<number>, key: (p: number) => number): boolean {
  for (let i = 1; i < order.length; i++) if (key(order[i]!) < key(order[i - 1]!)) return false;
  return true;
}

/** The reference semantics of releaseFrom: scan the whole order from the start every time. */
function naiveRelease(pool: Pool, released: Uint8Array, orderIndex: number, mask: number, n: number, to: 1 | 2): number {
  if (n <= 0) return 0;
  let taken = 0;
  for (const p of orderOf(pool, orderIndex)) {
    if (taken >= n) break;
    if (released[p] !== 0 || ((mask >> pool.category[p]!) & 1) === 0) continue;
    released[p] = to;
    taken++;
  }
  return taken;
}

function checkStatusConsistent(pool: Pool, status: PoolStatus): void {
  const out = new Int32Array(CATEGORY_COUNT);
  for (let p = 0; p < pool.size; p++) if (status.released[p] !== 0) out[pool.category[p]!]!++;
  for (let c = 0; c < CATEGORY_COUNT; c++) expect(status.remaining[c]).toBe(pool.categoryTotals[c]! - out[c]!);
}

describe('government pool generation', () => {
  it.each([
    ['default', DEFAULT_GOV],
    ['small', {onList: 300, offList: 40, priority: 5, commanders: 30, serious: 60, foreignShare: 0.1, seed: 'small'}],
    ['no extras', {onList: 50, offList: 0, priority: 0, commanders: 0, serious: 0, foreignShare: 0, seed: 'bare'}],
  ] as [string, GovPoolSpec][])('%s spec: sizes and counts match', (_name, spec) => {
    const pool = govPool(spec);
    expect(pool.kind).toBe('government');
    expect(pool.size).toBe(spec.onList + spec.offList);
    for (const col of [pool.tier, pool.flags, pool.age, pool.health, pool.sentence, pool.category]) expect(col.length).toBe(pool.size);
    expect(countWhere(pool.flags, (f) => has(f, FLAG_ON_LIST))).toBe(spec.onList);
    expect(countWhere(pool.tier, (t) => t === GOV_TIER.priority)).toBe(spec.priority);
    expect(countWhere(pool.tier, (t) => t === GOV_TIER.commander)).toBe(spec.commanders);
    const serious = countWhere(pool.flags, (f) => has(f, FLAG_SERIOUS));
    if (spec.serious >= spec.priority + spec.commanders) expect(serious).toBe(spec.serious);
    expect(serious).toBeGreaterThanOrEqual(spec.serious);
    for (let p = 0; p < pool.size; p++) {
      const onList = has(pool.flags[p]!, FLAG_ON_LIST);
      // Priority commanders are serious cases; commanders and serious cases are on the list.
      if (pool.tier[p] === GOV_TIER.priority) expect(has(pool.flags[p]!, FLAG_SERIOUS)).toBe(true);
      if (pool.tier[p] !== GOV_TIER.rankAndFile || has(pool.flags[p]!, FLAG_SERIOUS)) expect(onList).toBe(true);
      expect(pool.age[p]).toBeGreaterThanOrEqual(18);
      expect(pool.health[p]).toBeLessThanOrEqual(100);
    }
  });

  it('categories: tier x serious x on-list, with matching totals', () => {
    const pool = govPool(DEFAULT_GOV);
    const totals = new Int32Array(CATEGORY_COUNT);
    for (let p = 0; p < pool.size; p++) {
      const f = pool.flags[p]!;
      expect(pool.category[p]).toBe(pool.tier[p]! * 4 + (has(f, FLAG_SERIOUS) ? 2 : 0) + (has(f, FLAG_ON_LIST) ? 1 : 0));
      totals[pool.category[p]!]!++;
    }
    expect(Array.from(pool.categoryTotals)).toEqual(Array.from(totals));
    expect(totals.reduce((a, b) => a + b, 0)).toBe(pool.size);
  });

  it('has one release order per criterion, each a permutation in its documented order', () => {
    const pool = govPool(DEFAULT_GOV);
    expect(pool.orderCount).toBe(GOV_CRITERIA.length);
    for (let o = 0; o < pool.orderCount; o++) expect(isPermutation(orderOf(pool, o), pool.size)).toBe(true);
    const order = (c: (typeof GOV_CRITERIA)[number]) => orderOf(pool, GOV_CRITERIA.indexOf(c));
    const danger = (p: number) => pool.tier[p]! * 4 + (has(pool.flags[p]!, FLAG_SERIOUS) ? 2 : 0) + (has(pool.flags[p]!, 4) ? 1 : 0);
    expect(sortedBy(order('health'), (p) => pool.health[p]!)).toBe(true); // sickest first
    expect(sortedBy(order('age'), (p) => -pool.age[p]!)).toBe(true); // oldest first
    expect(sortedBy(order('sentence'), (p) => pool.sentence[p]!)).toBe(true); // least time left first
    expect(sortedBy(order('low-danger'), danger)).toBe(true);
    expect(sortedBy(order('humanitarian'), danger)).toBe(true);
    expect(sortedBy(order('priority-first'), (p) => -pool.tier[p]!)).toBe(true);
    expect(Array.from(order('list-order'))).toEqual(Array.from({length: pool.size}, (_, i) => i));
  });

  it('is generated from the pool seed: cached, and independent of the run seed', () => {
    expect(govPool({...DEFAULT_GOV})).toBe(govPool(DEFAULT_GOV));
    const other = govPool({...DEFAULT_GOV, seed: 'another population'});
    expect(other).not.toBe(govPool(DEFAULT_GOV));
    expect(Array.from(other.tier)).not.toEqual(Array.from(govPool(DEFAULT_GOV).tier));
    const a = configOf(rawScenario({seed: 'run-a'}));
    const b = configOf(rawScenario({seed: 'run-b'}));
    expect(a.govPool).toEqual(b.govPool);
    expect(a.talPool).toEqual(b.talPool);
    expect(govPool(a.govPool)).toBe(govPool(b.govPool));
    expect(talPool(a.talPool)).toBe(talPool(b.talPool));
    const c = configOf(rawScenario({seed: 'run-a', pools: {seed: 'elsewhere'}}));
    expect(Array.from(govPool(c.govPool).flags)).not.toEqual(Array.from(govPool(a.govPool).flags));
  });

  it('gives the same population when regenerated from scratch', () => {
    // A spec object the cache has not seen (different key order, same content).
    const {seed, ...rest} = DEFAULT_GOV;
    const fresh = govPool({seed, ...rest});
    const cached = govPool(DEFAULT_GOV);
    expect(Array.from(fresh.tier)).toEqual(Array.from(cached.tier));
    expect(Array.from(fresh.flags)).toEqual(Array.from(cached.flags));
    expect(Array.from(orderOf(fresh, 0))).toEqual(Array.from(orderOf(cached, 0)));
  });
});

describe('Taliban pool generation', () => {
  it('sizes, special forces and civilians match the spec', () => {
    const pool = talPool(DEFAULT_TAL);
    expect(pool.kind).toBe('taliban');
    expect(pool.size).toBe(DEFAULT_TAL.size);
    expect(countWhere(pool.tier, (t) => t === TAL_TIER.specialForces)).toBe(DEFAULT_TAL.specialForces);
    const civilians = countWhere(pool.flags, (f) => has(f, FLAG_CIVILIAN));
    expect(civilians / (DEFAULT_TAL.size - DEFAULT_TAL.specialForces)).toBeGreaterThan(0.1);
    expect(civilians / (DEFAULT_TAL.size - DEFAULT_TAL.specialForces)).toBeLessThan(0.2);
    for (let p = 0; p < pool.size; p++) {
      if (pool.tier[p] === TAL_TIER.specialForces) expect(has(pool.flags[p]!, FLAG_CIVILIAN)).toBe(false);
      expect(pool.category[p]).toBe(pool.tier[p]! * 2 + (has(pool.flags[p]!, FLAG_CIVILIAN) ? 1 : 0));
    }
    const totals = new Int32Array(CATEGORY_COUNT);
    for (let p = 0; p < pool.size; p++) totals[pool.category[p]!]!++;
    expect(Array.from(pool.categoryTotals)).toEqual(Array.from(totals));
  });

  it('orders: commandos last (civilians first) or commandos first', () => {
    const pool = talPool(DEFAULT_TAL);
    expect(pool.orderCount).toBe(TAL_CRITERIA.length);
    for (let o = 0; o < pool.orderCount; o++) expect(isPermutation(orderOf(pool, o), pool.size)).toBe(true);
    const regularFirst = orderOf(pool, TAL_CRITERIA.indexOf('regular-first'));
    const specialFirst = orderOf(pool, TAL_CRITERIA.indexOf('special-forces-first'));
    expect(sortedBy(regularFirst, (p) => pool.tier[p]! * 2 + (has(pool.flags[p]!, FLAG_CIVILIAN) ? 0 : 1))).toBe(true);
    expect(sortedBy(specialFirst, (p) => -pool.tier[p]!)).toBe(true);
  });

  it('caps special forces at the pool size', () => {
    const pool = talPool({size: 10, specialForces: 10, civilianShare: 1, seed: 'all-commandos'});
    expect(countWhere(pool.tier, (t) => t === TAL_TIER.specialForces)).toBe(10);
    expect(countWhere(pool.flags, (f) => has(f, FLAG_CIVILIAN))).toBe(0);
  });
});

describe('filter masks', () => {
  it('government: a category is admitted exactly when the filter allows its tier, case and list', () => {
    for (const list of ['on', 'off', 'any'] as const) {
      for (const allowSerious of [false, true]) {
        for (const allowCommanders of [false, true]) {
          const mask = govFilterMask({list, allowSerious, allowCommanders});
          for (let c = 0; c < CATEGORY_COUNT; c++) {
            const tier = c >> 2;
            const serious = (c >> 1) & 1;
            const onList = c & 1;
            const admitted =
              (tier === 0 || allowCommanders) && (serious === 0 || allowSerious) && (list === 'any' || (list === 'on') === (onList === 1));
            expect(((mask >> c) & 1) === 1, `list=${list} serious=${allowSerious} commanders=${allowCommanders} category=${c}`).toBe(admitted);
          }
        }
      }
    }
  });

  it('Taliban: special forces only when allowed', () => {
    const pool = talPool(DEFAULT_TAL);
    const status = createPoolStatus(pool);
    expect(heldIn(status, talFilterMask(false))).toBe(DEFAULT_TAL.size - DEFAULT_TAL.specialForces);
    expect(heldIn(status, talFilterMask(true))).toBe(DEFAULT_TAL.size);
    expect(heldIn(status, ALL_CATEGORIES)).toBe(DEFAULT_TAL.size);
  });
});

describe('releaseFrom', () => {
  const spec: GovPoolSpec = {onList: 400, offList: 60, priority: 6, commanders: 40, serious: 80, foreignShare: 0.05, seed: 'release-tests'};

  it('takes only admitted, held individuals, each once, and counts what it took', () => {
    const pool = govPool(spec);
    const status = createPoolStatus(pool);
    const mask = govFilterMask({list: 'on', allowSerious: false, allowCommanders: false});
    const eligible = heldIn(status, mask);
    let total = 0;
    for (let round = 0; round < 10; round++) {
      const before = status.released.slice();
      const n = releaseFrom(pool, status, GOV_CRITERIA.indexOf('humanitarian'), mask, 37);
      expect(n).toBe(Math.min(37, eligible - total));
      expect(lastRelease.count).toBe(n);
      let changed = 0;
      let offList = 0;
      for (let p = 0; p < pool.size; p++) {
        if (before[p] === status.released[p]) continue;
        changed++;
        expect(before[p]).toBe(0); // never released twice
        expect(status.released[p]).toBe(1);
        expect((mask >> pool.category[p]!) & 1).toBe(1);
        if (!has(pool.flags[p]!, FLAG_ON_LIST)) offList++;
      }
      expect(changed).toBe(n);
      expect(lastRelease.offList).toBe(offList);
      expect(lastRelease.commanders).toBe(0);
      expect(lastRelease.serious).toBe(0);
      total += n;
    }
    expect(heldIn(status, mask)).toBe(eligible - total);
    checkStatusConsistent(pool, status);
  });

  it('returns fewer when not enough are eligible, then nothing', () => {
    const pool = govPool(spec);
    const status = createPoolStatus(pool);
    const mask = govFilterMask({list: 'on', allowSerious: true, allowCommanders: true}) & ~govFilterMask({list: 'on', allowSerious: false, allowCommanders: false});
    const high = heldIn(status, mask);
    expect(high).toBeGreaterThan(0);
    expect(releaseFrom(pool, status, GOV_CRITERIA.indexOf('low-danger'), mask, high + 50)).toBe(high);
    expect(lastRelease.priority).toBe(spec.priority);
    expect(lastRelease.commanders).toBe(spec.priority + spec.commanders);
    expect(lastRelease.serious).toBe(countWhere(pool.flags, (f) => has(f, FLAG_SERIOUS)));
    expect(heldIn(status, mask)).toBe(0);
    expect(releaseFrom(pool, status, GOV_CRITERIA.indexOf('low-danger'), mask, 10)).toBe(0);
    expect(lastRelease.count).toBe(0);
    checkStatusConsistent(pool, status);
  });

  it('does nothing for n <= 0 or an empty mask', () => {
    const pool = govPool(spec);
    const status = createPoolStatus(pool);
    expect(releaseFrom(pool, status, 0, ALL_CATEGORIES, 0)).toBe(0);
    expect(releaseFrom(pool, status, 0, ALL_CATEGORIES, -5)).toBe(0);
    expect(releaseFrom(pool, status, 0, 0, 100)).toBe(0);
    expect(countWhere(status.released, (v) => v !== 0)).toBe(0);
  });

  it('marks third-country custody as 2', () => {
    const pool = govPool(spec);
    const status = createPoolStatus(pool);
    const n = releaseFrom(pool, status, GOV_CRITERIA.indexOf('priority-first'), ALL_CATEGORIES, 6, 2);
    expect(n).toBe(6);
    expect(countWhere(status.released, (v) => v === 2)).toBe(6);
    expect(countWhere(status.released, (v) => v === 1)).toBe(0);
    // priority-first: the six taken are the priority commanders.
    expect(lastRelease.priority).toBe(6);
    for (let p = 0; p < pool.size; p++) if (status.released[p] === 2) expect(pool.tier[p]).toBe(GOV_TIER.priority);
  });

  it('Taliban: counts special forces released', () => {
    const pool = talPool(DEFAULT_TAL);
    const status = createPoolStatus(pool);
    expect(releaseFrom(pool, status, TAL_CRITERIA.indexOf('special-forces-first'), talFilterMask(true), 30)).toBe(30);
    expect(lastRelease.specialForces).toBe(DEFAULT_TAL.specialForces);
    expect(releaseFrom(pool, status, TAL_CRITERIA.indexOf('regular-first'), talFilterMask(false), 2000)).toBe(DEFAULT_TAL.size - 30);
    expect(lastRelease.specialForces).toBe(0);
    expect(heldIn(status, ALL_CATEGORIES)).toBe(0);
    checkStatusConsistent(pool, status);
  });

  const specArb = fc
    .record({
      onList: fc.integer({min: 1, max: 400}),
      offList: fc.integer({min: 0, max: 80}),
      priority: fc.integer({min: 0, max: 20}),
      commanders: fc.double({min: 0, max: 0.5, noNaN: true}),
      serious: fc.double({min: 0, max: 1, noNaN: true}),
      seed: fc.string({maxLength: 6}),
    })
    .map(({onList, offList, priority, commanders, serious, seed}): GovPoolSpec => {
      const pr = Math.min(priority, onList);
      return {onList, offList, priority: pr, commanders: Math.floor(commanders * (onList - pr)), serious: Math.floor(serious * onList), foreignShare: 0.05, seed};
    });
  const opsArb = fc.array(
    fc.record({
      order: fc.nat(),
      mask: fc.oneof(
        fc.integer({min: 0, max: ALL_CATEGORIES}),
        fc.constantFrom(
          govFilterMask({list: 'on', allowSerious: false, allowCommanders: false}),
          govFilterMask({list: 'off', allowSerious: true, allowCommanders: true}),
          govFilterMask({list: 'any', allowSerious: true, allowCommanders: false}),
          ALL_CATEGORIES,
        ),
      ),
      n: fc.integer({min: -2, max: 400}),
      to: fc.constantFrom<1 | 2>(1, 1, 2),
    }),
    {maxLength: 40},
  );

  it('cursor optimisation selects exactly what a naive scan of the order selects', () => {
    fc.assert(
      fc.property(fc.oneof({weight: 4, arbitrary: specArb}, {weight: 1, arbitrary: fc.constant(DEFAULT_GOV)}), opsArb, (s, ops) => {
        const pool = govPool(s);
        const status = createPoolStatus(pool);
        const naive = new Uint8Array(pool.size);
        for (const op of ops) {
          const k = op.order % pool.orderCount;
          const got = releaseFrom(pool, status, k, op.mask, op.n, op.to);
          const want = naiveRelease(pool, naive, k, op.mask, op.n, op.to);
          expect(got).toBe(want);
          expect(status.released).toEqual(naive);
        }
        checkStatusConsistent(pool, status);
      }),
      {numRuns: 150},
    );
  });

  it('cursor optimisation matches a naive scan on the Taliban pool too', () => {
    fc.assert(
      fc.property(
        fc.integer({min: 1, max: 300}),
        fc.integer({min: 0, max: 30}),
        fc.array(fc.record({order: fc.nat(), allow: fc.boolean(), n: fc.integer({min: 0, max: 80})}), {maxLength: 30}),
        (size, special, ops) => {
          const pool = talPool({size, specialForces: Math.min(special, size), civilianShare: 0.3, seed: `tal-${size}`});
          const status = createPoolStatus(pool);
          const naive = new Uint8Array(pool.size);
          for (const op of ops) {
            const k = op.order % pool.orderCount;
            expect(releaseFrom(pool, status, k, talFilterMask(op.allow), op.n)).toBe(naiveRelease(pool, naive, k, talFilterMask(op.allow), op.n, 1));
            expect(status.released).toEqual(naive);
          }
          checkStatusConsistent(pool, status);
        },
      ),
      {numRuns: 80},
    );
  });

  it('copyPoolStatus gives an independent exact copy', () => {
    const pool = govPool(spec);
    const a = createPoolStatus(pool);
    releaseFrom(pool, a, 0, ALL_CATEGORIES, 100);
    const b = createPoolStatus(pool);
    copyPoolStatus(b, a);
    expect(b).toEqual(a);
    releaseFrom(pool, b, 1, ALL_CATEGORIES, 50);
    expect(countWhere(a.released, (v) => v !== 0)).toBe(100);
    expect(countWhere(b.released, (v) => v !== 0)).toBe(150);
  });
});

describe('orderBy', () => {
  /** The definition: indices sorted by key, ties by index. */
  const byComparator = (keys: readonly number[]): number[] => keys.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);

  it('is the comparator sort: ascending keys, equal keys (0 and -0 among them) in index order', () => {
    expect([...orderBy(6, (i) => [3, -0, 1, 0, 3, -2][i]!)]).toEqual([5, 1, 3, 2, 0, 4]);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({min: -3, max: 3}), fc.double({min: -1e6, max: 1e6, noNaN: true}), fc.constant(-0)), {maxLength: 300}), (keys) => {
        expect([...orderBy(keys.length, (i) => keys[i]!)]).toEqual(byComparator(keys));
      }),
      {numRuns: 300},
    );
  });
});
