// Putnam's two-level game (1988): the government releases the low tier in phases, but the
// high-value tail needs domestic (Level II) ratification. It goes to an assembly early, frees
// off-list prisoners as goodwill while it deliberates, and ties the ratified releases to the
// return of its commandos (tying hands: Fearon 1997).
import {definePolicy, int, num} from '../define.js';
import {highTierHeld, lowTierHeld, trustInTaliban} from './common.js';
import {phasedDecide, phasedMemory, phasedParams} from './phased-conditional.js';

export const twoLevelRatifier = definePolicy({
  name: 'two-level-ratifier',
  agent: 'government',
  summary: 'Phased releases of the low tier; puts the high-value prisoners to a ratification assembly and frees them only against its commandos.',
  theory: 'Two-level games (Putnam 1988); tying hands (Fearon 1997)',
  params: phasedParams.extend({
    ratifyThreshold: num(0.7, 0, 2, 'pressure plus trust needed to put the high-value prisoners to an assembly'),
    specialForcesDemand: int(20, 0, 100, 'commandos to demand before freeing ratified prisoners'),
    offListGoodwill: int(500, 0, 5000, 'off-list prisoners freed as goodwill while ratification is pending'),
    earlyRatification: int(200, 0, 5000, 'seek ratification once this few low-tier prisoners remain (0: only when none remain)'),
  }),
  memory: phasedMemory,
  decide(ctx) {
    const {state: s, params: p, act} = ctx;
    const g = s.gov;
    const low = lowTierHeld(s);
    if (
      s.talks !== 'broken' &&
      g.ratification === 'none' &&
      low > 0 &&
      low <= p.earlyRatification &&
      g.pressure + trustInTaliban(s) >= p.ratifyThreshold
    ) {
      act.add('seek-ratification', 'convenes an assembly early: {0} high-value prisoners will need Level-II approval', highTierHeld(s));
    }
    phasedDecide(ctx);
  },
});
