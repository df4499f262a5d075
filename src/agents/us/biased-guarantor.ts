// A mediator with a side (Kydd 2003) that offers commitment devices (Walter 1997): third-party
// custody for the named commanders as soon as the Taliban demand them, custody for prisoners
// foreign governments later contest (as every US policy), and counsel (pressure) aimed at the
// party its bias does not favour.
import {z} from 'zod';
import {definePolicy, int, num} from '../define.js';
import {custodyMemory, custodyParams, offerCustodyWhenBlocked, pressGovernment, pressTaliban} from './common.js';

export const biasedGuarantor = definePolicy({
  name: 'biased-guarantor',
  agent: 'us',
  summary: 'Offers guarantees (third-country custody) for the named commanders early, and leans on the side it does not favour.',
  theory: 'Biased mediators (Kydd 2003); third-party guarantees (Walter 1997)',
  params: z.object({
    bias: num(-0.5, -1, 1, 'leaning: negative favours the government (presses the Taliban), positive the reverse'),
    earlySlots: int(15, 0, 200, 'named commanders it offers to take into third-country custody as soon as the Taliban demand them'),
    counselEvery: int(14, 1, 90, 'rounds between counselling pressure'),
    strength: num(0.25, 0, 1, 'strength of counselling pressure'),
    ...custodyParams,
  }),
  memory: {
    ...custodyMemory,
    /** The early custody offer has been made (once). */
    offeredEarly: false,
    /** Round it last counselled a side. */
    lastActDay: 0,
  },
  decide(ctx) {
    const {state: s, params: p, memory: m, act} = ctx;
    if (s.talks === 'broken') return void act.add('hold', 'talks have broken down');
    if (!m.offeredEarly && p.earlySlots > 0 && s.tal.priorityDemand > 0) {
      m.offeredEarly = true;
      act.add('guarantee', 'offers third-country custody for up to {0} of the contested commanders', p.earlySlots).count = p.earlySlots;
      return;
    }
    // Later objections (foreign governments') need a guarantee of their own.
    if (offerCustodyWhenBlocked(ctx, p.custodySlots, p.custodyDelay)) return;
    if (s.day - m.lastActDay >= p.counselEvery && s.day - s.lastProgressDay >= 5) {
      m.lastActDay = s.day;
      if (p.bias < 0) return pressTaliban(ctx, p.strength * -p.bias, 'counsels the Taliban to compromise, backed by its military presence');
      if (p.bias > 0) return pressGovernment(ctx, p.strength * p.bias, false, 'counsels Kabul to compromise, with aid in the balance');
    }
    act.add('hold', 'standing by its guarantees');
  },
});
