// Reputational bargaining with an obstinate posture (Abreu & Gul 2000): demand the whole list
// with the priority commanders first, refuse substitutes, walk out when the priority names do
// not move, and concede on them only at a slow hazard that pressure raises.
import {z} from 'zod';
import {chance} from '../../sim/rng.js';
import {bool, definePolicy, int, num} from '../define.js';
import {holidayCeasefire, maybeReturn, paceParams, pressedHazard, releaseOwed, respondToBatch, respondToOffer, steerViolence, talMemory, walkOut} from './common.js';

export const obstinateList = definePolicy({
  name: 'obstinate-list',
  agent: 'taliban',
  summary: 'Demands the whole list with the priority commanders first; walks out when they do not move; releases captives slowly.',
  theory: 'Reputational bargaining and wars of attrition (Abreu & Gul 2000); hand-tying walk-outs (Fearon 1997)',
  params: z.object({
    priorityDemand: int(15, 0, 200, 'priority commanders demanded first'),
    patienceDays: int(7, 1, 90, 'rounds without movement on the priority commanders before walking out'),
    patienceGrowth: num(3, 1, 10, 'patience is multiplied by this after each walk-out (a second walk-out costs more)'),
    returnAfter: int(300, 0, 5000, 'prisoners the government must free after a walk-out before the Taliban return'),
    concessionHazard: num(0.01, 0, 0.5, 'daily chance of dropping the priority-first demand (raised by US pressure)'),
    ratio: num(5, 1, 20, 'government prisoners expected per captive freed'),
    batchCap: int(40, 1, 1000, 'largest batch of captives'),
    lagDays: int(3, 0, 60, 'rounds between batches of captives (fewer under US pressure)'),
    ...paceParams,
    violence: num(1.6, 0, 3, 'violence kept as leverage (1 = pre-deal baseline)'),
    holidayCeasefire: num(0.9, 0, 1, 'chance of declaring a ceasefire over a holiday'),
    demandResponse: num(0.07, 0, 1, 'daily chance of meeting a standing government demand beyond the ratio (raised by US pressure)'),
    acceptOffer: num(0.1, 0, 1, 'chance of accepting a conditional offer (prisoners for less violence)'),
    acceptUnilateral: bool(false, 'accept unilateral government batches as part of the mechanism'),
  }),
  memory: {
    ...talMemory,
    /** The priority-first demand has been made (or stood already at a fork). */
    demanded: false,
  },
  decide(ctx) {
    const {state: s, params: p, memory: m, act} = ctx;
    const t = s.tal;
    if (s.talks === 'broken') return void act.add('hold', 'talks have broken down');
    // A demand already standing (a fork from the record) is not made again.
    if (!m.demanded && t.priorityDemand > 0) m.demanded = true;
    if (!m.demanded && s.talks === 'active' && p.priorityDemand > 0) {
      m.demanded = true;
      act.add('demand', 'demands all 5,000 on the list, the {0} priority commanders first', p.priorityDemand).count = p.priorityDemand;
    }
    respondToBatch(ctx, p.acceptUnilateral);
    respondToOffer(ctx, p.acceptOffer);
    holidayCeasefire(ctx, p.holidayCeasefire);
    const priorityOpen = t.priorityDemand > 0 && s.counters.govReleasedPriority < t.priorityDemand;
    if (s.talks === 'active' && priorityOpen) {
      const waited = s.day - Math.max(t.lastPriorityProgressDay, s.convenedDay, m.returnDay);
      if (waited >= p.patienceDays * Math.pow(p.patienceGrowth, s.counters.walkouts)) {
        return walkOut(ctx, 'walks out: no progress on the {0} priority commanders for {1} days', t.priorityDemand, waited);
      }
    }
    if (maybeReturn(ctx, p.returnAfter)) return;
    if (priorityOpen && chance(s.rng, pressedHazard(p.concessionHazard, t.pressure))) {
      act.add('demand', 'drops the demand that the priority commanders come first').count = 0;
    }
    if (!releaseOwed(ctx, p)) {
      steerViolence(ctx, p.violence, 'keeping pressure on Kabul');
    }
    if (act.length === 0) act.add('hold', priorityOpen ? 'holding out for the priority commanders' : 'waiting for the next government batch');
  },
});
