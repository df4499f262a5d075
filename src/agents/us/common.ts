// Building blocks shared by the US policies: who is behind on their commitments, and the
// concrete levers (an aid cut, airstrikes, custody guarantees).
import type {DecisionContext, WorldView} from '../../sim/policy.js';
import type {ReasonArg} from '../../sim/reason.js';
import {int} from '../define.js';
import {highTierHeld} from '../government/common.js';

/**
 * Parameters every US policy has: the third-country custody it can arrange for prisoners whose
 * release foreign governments block (Walter 1997's third-party guarantee), and how long it takes.
 */
export const custodyParams = {
  custodySlots: int(10, 0, 100, 'contested prisoners it will arrange third-country custody for'),
  custodyDelay: int(21, 0, 180, 'rounds of negotiating with objecting governments before custody is arranged (halved past its own deadline)'),
};

/** What a US policy that offers custody guarantees remembers (offerCustodyWhenBlocked). */
export const custodyMemory = {
  /** Custody has been guaranteed (once). */
  guaranteed: false,
  /** Round since which only contested prisoners block completion, or 0. */
  blockedSince: 0,
};
export type CustodyMemory = typeof custodyMemory;

/**
 * Shortfalls against commitments, each in [0, 1]: the government's against the list it was
 * to free by now at `rate` a day; the Taliban's against the agreed ratio, or against a standing
 * government demand that the ratio be kept (captives owed, T39; the commandos, T81) when that is
 * further behind: the share of the demand still unmet.
 */
export function shortfalls(s: WorldView, rate: number, ratio: number, onList: number): {gov: number; tal: number} {
  const c = s.counters;
  const due = Math.min(onList, rate * Math.max(0, s.day - 10));
  const gov = due > 0 ? Math.max(0, 1 - c.govReleased / due) : 0;
  const owed = c.govReleased / ratio;
  const tal = owed >= 1 ? Math.max(0, 1 - c.talReleased / owed) : 0;
  return {gov, tal: Math.max(tal, demandShortfall(s))};
}

/**
 * The unmet share of the government's standing demands on the Taliban, in [0, 1]: while one
 * stands the government holds its releases, so a stall waits on the Taliban, however far the
 * government is behind the US's pace.
 */
export function demandShortfall(s: WorldView): number {
  const g = s.gov;
  const c = s.counters;
  const captives = g.reciprocityDemand > 0 ? 1 - (c.talReleased - g.reciprocityBase) / g.reciprocityDemand : 0;
  const commandos = g.specialForcesDemand > 0 ? 1 - c.talReleasedSpecial / g.specialForcesDemand : 0;
  return Math.min(1, Math.max(0, captives, commandos));
}

export function pressGovernment(ctx: DecisionContext, strength: number, aidCut: boolean, reason: string, a0?: ReasonArg, a1?: ReasonArg): void {
  const a = ctx.act.add('press-government', reason, a0, a1);
  a.amount = strength;
  a.count = aidCut ? 1 : 0;
}

export function pressTaliban(ctx: DecisionContext, strength: number, reason: string, a0?: ReasonArg): void {
  ctx.act.add('press-taliban', reason, a0).amount = strength;
}

/**
 * Offers third-country custody (Walter's third-party guarantee) once the only thing blocking
 * completion is a set of contested prisoners, after `delay` rounds of negotiating it with the
 * objecting governments; a US past its own deadline (Carnevale & Conlon 1988: time pressure)
 * settles in half the time. Every US policy runs this first: what triggers it is the state
 * (who is blocked, and by whom), not the policy.
 */
export function offerCustodyWhenBlocked(ctx: DecisionContext<unknown, CustodyMemory>, slots: number, delay: number): boolean {
  const s = ctx.state;
  const m = ctx.memory;
  if (slots <= 0 || m.guaranteed) return false;
  const g = s.gov;
  const blocked = g.contested > 0 && g.ratification === 'approved' && highTierHeld(s) <= g.contested && s.counters.talReleased >= s.talPool.released.length;
  if (!blocked) {
    m.blockedSince = 0;
    return false;
  }
  if (m.blockedSince === 0) m.blockedSince = s.day;
  const pastDeadline = s.us.deadline >= 0 && s.day > s.us.deadline;
  if (s.day - m.blockedSince < (pastDeadline ? Math.ceil(delay / 2) : delay)) return false;
  m.guaranteed = true;
  const n = Math.min(slots, Math.max(g.contested, 1));
  ctx.act.add('guarantee', 'arranges third-country custody for the {0} contested prisoners', n).count = n;
  return true;
}
