// Building blocks shared by the government's policies: what the government can see and the
// constraints every policy respects (verification, the win-set for high-value prisoners,
// third-country custody). Policies differ in when and how much they release.
import type {DecisionContext, WorldView} from '../../sim/policy.js';
import {int, num} from '../define.js';
import {govFilterMask, heldIn} from '../../sim/pools.js';
import {chance} from '../../sim/rng.js';
import {highTierLeft, lowTierLeft} from '../../sim/tiers.js';
import {trustOf, T_GOV_TAL} from '../../sim/trust.js';
import type {ReasonArg} from '../../sim/reason.js';
import type {Action, GovCriteria} from '../../sim/types.js';

/** What every government policy remembers: the shared blocks below read and write it. */
export const govMemory = {
  /** Round the lists were verified with the Taliban technical team (releases need it), or -1. */
  verifiedDay: -1,
  /** The named priority commanders have been refused (once). */
  refusedNamed: false,
  /** The commandos have been demanded before the last releases (once). */
  demandedSpecialForces: false,
  /** Off-list prisoners freed as goodwill while ratification is pending. */
  offListFreed: 0,
};
export type GovMemory = typeof govMemory;
/** What a shared block of a government policy sees. */
type GovContext = DecisionContext<unknown, GovMemory>;

/** After an assembly says no, the government waits this long before asking again. */
export const RATIFICATION_RETRY_DAYS = 30;

const OFF_LIST = govFilterMask({list: 'off', allowSerious: true, allowCommanders: true});
export const lowTierHeld = (s: WorldView): number => lowTierLeft(s.govPool);
export const highTierHeld = (s: WorldView): number => highTierLeft(s.govPool);
export const offListHeld = (s: WorldView): number => heldIn(s.govPool, OFF_LIST);
export const trustInTaliban = (s: WorldView): number => trustOf(s.trust, T_GOV_TAL);
export const inCeasefire = (s: WorldView): boolean => s.day <= s.ceasefireUntil;

/**
 * Captives the Taliban still owe under the agreed ratio (negative: the Taliban are ahead).
 * Goodwill batches are gifts: the government does not bill the Taliban for them.
 */
export function talibanShortfall(s: WorldView, ratio: number): number {
  return Math.floor((s.counters.govReleased - s.counters.govGoodwill) / ratio) - s.counters.talReleased;
}

/**
 * Releases need lists verified face to face, which takes `days` rounds on average after the
 * technical teams convened, not a fixed count: at least half of them, then a chance of 2/days a
 * round (so a mean of about `days`, and a spread of runs that the April 2020 record, one
 * observation of a week's checking, cannot rule out: T24, T25).
 * Returns a reason to hold, or null when verified.
 */
export function verificationHold(ctx: GovContext, days: number): string | null {
  const s = ctx.state;
  if (ctx.memory.verifiedDay >= 0 || s.counters.govReleased > 0) return null;
  if (s.convenedDay < 0) return 'holding: lists cannot be verified until the technical teams meet';
  const checking = 'holding: verifying the Taliban list with their technical team';
  if (s.day - s.convenedDay < Math.ceil(days / 2)) return checking;
  if (days > 0 && !chance(s.rng, 2 / days)) return checking;
  ctx.memory.verifiedDay = s.day;
  return null;
}

/** Releases up to `n` low-threat prisoners from the list; the reason's {0} is the actual count. */
export function releaseLowTier(ctx: GovContext, n: number, criteria: GovCriteria, reason: string, a1?: ReasonArg): Action {
  const count = Math.min(Math.floor(n), lowTierHeld(ctx.state));
  const a = ctx.act.add('release', reason, count, a1);
  a.count = count;
  a.govCriteria = criteria;
  return a;
}

/** Refuses the named priority commanders once, when the Taliban first demand them. */
export function refuseNamedOnce(ctx: GovContext): void {
  const s = ctx.state;
  const open = s.counters.govReleasedPriority < s.tal.priorityDemand; // nothing to refuse once they are free
  if (open && !ctx.memory.refusedNamed && s.gov.ratification !== 'approved') {
    ctx.memory.refusedNamed = true;
    ctx.act.add('refuse', 'refuses to free the {0} priority commanders first: "we cannot release the killers of our people"', s.tal.priorityDemand).count =
      s.tal.priorityDemand;
  }
}

export interface HighTierParams {
  /** Pressure plus trust needed to put the high-value prisoners to a ratification assembly. */
  ratifyThreshold: number;
  /** Taliban-held special forces to demand before freeing ratified prisoners (0: none). */
  specialForcesDemand: number;
  /** Release up to this many off-list prisoners as goodwill while ratification is pending. */
  offListGoodwill?: number;
}

/**
 * The end game, once only commanders and serious cases remain on the list: custody transfers
 * where the US has arranged them, ratification (Level II) before anything else, an optional
 * demand for special forces first. Returns true if it decided the round.
 */
export function highTierEndgame(ctx: GovContext, p: HighTierParams, capacity: number): boolean {
  const s = ctx.state;
  const g = s.gov;
  const m = ctx.memory;
  const high = highTierHeld(s);
  if (lowTierHeld(s) > 0 || high === 0) return false;
  if (g.custodySlots > 0) {
    const n = Math.min(g.custodySlots, g.contested > 0 ? g.contested : high);
    ctx.act.add('transfer-custody', 'moves {0} contested prisoners to third-country custody under a US guarantee', n).count = n;
    return true;
  }
  if (g.ratification === 'approved') {
    const releasable = high - Math.min(high, g.contested);
    if (releasable === 0) {
      ctx.act.add('hold', 'holding the last {0}: foreign governments object to their release; waiting for a third-country guarantee', high);
      return true;
    }
    const special = s.counters.talReleasedSpecial;
    if (p.specialForcesDemand > 0 && special < p.specialForcesDemand && s.counters.talReleased < s.talPool.released.length) {
      if (!m.demandedSpecialForces) {
        m.demandedSpecialForces = true;
        ctx.act.add('demand-special-forces', 'halts the last {0} until the Taliban free {1} commandos', high, p.specialForcesDemand).count = p.specialForcesDemand;
        return true;
      }
      // Ratified prisoners go out only in step with the commandos.
      if (special === 0) {
        ctx.act.add('hold', 'holding the last {0}: waiting for the commandos', high);
        return true;
      }
    }
    const a = ctx.act.add('release', 'frees ratified high-value prisoners ({0} releasable)', releasable);
    a.count = Math.min(capacity, releasable);
    a.govCriteria = 'low-danger';
    a.filter.allowSerious = true;
    a.filter.allowCommanders = true;
    return true;
  }
  if (g.ratification === 'pending') {
    const off = offListHeld(s);
    const goodwill = p.offListGoodwill ?? 0;
    if (goodwill > 0 && off > 0 && m.offListFreed < goodwill) {
      const n = Math.min(capacity, off, goodwill - m.offListFreed);
      m.offListFreed += n;
      const a = ctx.act.add('release', 'frees {0} prisoners off the list as goodwill while the assembly deliberates', n);
      a.count = n;
      a.filter.list = 'off';
      a.goodwill = true;
      return true;
    }
    ctx.act.add('hold', 'holding the last {0}: the assembly is deliberating', high);
    return true;
  }
  const retryOk = g.ratification !== 'rejected' || s.day - g.ratificationDay >= RATIFICATION_RETRY_DAYS;
  if (retryOk && g.pressure + trustInTaliban(s) >= p.ratifyThreshold) {
    ctx.act.add('seek-ratification', 'says it has no authority to free the last {0} and puts them to a consultative assembly', high);
    return true;
  }
  ctx.act.add('hold', 'refuses to free the last {0}: serious criminal cases and commanders', high);
  return true;
}

/** Parameters every government policy has: verification before releases, and the end game. */
export const sharedParams = {
  verificationDays: int(7, 0, 60, 'rounds of face-to-face verification before the first release'),
  ratifyThreshold: num(0.5, 0, 2, 'pressure plus trust needed to put the high-value prisoners to an assembly'),
  specialForcesDemand: int(0, 0, 100, 'commandos to demand before freeing ratified prisoners'),
};

/**
 * What every government policy does first: nothing once talks are broken, nothing before the
 * lists are verified, refuse the named commanders once, and play the end game when only the
 * high-value prisoners are left. Returns true if that decided the round.
 */
export function commonSteps(ctx: GovContext, p: HighTierParams & {verificationDays: number}, capacity: number): boolean {
  const s = ctx.state;
  if (s.talks === 'broken') {
    ctx.act.add('hold', 'talks have broken down');
    return true;
  }
  const verifying = verificationHold(ctx, p.verificationDays);
  if (verifying) {
    ctx.act.add('hold', verifying);
    return true;
  }
  refuseNamedOnce(ctx);
  return highTierEndgame(ctx, p, capacity);
}
