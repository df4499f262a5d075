// Deadline-driven mediation (Carnevale 1986; Carnevale & Conlon 1988): urgency grows with the
// US's own deadline (the troop drawdown, an election); past a threshold it presses both sides,
// otherwise it facilitates. Late on, it offers guarantees (third-country custody, as every US
// policy) to clear the last obstacle.
import {z} from 'zod';
import {definePolicy, int, num} from '../define.js';
import {custodyMemory, custodyParams, offerCustodyWhenBlocked, pressGovernment, pressTaliban} from './common.js';

export const deadlineHawk = definePolicy({
  name: 'deadline-hawk',
  agent: 'us',
  summary: 'Presses both sides harder as its own deadline nears; facilitates otherwise; offers custody guarantees at the end.',
  theory: 'Strategic choice under time pressure (Carnevale 1986; Carnevale & Conlon 1988); ripeness (Zartman 2000)',
  params: z.object({
    deadlineDays: int(135, 10, 1000, 'the US deadline in rounds (the 135-day drawdown milestone)'),
    urgencyExponent: num(2, 0.5, 6, 'urgency = (day / deadline) ^ exponent'),
    pressThreshold: num(0.4, 0, 1, 'urgency above which it presses'),
    pressStrength: num(0.3, 0, 1, 'strength of each press'),
    everyDays: int(10, 1, 60, 'rounds between actions'),
    trustBoost: num(0.2, 0, 2, 'trust evidence added when it facilitates'),
    ...custodyParams,
  }),
  memory: {
    ...custodyMemory,
    /** Round it last pressed or facilitated. */
    lastActDay: 0,
  },
  decide(ctx) {
    const {state: s, params: p, memory: m, act} = ctx;
    const u = s.us;
    if (s.talks === 'broken') return void act.add('hold', 'talks have broken down');
    if (u.deadline < 0) {
      // The hawk's first move: make its deadline public, so both sides feel it.
      const a = act.add('set-deadline', 'sets a deadline: the exchange should be done by day {0}', p.deadlineDays);
      a.count = Math.max(0, p.deadlineDays - s.day);
      a.amount = 0.05;
      return;
    }
    if (offerCustodyWhenBlocked(ctx, p.custodySlots, p.custodyDelay)) return;
    if (s.day - m.lastActDay < p.everyDays) return void act.add('hold', 'monitoring');
    m.lastActDay = s.day;
    const urgency = Math.pow(Math.min(1.5, s.day / p.deadlineDays), p.urgencyExponent);
    const stalled = s.day - s.lastProgressDay >= 7;
    if (urgency >= p.pressThreshold && stalled) {
      pressGovernment(ctx, p.pressStrength, false, 'presses Kabul to finish releases before the day-{0} deadline', p.deadlineDays);
      pressTaliban(ctx, p.pressStrength * 0.5, 'warns the Taliban that the withdrawal is conditions-based');
      return;
    }
    act.add('facilitate', 'relays assurances between the parties').amount = p.trustBoost;
  },
});
