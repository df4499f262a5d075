// The states a scheduled event can respond to (an event's `trigger`): tested on the state as a
// round begins, that is on what the previous round made.
import {highTierLeft, lowTierLeft} from './tiers.js';
import type {TriggerCondition, WorldState} from './types.js';

export function triggerHolds(s: WorldState, when: TriggerCondition): boolean {
  switch (when) {
    case 'only-high-tier-left':
      return lowTierLeft(s.govPool) === 0 && highTierLeft(s.govPool) > 0;
    case 'ratification-approved':
      return s.gov.ratification === 'approved';
  }
}

/** The state in words, for the log line of an event it brought forward. */
export const TRIGGER_TEXT: Readonly<Record<TriggerCondition, string>> = {
  'only-high-tier-left': 'only the high-value prisoners were left on the list',
  'ratification-approved': 'the assembly approved their release',
};
