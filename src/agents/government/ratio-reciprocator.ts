// Generous tit-for-tat on quantities (Axelrod 1984; Nowak & Sigmund 1992; Wu & Axelrod 1995):
// open with one batch, then match what the Taliban free at the agreed ratio, with an occasional
// goodwill batch so that noise does not lock both sides into waiting.
import {z} from 'zod';
import {chance} from '../../sim/rng.js';
import {GOV_CRITERIA} from '../../sim/types.js';
import {definePolicy, int, num, oneOf} from '../define.js';
import {commonSteps, govMemory, inCeasefire, lowTierHeld, releaseLowTier, sharedParams} from './common.js';

export const ratioReciprocator = definePolicy({
  name: 'ratio-reciprocator',
  agent: 'government',
  summary: 'Opens with one batch, then matches Taliban releases at the agreed ratio, with occasional goodwill batches.',
  theory: 'Generous tit-for-tat (Nowak & Sigmund 1992); noise-robust reciprocity (Wu & Axelrod 1995)',
  params: z.object({
    ratio: num(5, 1, 20, 'government prisoners freed per captive the Taliban free'),
    openingBatch: int(200, 0, 5000, 'the first, unreciprocated batch'),
    lagDays: int(2, 0, 30, 'rounds between matching batches'),
    generosity: num(0.05, 0, 0.5, 'daily chance of a goodwill batch when the Taliban are behind'),
    goodwillBatch: int(100, 0, 2000, 'size of a goodwill batch'),
    ceasefireBatch: int(500, 0, 5000, 'goodwill batch in a ceasefire'),
    maxBatch: int(500, 10, 5000, 'largest batch'),
    criteria: oneOf(GOV_CRITERIA, 'humanitarian', 'how prisoners are chosen'),
    ...sharedParams,
  }),
  memory: {
    ...govMemory,
    /** Round of the last batch. */
    lastBatchDay: 0,
  },
  decide(ctx) {
    const {state: s, params: p, memory: m, act} = ctx;
    if (commonSteps(ctx, p, p.maxBatch)) return;
    if (lowTierHeld(s) === 0) return void act.add('hold', 'no low-threat prisoners left to release');
    if (s.day - m.lastBatchDay < p.lagDays) return void act.add('hold', 'waiting to match the next Taliban release');
    const owed = p.openingBatch + p.ratio * s.counters.talReleased - s.counters.govReleased;
    if (inCeasefire(s) && p.ceasefireBatch > 0 && m.lastBatchDay < s.ceasefireUntil - 3) {
      m.lastBatchDay = s.day;
      releaseLowTier(ctx, p.ceasefireBatch, p.criteria, 'frees {0} as a goodwill gesture during the ceasefire').goodwill = true;
      return;
    }
    if (owed >= 10) {
      const n = Math.min(owed, p.maxBatch);
      m.lastBatchDay = s.day;
      releaseLowTier(ctx, n, p.criteria, "matches the Taliban's releases at {1}:1 ({0} freed)", p.ratio);
      return;
    }
    if (chance(s.rng, p.generosity)) {
      m.lastBatchDay = s.day;
      releaseLowTier(ctx, p.goodwillBatch, p.criteria, 'frees {0} as goodwill although the Taliban are behind').goodwill = true;
      return;
    }
    if (owed > 0) return void act.add('hold', 'holding: {0} owed is less than a batch', owed);
    act.add('hold', 'holding: the Taliban have not reciprocated (owed {0} captives)', Math.ceil(-owed / p.ratio));
  },
});
