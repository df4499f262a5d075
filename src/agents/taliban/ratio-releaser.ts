// Reciprocity on quantities (generous tit-for-tat): free one captive for every `ratio`
// prisoners the government frees, with an occasional goodwill batch; violence falls as trust
// in the government rises (Kydd 2000). Walks out only after a long drought of releases.
import {z} from 'zod';
import {chance} from '../../sim/rng.js';
import {bool, definePolicy, int, num} from '../define.js';
import type {DecisionContext} from '../../sim/policy.js';
import {holidayCeasefire, maybeReturn, paceParams, releaseOwed, respondToBatch, respondToOffer, steerViolence, type TalMemory, talMemory, trustInGovernment, walkOut} from './common.js';

export const ratioReleaserParams = z.object({
  ratio: num(5, 1, 20, 'government prisoners expected per captive freed'),
  lagDays: int(2, 0, 60, 'rounds between batches of captives (fewer under US pressure)'),
  ...paceParams,
  batchCap: int(60, 1, 1000, 'largest batch of captives'),
  generosity: num(0.03, 0, 0.5, 'daily chance of a goodwill batch when nothing is owed'),
  goodwillBatch: int(20, 1, 500, 'size of a goodwill batch'),
  baseViolence: num(1.3, 0, 3, 'violence at neutral trust (1 = pre-deal baseline)'),
  trustEffect: num(1, 0, 3, 'how much violence falls as trust in the government rises'),
  droughtDays: int(30, 1, 180, 'rounds without any government release before walking out'),
  returnAfter: int(100, 0, 5000, 'prisoners the government must free after a walk-out before returning'),
  holidayCeasefire: num(0.9, 0, 1, 'chance of declaring a ceasefire over a holiday'),
  demandResponse: num(0.2, 0, 1, 'daily chance of meeting a standing government demand beyond the ratio (raised by US pressure)'),
  acceptOffer: num(0.7, 0, 1, 'chance of accepting a conditional offer (prisoners for less violence)'),
  acceptUnilateral: bool(true, 'accept unilateral government batches as part of the mechanism'),
});
export type RatioReleaserParams = z.output<typeof ratioReleaserParams>;

export const ratioReleaser = definePolicy({
  name: 'ratio-releaser',
  agent: 'taliban',
  summary: 'Frees one captive per five prisoners freed, with occasional goodwill; violence falls as trust grows.',
  theory: 'Generous tit-for-tat (Nowak & Sigmund 1992); costly reassurance (Kydd 2000)',
  params: ratioReleaserParams,
  memory: talMemory,
  decide: (ctx) => ratioReleaserDecide(ctx, 1),
});

/** The ratio-releaser rule; `scale` shrinks concessions (used by split-movement). */
export function ratioReleaserDecide(ctx: DecisionContext<RatioReleaserParams, TalMemory>, scale: number): void {
  const {state: s, params: p, memory: m, act} = ctx;
  if (s.talks === 'broken') return void act.add('hold', 'talks have broken down');
  respondToBatch(ctx, p.acceptUnilateral);
  respondToOffer(ctx, p.acceptOffer);
  holidayCeasefire(ctx, p.holidayCeasefire);
  if (maybeReturn(ctx, p.returnAfter)) return;
  const drought = s.day - Math.max(s.counters.govLastReleaseDay, s.convenedDay, m.returnDay);
  if (s.talks === 'active' && drought >= p.droughtDays) {
    return walkOut(ctx, 'walks out: no government release for {0} days', drought);
  }
  if (!releaseOwed(ctx, p, scale) && s.talks !== 'pending' && chance(s.rng, p.generosity)) {
    const a = act.add('release', 'frees {0} captives as goodwill', p.goodwillBatch);
    a.count = p.goodwillBatch;
    a.goodwill = true;
  }
  const target = Math.max(0, p.baseViolence - p.trustEffect * (trustInGovernment(s) - 0.5));
  steerViolence(ctx, target, 'trust in the government is {0:.2}', trustInGovernment(s));
  if (act.length === 0) act.add('hold', 'waiting for the government to reciprocate');
}
