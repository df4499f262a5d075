// Violence as leverage (Fearon 1997 costly signals; docs/model.md §6): when nothing moves for a
// while, raise violence step by step, kept under a cap below the US red line; lower it after
// large releases and stop for holidays to show control.
import {z} from 'zod';
import {creditedRecent} from '../../sim/trust.js';
import {bool, definePolicy, int, num} from '../define.js';
import {holidayCeasefire, maybeReturn, paceParams, releaseOwed, respondToBatch, respondToOffer, steerViolence, talMemory, walkOut} from './common.js';

export const coerciveLeverage = definePolicy({
  name: 'coercive-leverage',
  agent: 'taliban',
  summary: 'Raises violence step by step when talks stall, lowers it after large releases, keeps holiday ceasefires.',
  theory: 'Costly signalling (Fearon 1997); violence below the broker’s red line (SIGAR 2020)',
  params: z.object({
    stallDays: int(7, 1, 60, 'rounds without progress before escalating'),
    step: num(0.2, 0.01, 1, 'violence added per escalation (weekly at most)'),
    maxViolence: num(2.2, 0.5, 3, 'cap on violence (kept under the US red line)'),
    calmViolence: num(1.2, 0, 3, 'violence after a large release'),
    largeRelease: int(300, 10, 5000, 'government release in the last two weeks that counts as large (batches it rejected do not count)'),
    ratio: num(5, 1, 20, 'government prisoners expected per captive freed'),
    batchCap: int(50, 1, 1000, 'largest batch of captives'),
    lagDays: int(3, 0, 60, 'rounds between batches of captives (fewer under US pressure)'),
    ...paceParams,
    walkoutDays: int(21, 1, 180, 'rounds without progress before walking out'),
    returnAfter: int(200, 0, 5000, 'prisoners the government must free after a walk-out before returning'),
    holidayCeasefire: num(1, 0, 1, 'chance of declaring a ceasefire over a holiday'),
    demandResponse: num(0.1, 0, 1, 'daily chance of meeting a standing government demand beyond the ratio (raised by US pressure)'),
    acceptOffer: num(0.3, 0, 1, 'chance of accepting a conditional offer (prisoners for less violence)'),
    acceptUnilateral: bool(false, 'accept unilateral government batches as part of the mechanism'),
  }),
  memory: talMemory,
  decide(ctx) {
    const {state: s, params: p, act} = ctx;
    const t = s.tal;
    if (s.talks === 'broken') return void act.add('hold', 'talks have broken down');
    respondToBatch(ctx, p.acceptUnilateral);
    respondToOffer(ctx, p.acceptOffer);
    holidayCeasefire(ctx, p.holidayCeasefire);
    if (maybeReturn(ctx, p.returnAfter)) return;
    const idle = s.day - s.lastProgressDay;
    if (s.talks === 'active' && idle >= p.walkoutDays) return walkOut(ctx, 'walks out: no progress for {0} days', idle);
    releaseOwed(ctx, p);
    // Only releases it credits calm it: a batch it rejected was no concession to the movement.
    if (creditedRecent(s.counters) >= p.largeRelease) {
      steerViolence(ctx, p.calmViolence, 'large releases are coming through');
    } else if (idle >= p.stallDays) {
      steerViolence(ctx, Math.min(p.maxViolence, t.violenceTarget + p.step), 'no progress for {0} days', idle);
    }
    if (act.length === 0) act.add('hold', 'keeping up the pressure');
  },
});
