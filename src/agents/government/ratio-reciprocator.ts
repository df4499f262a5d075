// Generous tit-for-tat on quantities (Axelrod 1984; Nowak & Sigmund 1992; Wu & Axelrod 1995):
// open with one batch, then match what the Taliban free at the agreed ratio, with an occasional
// goodwill batch so that noise does not lock both sides into waiting. COVID-19 pressure adds
// humanitarian releases to its matching batches (covid.ts), which it does not count as matched.
import {z} from 'zod';
import {chance} from '../../sim/rng.js';
import {GOV_CRITERIA} from '../../sim/types.js';
import {definePolicy, int, num, oneOf} from '../define.js';
import {commonSteps, govMemory, inCeasefire, lowTierHeld, releaseLowTier, sharedParams} from './common.js';
import {covidBatch, humanitarianWeight} from './covid.js';

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
    humanitarianWeight: humanitarianWeight('how much COVID-19 pressure enlarges matching batches'),
    ...sharedParams,
  }),
  memory: {
    ...govMemory,
    /** Round of the last batch. */
    lastBatchDay: 0,
    /** Prisoners added to matching batches as COVID-19 relief: outside the exchange, not matched. */
    covidFreed: 0,
    /** Last day of the ceasefire it made its goodwill gesture in (-1: none yet): one gesture a ceasefire. */
    ceasefireGift: -1,
  },
  decide(ctx) {
    const {state: s, params: p, memory: m, act} = ctx;
    if (commonSteps(ctx, p, p.maxBatch)) return;
    if (lowTierHeld(s) === 0) return void act.add('hold', 'no low-threat prisoners left to release');
    if (s.day - m.lastBatchDay < p.lagDays) return void act.add('hold', 'waiting to match the next Taliban release');
    const owed = p.openingBatch + p.ratio * s.counters.talReleased - (s.counters.govReleased - m.covidFreed);
    // Once a ceasefire, whenever in it a batch is due: the government learns of a ceasefire the
    // Taliban declare a round after they declare it, and a holiday truce lasts three days.
    if (inCeasefire(s) && p.ceasefireBatch > 0 && m.ceasefireGift !== s.ceasefireUntil) {
      m.lastBatchDay = s.day;
      m.ceasefireGift = s.ceasefireUntil;
      releaseLowTier(ctx, p.ceasefireBatch, p.criteria, 'frees {0} as a goodwill gesture during the ceasefire').goodwill = true;
      return;
    }
    if (owed >= 10) {
      const matched = Math.min(owed, p.maxBatch);
      const n = covidBatch(matched, p.humanitarianWeight, s.gov.humanitarian);
      m.lastBatchDay = s.day;
      m.covidFreed += Math.min(n, lowTierHeld(s)) - Math.min(matched, lowTierHeld(s));
      if (n > matched) releaseLowTier(ctx, n, p.criteria, "matches the Taliban's releases at {1}:1 and adds COVID-19 relief ({0} freed)", p.ratio);
      else releaseLowTier(ctx, n, p.criteria, "matches the Taliban's releases at {1}:1 ({0} freed)", p.ratio);
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
