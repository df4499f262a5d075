// The two tiers of the Taliban's list that the end game turns on (category masks of pools.ts).
import {govFilterMask} from './pools.js';

/** The low tier on the list: rank and file without a serious case. */
export const LOW_TIER_ON_LIST = govFilterMask({list: 'on', allowSerious: false, allowCommanders: false});
/** The high tier on the list, whose release needs ratification: commanders and serious cases. */
export const HIGH_TIER_ON_LIST = govFilterMask({list: 'on', allowSerious: true, allowCommanders: true}) & ~LOW_TIER_ON_LIST;
