// Building blocks shared by the Taliban's policies: reciprocal releases of captives, the
// response to government batches, holiday ceasefires, walking out and coming back.
import type {DecisionContext, WorldView} from '../../sim/policy.js';
import type {ReasonArg} from '../../sim/reason.js';
import {talFilterMask, heldIn} from '../../sim/pools.js';
import {highTierLeft, lowTierLeft} from '../../sim/tiers.js';
import {num} from '../define.js';
import {chance} from '../../sim/rng.js';
import {trustOf, T_TAL_GOV} from '../../sim/trust.js';

/** What every Taliban policy remembers: the shared blocks below read and write it. */
export const talMemory = {
  /** Round of the last batch of captives. */
  lastReleaseDay: 0,
  /** Last day of the last holiday it considered a ceasefire for. */
  lastHoliday: 0,
  /** Round it last moved its violence target. */
  lastViolenceChange: 0,
  /** Round it last came back to the table: patience counts from there. */
  returnDay: 0,
};
export type TalMemory = typeof talMemory;
/** What a shared block of a Taliban policy sees. */
type TalContext = DecisionContext<unknown, TalMemory>;

const REGULARS = talFilterMask(false);
const ALL_CAPTIVES = talFilterMask(true);

/** How the Taliban's pace answers the state (docs/model.md, "The Taliban's pace"): every policy that releases captives owed has it. */
export const paceParams = {
  catchUp: num(0.25, 0, 1, 'share of the captives owed freed in one batch when that is more than batchCap (0: never more than batchCap)'),
};

/** What releaseOwed reads of a Taliban policy's parameters. */
export interface PaceParams {
  ratio: number;
  batchCap: number;
  lagDays: number;
  catchUp: number;
  demandResponse: number;
}

export const trustInGovernment = (s: WorldView): number => trustOf(s.trust, T_TAL_GOV);
export const regularsHeld = (s: WorldView): number => heldIn(s.talPool, REGULARS);

/** Captives owed under the ratio for what the government has freed so far. */
export function owedCaptives(s: WorldView, ratio: number): number {
  return Math.floor(s.counters.govReleased / ratio) - s.counters.talReleased;
}

/**
 * Frees captives owed under the ratio, one batch every `lagDays` (fewer under US pressure): at
 * most `batchCap`, or a share `catchUp` of the arrears when that is more (specific reciprocity,
 * Keohane 1986: the larger the debt, the larger the repayment; T56, T68). Once the government
 * has freed every low-tier prisoner on the list, only high-value ones are left on its side and
 * the Taliban owe the rest of their regulars (T67, T68, T70); the commandos stay the last chip
 * until the government has freed all but the prisoners foreign governments contest (T80, T84).
 */
export function releaseOwed(ctx: TalContext, p: PaceParams, scale = 1): boolean {
  const s = ctx.state;
  const m = ctx.memory;
  const g = s.gov;
  // US pressure shortens the lag and raises the chance of meeting a standing demand, under every
  // Taliban policy alike (pressureFactor below).
  const pressure = s.tal.pressure;
  const demandResponse = pressedHazard(p.demandResponse, pressure);
  if (s.talks === 'broken' || s.day - m.lastReleaseDay < pressedLag(p.lagDays, pressure)) return false;
  // Standing government demands (captives beyond the ratio, or the commandos) are met at a
  // daily hazard: how the May and August 2020 standoffs ended (T39, T82).
  const commandosOwed = g.specialForcesDemand - s.counters.talReleasedSpecial;
  if (commandosOwed > 0 && chance(s.rng, demandResponse)) {
    const n = Math.min(commandosOwed, p.batchCap);
    m.lastReleaseDay = s.day;
    const a = ctx.act.add('release', 'frees {0} commandos the government demanded', n);
    a.count = n;
    a.talCriteria = 'special-forces-first';
    a.filter.allowCommanders = true;
    a.goodwill = s.talks !== 'active';
    return true;
  }
  const regulars = regularsHeld(s);
  const lowTier = lowTierLeft(s.govPool);
  // The end: the government has freed every low-tier prisoner on the list (only the high-value
  // ones are left), or everyone but the prisoners foreign governments contest.
  const govDone = lowTier === 0 && highTierLeft(s.govPool) <= g.contested;
  const endGame = regulars > 0 && lowTier === 0;
  let owed = govDone ? heldIn(s.talPool, ALL_CAPTIVES) : endGame ? regulars : Math.floor(owedCaptives(s, p.ratio) * scale);
  if (g.reciprocityDemand > 0 && owed < g.reciprocityDemand && chance(s.rng, demandResponse)) owed = g.reciprocityDemand;
  if (owed < 1) return false;
  // Commandos are the last bargaining chip: kept until the regulars are all out, or the government's side is done.
  const n = Math.min(owed, Math.max(p.batchCap, Math.ceil(p.catchUp * owed)));
  m.lastReleaseDay = s.day;
  const a =
    govDone
      ? ctx.act.add('release', 'frees {0} captives, commandos too: the government has freed all but the prisoners foreign governments contest', n)
      : regulars === 0
        ? ctx.act.add('release', 'frees {0} commandos, the last captives', n)
        : endGame
          ? ctx.act.add('release', "frees {0} government captives: only high-value prisoners are left on the government's list, so the rest of its {1} regulars are owed", n, owed)
          : ctx.act.add('release', 'frees {0} government captives (owed {1} at {2}:1)', n, owed, p.ratio);
  a.count = n;
  a.talCriteria = 'regular-first';
  a.filter.allowCommanders = regulars === 0 || govDone;
  a.goodwill = s.talks !== 'active';
  return true;
}

/**
 * How much US pressure (airstrikes, a deadline) speeds the Taliban's concessions: pressure raises
 * the cost of delay, so the pressed side concedes sooner (Schelling 1966; Pape 1996). 1 without
 * pressure, 3 at the full stock; every Taliban policy reads the same stock the same way.
 */
export function pressureFactor(pressure: number): number {
  return 1 + 2 * Math.max(0, pressure);
}

/** Rounds between batches of captives under pressure: the lag shrinks by the pressure factor. */
export function pressedLag(lagDays: number, pressure: number): number {
  return Math.round(lagDays / pressureFactor(pressure));
}

/** A daily chance of conceding (meeting a standing demand, dropping one) under pressure, at most 1. */
export function pressedHazard(p: number, pressure: number): number {
  return Math.min(1, p * pressureFactor(pressure));
}

/** Accepts or rejects a government batch that arrived last round. */
export function respondToBatch(ctx: TalContext, acceptUnilateral: boolean): void {
  const t = ctx.state.tal;
  if (t.pendingBatch <= 0) return;
  if (t.pendingBatchUnilateral && !acceptUnilateral) {
    ctx.act.add('reject-batch', 'rejects the unilateral release of {0}: "not according to the agreed mechanism"', t.pendingBatch);
  } else {
    ctx.act.add('accept-batch', 'accepts the release of {0} prisoners', t.pendingBatch);
  }
}

/** Declares a ceasefire over a holiday window with probability `p` (once per holiday). */
export function holidayCeasefire(ctx: TalContext, p: number): void {
  const s = ctx.state;
  const m = ctx.memory;
  if (s.day > s.holidayUntil || m.lastHoliday === s.holidayUntil) return;
  m.lastHoliday = s.holidayUntil;
  if (chance(s.rng, p)) {
    const days = s.holidayUntil - s.day + 1;
    ctx.act.add('declare-ceasefire', 'declares a {0}-day ceasefire for the holiday', days).count = days;
  }
}

/** Moves the violence target towards `target`, at most once a week and only for real changes; `why` may use {0} for `a0`. */
export function steerViolence(ctx: TalContext, target: number, why: string, a0?: ReasonArg): void {
  const s = ctx.state;
  const m = ctx.memory;
  const gap = target - s.tal.violenceTarget;
  if (Math.abs(gap) < 0.1 || s.day - m.lastViolenceChange < 7) return;
  m.lastViolenceChange = s.day;
  const a = ctx.act.add(gap > 0 ? 'raise-violence' : 'lower-violence', (gap > 0 ? 'raises violence: ' : 'lowers violence: ') + why, a0);
  a.amount = Math.abs(gap);
}

export function walkOut(ctx: TalContext, reason: string, a0?: ReasonArg, a1?: ReasonArg): void {
  ctx.act.add('walk-out', reason, a0, a1);
}

/** Returns once its priority commanders are free, once the government has freed `q` since the walk-out, or in a ceasefire after goodwill. */
export function maybeReturn(ctx: TalContext, q: number): boolean {
  const s = ctx.state;
  if (s.talks !== 'walked-out' || s.walkoutBy !== 'taliban') return false;
  const since = s.counters.govReleased - s.walkoutGovReleased;
  const t = s.tal;
  if (t.priorityDemand > 0 && s.counters.govReleasedPriority >= t.priorityDemand) {
    // The demand the walk-out was about has been met (e.g. a scheduled counterfactual release).
    ctx.act.add('return', 'returns to the table: the {0} priority commanders it demanded first are free', t.priorityDemand);
  } else if (since >= q) {
    ctx.act.add('return', 'returns to the table: the government has freed {0} since the walk-out', since);
  } else if (s.day <= s.ceasefireUntil && s.counters.govToday + s.tal.pendingBatch > 0) {
    ctx.act.add('return', 'sends its technical team back after a goodwill batch in the ceasefire');
  } else {
    return false;
  }
  // Patience restarts on return: the same grievance does not trigger a walk-out the next day.
  ctx.memory.returnDay = s.day;
  return true;
}

/**
 * Answers a standing conditional offer from the government (e.g. 400 low-threat prisoners for
 * a considerable reduction in violence, seed article 004): accept with probability `p`.
 */
export function respondToOffer(ctx: TalContext, p: number): void {
  const s = ctx.state;
  const g = s.gov;
  if (g.offerCount <= 0 || g.offerAccepted) return;
  if (chance(s.rng, p)) {
    ctx.act.add('accept-offer', 'accepts {0} prisoners for lowering violence below {1:.1}', g.offerCount, g.offerCeiling);
  } else {
    ctx.act.add('reject-offer', 'rejects the offer of {0} prisoners for less violence: all 5,000 first', g.offerCount);
  }
}
