// A movement with a hardline faction (Stedman 1997; Kydd & Walter 2002): the leadership plays
// ratio-releaser, but concessions shrink with the hardliners' strength and they stage spoiler
// attacks, more often near milestones (a release, a deadline).
import {chance} from '../../sim/rng.js';
import {definePolicy, num} from '../define.js';
import {talMemory} from './common.js';
import {ratioReleaserDecide, ratioReleaserParams} from './ratio-releaser.js';

export const splitMovement = definePolicy({
  name: 'split-movement',
  agent: 'taliban',
  summary: 'A reciprocating leadership held back by hardliners who stage spoiler attacks near milestones.',
  theory: 'Spoilers (Stedman 1997); strategic extremist violence (Kydd & Walter 2002)',
  params: ratioReleaserParams.extend({
    hardliners: num(0.3, 0, 0.9, 'strength of the hardline faction; concessions shrink by this share'),
    spoilerRate: num(0.02, 0, 0.3, 'daily base chance of a spoiler attack, scaled by hardliner strength'),
    milestoneBoost: num(3, 0, 10, 'extra spoiler risk within a week of a release or deadline'),
    spoilerSeverity: num(0.4, 0, 2, 'violence added by a spoiler attack'),
  }),
  memory: talMemory,
  decide(ctx) {
    const {state: s, params: p, act} = ctx;
    ratioReleaserDecide(ctx, 1 - p.hardliners);
    if (s.talks === 'broken' || s.day <= s.ceasefireUntil) return;
    const nearMilestone = s.day - s.lastProgressDay <= 7 || (s.us.deadline >= 0 && Math.abs(s.us.deadline - s.day) <= 7);
    const pAttack = p.spoilerRate * p.hardliners * (1 + (nearMilestone ? p.milestoneBoost : 0));
    if (chance(s.rng, pAttack)) {
      act.add('spoiler-attack', 'hardliners stage a spoiler attack near a milestone').amount = p.spoilerSeverity;
    }
  },
});
