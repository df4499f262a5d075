// Manipulative mediation (Carnevale 1986 "press"/"compensate"; Beardsley et al. 2006): when
// nothing moves, press the party furthest behind its commitments (tilted by bias); reward the
// first progress after a press, restoring aid if the cut was reversible.
import {z} from 'zod';
import {bool, definePolicy, int, num} from '../define.js';
import {custodyMemory, custodyParams, offerCustodyWhenBlocked, pressGovernment, pressTaliban, shortfalls} from './common.js';

/** Whom it pressed last, until the pressed party moves. */
type Pressed = 'none' | 'government' | 'taliban';
const memory: {pressed: Pressed; pressDay: number} & typeof custodyMemory = {...custodyMemory, pressed: 'none', pressDay: 0};

export const carrotStick = definePolicy({
  name: 'carrot-stick',
  agent: 'us',
  summary: 'Presses whichever party is furthest behind when talks stall (an aid cut or airstrikes), and rewards the next progress.',
  theory: 'Strategic choice in mediation (Carnevale 1986); manipulative mediation (Beardsley et al. 2006)',
  params: z.object({
    stallDays: int(10, 1, 90, 'rounds without progress before pressing'),
    pressGov: num(0.5, 0, 1, 'strength of pressure on the government (an aid cut)'),
    pressTal: num(0.3, 0, 1, 'strength of pressure on the Taliban (airstrikes)'),
    reward: num(0.3, 0, 1, 'strength of the reward after progress'),
    bias: num(0, -1, 1, 'leaning: positive blames the government more, negative the Taliban'),
    reversible: bool(true, 'restore aid when the pressed party moves'),
    cooldownDays: int(14, 1, 120, 'rounds between presses'),
    expectedRate: num(100, 1, 1000, 'daily releases the US expects of the government'),
    ...custodyParams,
  }),
  memory,
  decide(ctx) {
    const {state: s, params: p, memory: m, act, config} = ctx;
    if (s.talks === 'broken') return void act.add('hold', 'talks have broken down');
    if (offerCustodyWhenBlocked(ctx, p.custodySlots, p.custodyDelay)) return;
    const pressed = m.pressed;
    if (pressed !== 'none' && s.lastProgressDay > m.pressDay) {
      m.pressed = 'none';
      if (p.reversible) {
        const a = act.add('reward', pressed === 'government' ? 'restores aid: the government has moved' : 'eases military pressure: the Taliban have moved');
        a.target = pressed;
        a.amount = p.reward;
        return;
      }
    }
    const idle = s.day - s.lastProgressDay;
    if (idle >= p.stallDays && s.day - m.pressDay >= p.cooldownDays) {
      const f = shortfalls(s, p.expectedRate, config.world.ratio, config.govPool.onList);
      const blameGov = f.gov * (1 + p.bias) >= f.tal * (1 - p.bias);
      m.pressDay = s.day;
      if (blameGov) {
        m.pressed = 'government';
        return pressGovernment(ctx, p.pressGov, true, 'cuts aid: the government is {0}% behind on releases after {1} idle days', Math.round(f.gov * 100), idle);
      }
      m.pressed = 'taliban';
      return pressTaliban(ctx, p.pressTal, 'steps up airstrikes: the Taliban are {0}% behind on the captives they owe', Math.round(f.tal * 100));
    }
    act.add('hold', 'watching for progress');
  },
});
