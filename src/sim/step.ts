// One round of the simulation. The order of phases is fixed and documented (docs/model.md):
//   1. scheduled events fire (calendar, shocks);
//   2. the US decides and its actions take effect;
//   3. the government and the Taliban decide on the same state (simultaneous moves);
//   4. their actions resolve, government first (releases, walk-outs, violence, offers);
//   5. world dynamics: violence drifts, ceasefires hold, breakdown hazard, ratification, pressure;
//   6. each party updates its trust in the others from what it saw this round;
//   7. progress, stall and outcome bookkeeping.
// The state is updated in place and nothing is allocated unless something is recorded.
import type {SimConfig} from './config.js';
import {emit, recordReturn, recordWalkout} from './log.js';
import {ActionBuffer, type DecisionContext} from './policy.js';
import {
  govCriteriaIndex,
  govFilterMask,
  govPool,
  lastRelease,
  releaseFrom,
  talPool,
  type Pool,
} from './pools.js';
import {explain} from './reason.js';
import {chance, noise} from './rng.js';
import {fireScheduledEvents} from './scheduled.js';
import {governmentRelease, talibanRelease} from './release.js';
import {byAssignment} from './shape.js';
import {updateStall} from './stall.js';
import {nudge, observe, T_GOV_TAL, T_GOV_US, T_TAL_GOV, T_TAL_US, T_US_GOV, T_US_TAL, trustOf} from './trust.js';
import type {Action, WorldState} from './types.js';

/** Per-run scratch: the decision contexts and action buffers, reused every round. */
export interface Stepper {
  readonly gov: DecisionContext;
  readonly tal: DecisionContext;
  readonly us: DecisionContext;
  readonly govPool: Pool;
  readonly talPool: Pool;
  /** Release targets that complete the exchange. */
  readonly govTarget: number;
  readonly talTarget: number;
  readonly recentDecay: number;
}

export function createStepper(cfg: SimConfig, s: WorldState): Stepper {
  const ctx = (agent: 'government' | 'taliban' | 'us'): DecisionContext => ({
    state: s,
    config: cfg,
    params: cfg.agents[agent].params,
    act: new ActionBuffer(),
  });
  const gp = govPool(cfg.govPool);
  const tp = talPool(cfg.talPool);
  const targets = completionTargets(cfg);
  // Built by assignment, as every object a sweep makes anew at each point (shape.ts).
  return byAssignment({
    gov: ctx('government'),
    tal: ctx('taliban'),
    us: ctx('us'),
    govPool: gp,
    talPool: tp,
    govTarget: targets.government,
    talTarget: targets.taliban,
    recentDecay: 1 - 1 / 14,
  });
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Releases that complete the exchange: from the list (or to custody), and captives. */
export function completionTargets(cfg: SimConfig): {government: number; taliban: number} {
  return {government: Math.ceil(cfg.completion.government * cfg.govPool.onList), taliban: Math.ceil(cfg.completion.taliban * cfg.talPool.size)};
}

export function step(s: WorldState, cfg: SimConfig, st: Stepper): void {
  if (s.outcome !== 'ongoing') return;
  s.day += 1;
  s.progressToday = false;
  const c = s.counters;
  c.govToday = 0;
  c.talToday = 0;
  const priorityBefore = c.govReleasedPriority;

  // 1. Scheduled events and the withdrawal schedule.
  fireScheduledEvents(s, cfg, st);
  s.us.troops = troopsOn(cfg, s.day);

  // 2. The US moves first: its pressure shapes the parties' choices the same day.
  st.us.state = s;
  st.us.act.clear();
  cfg.agents.us.decide(st.us);
  resolveUs(s, cfg, st.us.act);

  // 3. Government and Taliban decide on the same state.
  st.gov.state = s;
  st.tal.state = s;
  st.gov.act.clear();
  st.tal.act.clear();
  cfg.agents.government.decide(st.gov);
  cfg.agents.taliban.decide(st.tal);

  // 4. Resolution, government first.
  resolveGov(s, cfg, st, st.gov.act);
  resolveTal(s, cfg, st, st.tal.act);

  // 5. World dynamics.
  dynamics(s, cfg);

  // 6. Trust.
  updateTrust(s, cfg, st);

  // 7. Bookkeeping.
  if (c.govReleasedPriority > priorityBefore) s.tal.lastPriorityProgressDay = s.day;
  if (s.progressToday) s.lastProgressDay = s.day;
  checkOutcome(s, cfg, st);
  updateStall(s, cfg);
}

function troopsOn(cfg: SimConfig, day: number): number {
  const t = cfg.world.troops;
  let prevDay = 0;
  let prev = t.start;
  for (const m of t.milestones) {
    if (day <= m.day) return Math.round(prev + ((m.troops - prev) * (day - prevDay)) / Math.max(1, m.day - prevDay));
    prevDay = m.day;
    prev = m.troops;
  }
  return prev;
}

function settle(s: WorldState, agent: {lastAction: Action['kind']; lastReason: string}, buf: ActionBuffer): void {
  // The panel shows the most consequential action: the last one that was not a hold.
  for (let i = buf.length - 1; i >= 0; i--) {
    const a = buf.slots[i]!;
    if (a.kind !== 'hold' || i === 0) {
      agent.lastAction = a.kind;
      // Put into words only for a run that is being recorded (and so may be watched).
      if (s.log) agent.lastReason = explain(a);
      return;
    }
  }
}

function resolveUs(s: WorldState, cfg: SimConfig, buf: ActionBuffer): void {
  const cfgRetaliation = cfg.world.retaliation;
  for (let i = 0; i < buf.length; i++) {
    const a = buf.slots[i]!;
    switch (a.kind) {
      case 'facilitate':
        nudge(s.trust, T_GOV_TAL, a.amount, 0);
        nudge(s.trust, T_TAL_GOV, a.amount, 0);
        emit(s, 'us', a.kind, a);
        break;
      case 'press-government': {
        const m = a.amount * s.us.leverageGov;
        s.gov.pressure = Math.min(1, s.gov.pressure + m);
        if (a.count > 0) {
          // An aid cut: a lasting stock of pressure until restored.
          s.gov.aid = Math.max(0, s.gov.aid - a.amount * 0.5);
          if (s.us.aidCutDay < 0) s.us.aidCutDay = s.day;
        }
        nudge(s.trust, T_GOV_US, 0, a.amount);
        emit(s, 'us', a.kind, a);
        break;
      }
      case 'press-taliban': {
        const m = a.amount * s.us.leverageTal;
        s.tal.pressure = Math.min(1, s.tal.pressure + m);
        // Airstrikes invite retaliation against US forces, the US's own red line.
        s.violenceVsUs += a.amount * cfgRetaliation;
        nudge(s.trust, T_TAL_US, 0, a.amount);
        emit(s, 'us', a.kind, a);
        break;
      }
      case 'reward':
        if (a.target === 'government') {
          s.gov.aid = 1;
          s.us.aidCutDay = -1;
          s.gov.pressure = Math.max(0, s.gov.pressure - a.amount);
          nudge(s.trust, T_GOV_US, a.amount * 2, 0);
        } else {
          s.tal.pressure = Math.max(0, s.tal.pressure - a.amount);
          nudge(s.trust, T_TAL_US, a.amount * 2, 0);
        }
        emit(s, 'us', a.kind, a);
        break;
      case 'guarantee':
        s.gov.custodySlots += a.count;
        nudge(s.trust, T_GOV_US, 0.5, 0);
        nudge(s.trust, T_TAL_US, 0.5, 0);
        emit(s, 'us', a.kind, a, a.count);
        break;
      case 'set-deadline':
        s.us.deadline = s.day + a.count;
        s.gov.pressure = Math.min(1, s.gov.pressure + a.amount);
        s.tal.pressure = Math.min(1, s.tal.pressure + a.amount);
        emit(s, 'us', a.kind, a);
        break;
      default:
        break;
    }
  }
  settle(s, s.us, buf);
}

function resolveGov(s: WorldState, cfg: SimConfig, st: Stepper, buf: ActionBuffer): void {
  const g = s.gov;
  const c = s.counters;
  for (let i = 0; i < buf.length; i++) {
    const a = buf.slots[i]!;
    switch (a.kind) {
      case 'release': {
        if (s.talks === 'broken') break;
        // A divided government (Level II) moves smaller batches than it decides on.
        const count = Math.max(1, Math.floor(a.count * g.cohesion));
        const unilateral = a.goodwill || s.talks !== 'active';
        governmentRelease(s, st.govPool, a.govCriteria, govFilterMask(a.filter), count, unilateral, a.goodwill, s.batches ? describeCriteria(a) : '', a);
        break;
      }
      case 'transfer-custody': {
        const k = Math.min(a.count, g.custodySlots);
        const mask = govFilterMask({list: 'on', allowSerious: true, allowCommanders: true});
        const n = releaseFrom(st.govPool, s.govPool, govCriteriaIndex('priority-first'), mask, k, 2);
        if (n === 0) break;
        g.custodySlots -= n;
        g.contested = Math.max(0, g.contested - n);
        c.govCustody += n;
        c.govReleasedPriority += lastRelease.priority;
        s.progressToday = true;
        emit(s, 'government', a.kind, a, n);
        break;
      }
      case 'refuse':
        nudge(s.trust, T_TAL_GOV, 0, 0.5);
        emit(s, 'government', a.kind, a, a.count);
        break;
      case 'condition':
        g.violenceCeiling = a.amount;
        emit(s, 'government', a.kind, a);
        break;
      case 'demand-reciprocity':
        g.reciprocityDemand = a.count;
        g.reciprocityBase = c.talReleased;
        emit(s, 'government', a.kind, a, a.count);
        break;
      case 'demand-special-forces':
        g.specialForcesDemand = a.count;
        emit(s, 'government', a.kind, a, a.count);
        break;
      case 'offer':
        g.offerCount = a.count;
        g.offerCeiling = a.amount;
        g.offerAccepted = false;
        s.progressToday = true;
        emit(s, 'government', a.kind, a, a.count);
        break;
      case 'seek-ratification':
        if (g.ratification === 'pending' || g.ratification === 'approved') break;
        g.ratification = 'pending';
        g.ratificationDay = s.day + cfg.world.ratification.days;
        emit(s, 'government', a.kind, a);
        break;
      default:
        break;
    }
  }
  // A reciprocity demand is met once the Taliban have freed the number asked.
  if (g.reciprocityDemand > 0 && c.talReleased - g.reciprocityBase >= g.reciprocityDemand) g.reciprocityDemand = 0;
  if (g.specialForcesDemand > 0 && c.talReleasedSpecial >= g.specialForcesDemand) g.specialForcesDemand = 0;
  settle(s, g, buf);
}

function describeCriteria(a: Action): string {
  const from = a.filter.list === 'on' ? 'from the list' : a.filter.list === 'off' ? 'off the list' : 'on or off the list';
  const tiers = a.filter.allowCommanders ? (a.filter.allowSerious ? 'incl. commanders and serious cases' : 'incl. commanders') : a.filter.allowSerious ? 'incl. serious cases' : 'low-threat';
  return `${a.govCriteria}, ${from}, ${tiers}`;
}

function resolveTal(s: WorldState, cfg: SimConfig, st: Stepper, buf: ActionBuffer): void {
  const t = s.tal;
  const c = s.counters;
  for (let i = 0; i < buf.length; i++) {
    const a = buf.slots[i]!;
    switch (a.kind) {
      case 'release': {
        if (s.talks === 'broken') break;
        talibanRelease(s, st.talPool, a.talCriteria, a.filter.allowCommanders, Math.floor(a.count), a.goodwill || s.talks !== 'active', a);
        break;
      }
      case 'accept-batch':
      case 'reject-batch':
        t.pendingBatch = 0;
        t.pendingBatchUnilateral = false;
        emit(s, 'taliban', a.kind, a);
        break;
      case 'demand':
        t.priorityDemand = a.count;
        if (a.count > 0 && t.lastPriorityProgressDay < s.convenedDay) t.lastPriorityProgressDay = Math.max(0, s.convenedDay);
        emit(s, 'taliban', a.kind, a, a.count);
        break;
      case 'walk-out':
        if (s.talks !== 'active' && s.talks !== 'pending') break;
        s.talks = 'walked-out';
        s.walkoutBy = 'taliban';
        s.walkoutSince = s.day;
        s.walkoutReason = explain(a);
        // As the walker saw it when deciding: before this round's government batch.
        s.walkoutGovReleased = c.govReleased - c.govToday;
        c.walkouts++;
        nudge(s.trust, T_GOV_TAL, 0, 1);
        recordWalkout(s, 'taliban', s.walkoutReason);
        emit(s, 'taliban', a.kind, a);
        break;
      case 'return':
        if (s.talks !== 'walked-out') break;
        s.talks = 'active';
        if (s.convenedDay < 0) s.convenedDay = s.day;
        s.walkoutBy = null;
        s.walkoutReason = '';
        s.progressToday = true;
        recordReturn(s);
        emit(s, 'taliban', a.kind, a);
        break;
      case 'raise-violence':
        t.violenceTarget = Math.min(3, t.violenceTarget + a.amount);
        emit(s, 'taliban', a.kind, a);
        break;
      case 'lower-violence':
        t.violenceTarget = Math.max(0, t.violenceTarget - a.amount);
        emit(s, 'taliban', a.kind, a);
        break;
      case 'spoiler-attack':
        s.violence += a.amount;
        nudge(s.trust, T_GOV_TAL, 0, a.amount);
        emit(s, 'taliban', a.kind, a);
        break;
      case 'declare-ceasefire':
        s.ceasefireUntil = Math.max(s.ceasefireUntil, s.day + a.count - 1);
        t.ceasefireUntil = s.ceasefireUntil;
        emit(s, 'taliban', a.kind, a, a.count);
        break;
      case 'accept-offer':
        if (s.gov.offerCount <= 0) break;
        s.gov.offerAccepted = true;
        t.violenceTarget = Math.min(t.violenceTarget, s.gov.offerCeiling * 0.9);
        emit(s, 'taliban', a.kind, a);
        break;
      case 'reject-offer':
        s.gov.offerCount = 0;
        s.gov.offerAccepted = false;
        emit(s, 'taliban', a.kind, a);
        break;
      default:
        break;
    }
  }
  void cfg;
  settle(s, t, buf);
}

function dynamics(s: WorldState, cfg: SimConfig): void {
  const w = cfg.world;
  const rng = s.rng;
  // Violence drifts towards the Taliban's target; a ceasefire holds it down.
  if (s.day <= s.ceasefireUntil) {
    s.violence = w.ceasefireViolence;
  } else {
    s.violence += w.violenceAdjust * (s.tal.violenceTarget - s.violence) + noise(rng, w.violenceNoise);
    if (s.violence < 0) s.violence = 0;
  }
  s.violenceVsUs *= 0.8;
  s.redLineStreak = s.violenceVsUs > w.redLine ? s.redLineStreak + 1 : 0;

  // Breakdown hazard while a party is away from the table (Binmore–Rubinstein–Wolinsky).
  if (s.talks === 'walked-out') {
    const distrust = 1 - trustOf(s.trust, s.walkoutBy === 'government' ? T_GOV_TAL : T_TAL_GOV);
    const out = (s.day - s.walkoutSince) / Math.max(1, cfg.stall.walkoutDays);
    const p = sigmoid(w.breakdown.base + w.breakdown.distrust * distrust + w.breakdown.duration * out);
    if (chance(rng, p)) {
      s.talks = 'broken';
      emit(s, s.walkoutBy ?? 'world', 'breakdown', `talks broke down: ${s.walkoutBy ?? 'a party'} left for good after ${s.day - s.walkoutSince} days away`);
    }
  }

  // A pending ratification resolves on its day (Putnam's Level II).
  const g = s.gov;
  if (g.ratification === 'pending' && s.day >= g.ratificationDay) {
    const r = w.ratification;
    const p = sigmoid(r.base + r.pressure * g.pressure + r.trust * trustOf(s.trust, T_GOV_TAL) - r.violence * Math.max(0, s.violence - 1));
    if (chance(rng, p)) {
      g.ratification = 'approved';
      s.progressToday = true;
      emit(s, 'government', 'ratified', 'the assembly approved releasing the commanders and serious cases');
    } else {
      g.ratification = 'rejected';
      emit(s, 'government', 'ratification-rejected', 'the assembly would not approve releasing the commanders and serious cases');
    }
  }

  // Pressure stocks decay; an aid cut keeps a floor under the government's until restored.
  g.pressure = Math.max(g.pressure * (1 - w.pressureDecay), 1 - g.aid);
  s.tal.pressure *= 1 - w.pressureDecay;
  // Leverage is what the US still has to give or take: aid not yet cut, troops not yet gone.
  s.us.leverageGov = g.aid;
  s.us.leverageTal = w.troops.start > 0 ? s.us.troops / w.troops.start : 0;
}

function updateTrust(s: WorldState, cfg: SimConfig, st: Stepper): void {
  const w = cfg.world;
  const c = s.counters;
  c.govRecent = c.govRecent * st.recentDecay + c.govToday;
  c.talRecent = c.talRecent * st.recentDecay + c.talToday;
  const t = s.trust;
  const window = 1 / (1 - st.recentDecay);

  // The government judges the Taliban on reciprocity (agreed ratio) and on violence.
  const expectedTal = c.govRecent / w.ratio;
  let pos = 0;
  let neg = Math.max(0, s.violence - w.agreedViolence) / w.agreedViolence * 0.1;
  if (expectedTal >= 1) {
    const fulfil = Math.min(1, c.talRecent / expectedTal);
    pos += 0.1 * fulfil;
    neg += 0.1 * (1 - fulfil);
  } else if (c.talToday > 0) {
    pos += 0.1;
  }
  observe(t, T_GOV_TAL, w.trust['gov-tal'], w, pos, neg);

  // The Taliban judge the government against reciprocity or the pace they were promised.
  const expectedGov = Math.max(w.ratio * c.talRecent, w.expectedGovRate * window);
  const fulfilGov = Math.min(1, c.govRecent / expectedGov);
  observe(t, T_TAL_GOV, w.trust['tal-gov'], w, 0.1 * fulfilGov, 0.1 * (1 - fulfilGov) * (s.talks === 'pending' ? 0.3 : 1));

  // Trust in the US and the US's in each party move only on events (pressure, rewards):
  // here they only fade back towards their priors.
  observe(t, T_GOV_US, w.trust['gov-us'], w, 0, 0);
  observe(t, T_TAL_US, w.trust['tal-us'], w, 0, 0);
  observe(t, T_US_GOV, w.trust['us-gov'], w, 0.05 * fulfilGov, 0.05 * (1 - fulfilGov));
  const talFulfil = expectedTal >= 1 ? Math.min(1, c.talRecent / expectedTal) : 0.5;
  observe(t, T_US_TAL, w.trust['us-tal'], w, 0.05 * talFulfil, 0.05 * (1 - talFulfil) + (s.violence > w.agreedViolence ? 0.02 : 0));
}

function checkOutcome(s: WorldState, cfg: SimConfig, st: Stepper): void {
  if (s.talks === 'broken' || s.redLineStreak >= cfg.stall.redLineDays) {
    if (s.talks !== 'broken') {
      s.talks = 'broken';
      emit(s, 'us', 'breakdown', `talks broke down: violence against US forces above the red line for ${s.redLineStreak} days`);
    }
    s.outcome = 'broken';
    s.outcomeDay = s.day;
    return;
  }
  const c = s.counters;
  if (c.govReleasedOnList + c.govCustody >= st.govTarget && c.talReleased >= st.talTarget) {
    s.outcome = 'complete';
    s.outcomeDay = s.day;
    s.progressToday = true;
    s.lastProgressDay = s.day;
    emit(s, 'world', 'exchange-complete', `exchange complete: ${c.govReleasedOnList + c.govCustody} of the list freed or in custody, ${c.talReleased} captives freed; intra-party talks can open`);
  }
}
