// Generating the prisoner pools from their seed, once per spec and cached: cold code, apart from the hot selection in pools.ts.
import type {z} from 'zod';
import type {govPoolSchema, talPoolSchema} from './config-schema.js';
import {lazyOrders} from './pool-orders.js';
import {createRng, type Rng} from './rng.js';
import {CATEGORY_COUNT, categoryOf, FLAG_CIVILIAN, FLAG_FOREIGN, FLAG_ON_LIST, FLAG_SERIOUS, FLAG_VULNERABLE, GOV_TIER, TAL_TIER, type Pool} from './pools.js';
import {fighterWorth, isVulnerable, normaliseWorth} from './prisoner-worth.js';
import {GOV_CRITERIA, TAL_CRITERIA, type GovCriteria, type TalCriteria} from './types.js';

/** The government's prisoners (config-schema.ts documents each field), and the seed of their draw. */
export type GovPoolSpec = z.output<typeof govPoolSchema> & {seed: string};

/** The Taliban's captives (config-schema.ts documents each field), and the seed of their draw. */
export type TalPoolSpec = z.output<typeof talPoolSchema> & {seed: string};

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

/** Each individual's category (pools.ts categoryOf) and how many fall in each. */
function categorize(kind: Pool['kind'], tier: Uint8Array, flags: Uint8Array): {category: Uint8Array; categoryTotals: Int32Array} {
  const category = new Uint8Array(tier.length);
  const categoryTotals = new Int32Array(CATEGORY_COUNT);
  for (let i = 0; i < tier.length; i++) {
    category[i] = categoryOf(kind, tier[i]!, flags[i]!);
    categoryTotals[category[i]!]!++;
  }
  return {category, categoryTotals};
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
  const worth = new Float32Array(size);
  let vulnerableTotal = 0;
  for (let i = 0; i < size; i++) {
    worth[i] = fighterWorth(tier[i]!, age[i]!, health[i]!);
    if (isVulnerable(age[i]!, health[i]!)) {
      flags[i]! |= FLAG_VULNERABLE;
      vulnerableTotal++;
    }
  }
  const {category, categoryTotals} = categorize('government', tier, flags);
  // The low tier on the list (category 1, pools.ts) is what ordinary batches draw from.
  normaliseWorth(worth, category, categoryOf('government', GOV_TIER.rankAndFile, FLAG_ON_LIST));
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
  return {kind: 'government', size, tier, flags, age, health, sentence, worth, vulnerableTotal, category, categoryTotals, ...lazyOrders({size, category, categoryTotals, worth, flags}, GOV_CRITERIA.map((c) => orderFor[c]))};
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
  const {category, categoryTotals} = categorize('taliban', tier, flags);
  const orderFor: Record<TalCriteria, (i: number) => number> = {
    // Civilians and regulars first; commandos kept as the last bargaining chip.
    'regular-first': (i) => tier[i]! * 2 * size + ((flags[i]! & FLAG_CIVILIAN) !== 0 ? 0 : size) + i,
    'special-forces-first': (i) => -tier[i]! * size + i,
  };
  // The government counts captives by head (trust.ts): every captive is worth 1.
  const worth = new Float32Array(size).fill(1);
  return {kind: 'taliban', size, tier, flags, age, health, sentence, worth, vulnerableTotal: 0, category, categoryTotals, ...lazyOrders({size, category, categoryTotals, worth, flags}, TAL_CRITERIA.map((c) => orderFor[c]))};
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
