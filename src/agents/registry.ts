// Every policy, by agent. Adding a policy: write one file, add one line here.
import type {PolicyDefinition} from './define.js';
import {boulware} from './government/boulware.js';
import {phasedConditional} from './government/phased-conditional.js';
import {ratioReciprocator} from './government/ratio-reciprocator.js';
import {twoLevelRatifier} from './government/two-level-ratifier.js';
import {coerciveLeverage} from './taliban/coercive-leverage.js';
import {obstinateList} from './taliban/obstinate-list.js';
import {ratioReleaser} from './taliban/ratio-releaser.js';
import {splitMovement} from './taliban/split-movement.js';
import {biasedGuarantor} from './us/biased-guarantor.js';
import {carrotStick} from './us/carrot-stick.js';
import {deadlineHawk} from './us/deadline-hawk.js';
import {facilitator} from './us/facilitator.js';
import type {AgentId} from '../sim/types.js';

export const POLICIES: readonly PolicyDefinition[] = [
  phasedConditional,
  ratioReciprocator,
  boulware,
  twoLevelRatifier,
  obstinateList,
  ratioReleaser,
  coerciveLeverage,
  splitMovement,
  facilitator,
  carrotStick,
  deadlineHawk,
  biasedGuarantor,
];

export function findPolicy(agent: AgentId, name: string): PolicyDefinition | undefined {
  return POLICIES.find((p) => p.agent === agent && p.name === name);
}

export function policiesFor(agent: AgentId): readonly PolicyDefinition[] {
  return POLICIES.filter((p) => p.agent === agent);
}
