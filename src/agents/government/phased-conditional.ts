// GRIT-style phased releases (Osgood 1962; Kydd 2000; Lockwood & Thomas 2002): release a batch
// every few days while trust holds and violence stays under a ceiling; grow the batch when the
// Taliban reciprocate; pause and demand reciprocity when they fall behind the agreed ratio.
// COVID-19 pressure enlarges the ordinary batches while the old and sick are still held (T14,
// T21; docs/model.md §4, "Who is freed").
import {z} from 'zod';
import type {DecisionContext, WorldView} from '../../sim/policy.js';
import {definePolicy, int, num, oneOf} from '../define.js';
import {GOV_CRITERIA} from '../../sim/types.js';
import {
  govMemory,
  inCeasefire,
  lowTierHeld,
  releaseLowTier,
  talibanShortfall,
  trustInTaliban,
  commonSteps,
  sharedParams,
} from './common.js';
import {covidBatch, humanitarianWeight} from './covid.js';

export const phasedParams = z.object({
  batchSize: int(100, 10, 2000, 'first batch size'),
  growth: num(1.25, 1, 3, 'batch multiplier after the Taliban reciprocate'),
  maxBatch: int(300, 10, 5000, 'largest ordinary batch'),
  intervalDays: int(3, 1, 60, 'rounds between batches'),
  trustThreshold: num(0.3, 0, 1, 'willingness needed to release (trust plus pressure terms)'),
  violenceCeiling: num(1.5, 0.2, 3, 'no releases while violence is above this (1 = pre-deal baseline)'),
  pressureWeight: num(0.6, 0, 3, 'how much US pressure raises willingness and the violence ceiling'),
  humanitarianWeight: humanitarianWeight('how much COVID-19 pressure raises willingness and enlarges ordinary batches'),
  goodwillBatch: int(900, 0, 5000, 'batch size in a ceasefire (goodwill surge)'),
  ratio: num(5, 1, 20, 'agreed ratio of government to Taliban releases'),
  reciprocityTolerance: int(100, 0, 2000, 'Taliban shortfall (captives) tolerated before demanding reciprocity'),
  criteria: oneOf(GOV_CRITERIA, 'humanitarian', 'how prisoners are chosen for ordinary batches'),
  offerSize: int(400, 0, 5000, 'low-threat prisoners offered once for a considerable reduction in violence (0: never)'),
  ...sharedParams,
  offListGoodwill: int(0, 0, 5000, 'off-list prisoners freed as goodwill while ratification is pending'),
});
export type PhasedParams = z.output<typeof phasedParams>;

export const phasedMemory = {
  ...govMemory,
  /** Round of the last batch. */
  lastBatchDay: 0,
  /** Size of the next ordinary batch (0 until the first). */
  batch: 0,
  /** Taliban releases counted at the last batch: more since then is reciprocity. */
  talAtLastBatch: 0,
  /** The conditional offer has been made (once). */
  offered: false,
};
export type PhasedMemory = typeof phasedMemory;

export const phasedConditional = definePolicy({
  name: 'phased-conditional',
  agent: 'government',
  summary: 'Releases low-threat prisoners in phased batches while trust holds and violence stays low; grows batches when the Taliban reciprocate.',
  theory: 'GRIT (Osgood 1962); costly reassurance (Kydd 2000); gradualism under irreversibility (Lockwood & Thomas 2002)',
  params: phasedParams,
  memory: phasedMemory,
  decide: (ctx) => phasedDecide(ctx),
});

/** The phased-conditional rule, shared with policies that only change its end game. */
export function phasedDecide(ctx: DecisionContext<PhasedParams, PhasedMemory>): void {
  const {state: s, params: p, memory: m, act} = ctx;
  const g = s.gov;
  if (commonSteps(ctx, p, p.maxBatch)) return;
  if (m.batch === 0) m.batch = p.batchSize;

  if (g.offerCount > 0 && g.offerAccepted && s.violence <= g.offerCeiling) {
    releaseLowTier(ctx, g.offerCount, 'low-danger', 'frees {0} low-threat prisoners: the Taliban accepted the offer and violence fell').settlesOffer = true;
    return;
  }
  if (lowTierHeld(s) === 0) return void act.add('hold', 'no low-threat prisoners left to release');

  const ceasefire = inCeasefire(s);
  if (ceasefire && p.goodwillBatch > 0 && m.lastBatchDay !== s.day - 1 && willingness(s, p, ceasefire) >= p.trustThreshold) {
    m.lastBatchDay = s.day;
    m.talAtLastBatch = s.counters.talReleased;
    releaseLowTier(ctx, p.goodwillBatch, p.criteria, 'frees {0} as a goodwill gesture during the ceasefire').goodwill = true;
    return;
  }
  if (g.reciprocityDemand > 0) return void act.add('hold', 'holding: waiting for the Taliban to free {0} more', g.reciprocityDemand);
  const shortfall = talibanShortfall(s, p.ratio);
  if (shortfall > p.reciprocityTolerance) {
    act.add('demand-reciprocity', 'pauses releases until the Taliban free {0} more (agreed ratio {1}:1)', shortfall, p.ratio).count = shortfall;
    return;
  }
  if (s.day - m.lastBatchDay < p.intervalDays) return void act.add('hold', 'between phases of the release schedule');
  const ceiling = p.violenceCeiling * (1 + p.pressureWeight * g.pressure);
  if (!ceasefire && s.violence > ceiling) {
    if (p.offerSize > 0 && !m.offered) {
      m.offered = true;
      const a = act.add('offer', 'offers {0} low-threat prisoners for a considerable reduction in violence', p.offerSize);
      a.count = p.offerSize;
      a.amount = p.violenceCeiling;
      return;
    }
    if (g.violenceCeiling === 0) {
      act.add('condition', 'conditions releases on violence falling below {0:.1} (now {1:.1})', ceiling, s.violence).amount = ceiling;
      return;
    }
    return void act.add('hold', 'holding: violence is above the ceiling set as a condition');
  }
  if (willingness(s, p, ceasefire) < p.trustThreshold) return void act.add('hold', 'holding: too little trust that releases will be reciprocated');

  // Reciprocated since the last batch? Grow the next one (GRIT).
  if (s.counters.talReleased > m.talAtLastBatch) m.batch = Math.min(p.maxBatch, m.batch * p.growth);
  const n = covidBatch(m.batch, p.humanitarianWeight, g.humanitarian);
  m.lastBatchDay = s.day;
  m.talAtLastBatch = s.counters.talReleased;
  if (n > Math.floor(m.batch)) releaseLowTier(ctx, n, p.criteria, 'frees a batch of {0} chosen by {1}, enlarged for COVID-19 relief', p.criteria);
  else releaseLowTier(ctx, n, p.criteria, 'frees a batch of {0} chosen by {1}', p.criteria);
}

/** Trust plus the pressures that push towards releasing; a ceasefire adds goodwill. */
function willingness(s: WorldView, p: PhasedParams, ceasefire: boolean): number {
  const g = s.gov;
  return trustInTaliban(s) + p.pressureWeight * g.pressure + p.humanitarianWeight * g.humanitarian + (ceasefire ? 0.3 : 0);
}
