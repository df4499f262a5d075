// Time-dependent concession (Faratin, Sierra & Jennings 1998): concede little until near its
// own deadline, then fast (Boulware, beta < 1). US pressure accelerates the curve; COVID-19
// pressure adds humanitarian releases to its batches (covid.ts).
import {z} from 'zod';
import {GOV_CRITERIA} from '../../sim/types.js';
import {definePolicy, int, num, oneOf} from '../define.js';
import {commonSteps, govMemory, lowTierHeld, releaseLowTier, sharedParams} from './common.js';
import {covidBatch, humanitarianWeight} from './covid.js';

export const boulware = definePolicy({
  name: 'boulware',
  agent: 'government',
  summary: 'Concedes slowly at first and fast near its own deadline; US pressure speeds the curve up.',
  theory: 'Time-dependent tactics (Faratin, Sierra & Jennings 1998); deadline effect (Roth, Murnighan & Schoumaker 1988)',
  params: z.object({
    beta: num(0.4, 0.05, 5, 'concession exponent: below 1 concedes late (Boulware), above 1 early (Conceder)'),
    finalShare: num(1, 0, 1, 'share of the low-tier list conceded by the deadline'),
    deadlineDays: int(180, 10, 1000, 'the government’s own deadline, in rounds'),
    pressureGamma: num(2, 0, 10, 'how much US pressure speeds concession up'),
    intervalDays: int(3, 1, 60, 'rounds between batches'),
    maxBatch: int(1000, 10, 5000, 'largest batch'),
    criteria: oneOf(GOV_CRITERIA, 'humanitarian', 'how prisoners are chosen'),
    humanitarianWeight: humanitarianWeight(),
    ...sharedParams,
  }),
  memory: {
    ...govMemory,
    /** Round of the last batch. */
    lastBatchDay: 0,
  },
  decide(ctx) {
    const {state: s, params: p, memory: m, act} = ctx;
    const g = s.gov;
    if (commonSteps(ctx, p, p.maxBatch)) return;
    const low = lowTierHeld(s);
    if (low === 0) return void act.add('hold', 'no low-threat prisoners left to release');
    if (s.day - m.lastBatchDay < p.intervalDays) return void act.add('hold', 'between batches');
    const betaEff = p.beta * (1 + p.pressureGamma * g.pressure);
    const lowTotal = low + s.counters.govReleasedOnList - s.counters.govReleasedSerious - s.counters.govReleasedCommanders;
    const target = p.finalShare * lowTotal * Math.pow(Math.min(1, s.day / p.deadlineDays), 1 / betaEff);
    const behind = Math.floor(target - (lowTotal - low));
    if (behind < 10) return void act.add('hold', 'conceding slowly: {0}% freed, on its own schedule', Math.round((100 * (lowTotal - low)) / lowTotal));
    m.lastBatchDay = s.day;
    const scheduled = Math.min(behind, p.maxBatch);
    const n = covidBatch(scheduled, p.humanitarianWeight, g.humanitarian);
    const why = n > scheduled ? (g.pressure > 0.2 ? ' under US pressure and for COVID-19 relief' : ' and for COVID-19 relief') : g.pressure > 0.2 ? ' under US pressure' : '';
    releaseLowTier(ctx, n, p.criteria, 'concedes {0} more as its deadline nears{1}', why);
  },
});
