// The two tiers of the Taliban's list that the end game turns on (category masks of pools.ts).
import {govFilterMask} from './pools.js';
import type {PoolStatus} from './types.js';

/** The low tier on the list: rank and file without a serious case. */
export const LOW_TIER_ON_LIST = govFilterMask({list: 'on', allowSerious: false, allowCommanders: false});
/** The high tier on the list, whose release needs ratification: commanders and serious cases. */
export const HIGH_TIER_ON_LIST = govFilterMask({list: 'on', allowSerious: true, allowCommanders: true}) & ~LOW_TIER_ON_LIST;

// The same counts read directly (categories are tier * 4 + serious * 2 + onList, pool-masks.ts:
// the low tier on the list is category 1, the high tier on the list every other odd category).
// They run every round, for the triggers and the Taliban's pace, where heldIn's mask loop showed
// in the profile.
// `highTierIn` takes any counts by category: those still held, or a pool's totals.
export const lowTierLeft = (status: PoolStatus): number => status.remaining[1]!;
export const highTierLeft = (status: PoolStatus): number => highTierIn(status.remaining);
export function highTierIn(byCategory: Int32Array): number {
  return byCategory[3]! + byCategory[5]! + byCategory[7]! + byCategory[9]! + byCategory[11]!;
}
