// Facilitative mediation (Beardsley et al. 2006): no sticks, regular meetings that build trust
// on both sides; third-country custody when only contested prisoners block completion.
import {z} from 'zod';
import {definePolicy, int, num} from '../define.js';
import {custodyMemory, custodyParams, offerCustodyWhenBlocked} from './common.js';

export const facilitator = definePolicy({
  name: 'facilitator',
  agent: 'us',
  summary: 'Convenes the parties regularly and builds trust on both sides; never presses.',
  theory: 'Facilitative mediation (Beardsley, Quinn, Biswas & Wilkenfeld 2006)',
  params: z.object({
    everyDays: int(7, 1, 60, 'rounds between facilitation efforts'),
    trustBoost: num(0.3, 0, 2, 'trust evidence added on each side per effort'),
    ...custodyParams,
  }),
  memory: {
    ...custodyMemory,
    /** Round of its last facilitation effort. */
    lastActDay: 0,
  },
  decide(ctx) {
    const {state: s, params: p, memory: m, act} = ctx;
    if (s.talks === 'broken') return void act.add('hold', 'talks have broken down');
    if (offerCustodyWhenBlocked(ctx, p.custodySlots, p.custodyDelay)) return;
    if (s.day - m.lastActDay >= p.everyDays) {
      m.lastActDay = s.day;
      act.add('facilitate', s.talks === 'walked-out' ? 'shuttles between the parties to bring them back' : 'convenes the parties and relays assurances').amount = p.trustBoost;
      return;
    }
    act.add('hold', 'monitoring');
  },
});
