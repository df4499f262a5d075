// Which categories of a pool a release may draw from, as bit masks over the categories of
// pools.ts `categoryOf`, and how many of them are held: apart from pools.ts to keep it short.
import type {PoolStatus, ReleaseFilter} from './types.js';

export const CATEGORY_COUNT = 12;

/** An individual's flags (pools.ts Pool.flags). */
export const FLAG_ON_LIST = 1;
export const FLAG_SERIOUS = 2;
export const FLAG_FOREIGN = 4;
export const FLAG_CIVILIAN = 8;
/** At grave risk from COVID-19 in prison: old or in poor health (government pool). */
export const FLAG_VULNERABLE = 16;

/** Bit mask of the government categories a filter admits. */
export function govFilterMask(filter: ReleaseFilter): number {
  let mask = 0;
  for (let tier = 0; tier < 3; tier++) {
    if (tier > 0 && !filter.allowCommanders) continue;
    for (let serious = 0; serious < 2; serious++) {
      if (serious === 1 && !filter.allowSerious) continue;
      for (let onList = 0; onList < 2; onList++) {
        if (filter.list === 'on' && onList === 0) continue;
        if (filter.list === 'off' && onList === 1) continue;
        mask |= 1 << (tier * 4 + serious * 2 + onList);
      }
    }
  }
  return mask;
}

/** Taliban categories: regulars (civilian or not) and, if allowed, special forces. */
export function talFilterMask(allowSpecialForces: boolean): number {
  return allowSpecialForces ? 0b1111 : 0b0011;
}

export const ALL_CATEGORIES = (1 << CATEGORY_COUNT) - 1;

export function heldIn(status: PoolStatus, mask: number): number {
  let n = 0;
  for (let c = 0; c < CATEGORY_COUNT; c++) if ((mask >> c) & 1) n += status.remaining[c]!;
  return n;
}

