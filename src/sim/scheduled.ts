// Phase 1 of a round: scheduled scenario events (calendar, exogenous shocks, US decisions the
// scenario fixes in advance, and responses to the state: an event with a trigger).
import type {ScheduledEvent, SimConfig} from './config.js';
import {relieveHumanitarian} from './humanitarian.js';
import {emit} from './log.js';
import {govFilterMask} from './pools.js';
import {governmentRelease, talibanRelease} from './release.js';
import type {Stepper} from './stepper.js';
import {highTierLeft} from './tiers.js';
import {TRIGGER_TEXT, triggerHolds} from './triggers.js';
import {nudge, T_GOV_TAL, T_GOV_US} from './trust.js';
import {unratifiedCost} from './unratified.js';
import type {WorldState} from './types.js';

/**
 * Fires the events due this round. `history` is the past before a fork (src/sim/fork.ts): events
 * fire on their recorded days whatever their triggers, and releases are skipped (the fork's
 * counts already hold what was freed before it).
 */
export function fireScheduledEvents(s: WorldState, cfg: SimConfig, st: Stepper, history = false): void {
  const events = cfg.events;
  if (!history) fireTriggered(s, cfg, st);
  // Events fire in the first round on or after their day (events on day 0, the start date,
  // fire in round 1); windows and deadlines count from the event's own day.
  while (s.eventCursor < events.length && events[s.eventCursor]!.day <= s.day) {
    const i = s.eventCursor++;
    if (s.eventFired[i]) continue; // its trigger brought it forward
    s.eventFired[i] = 1;
    const e = events[i]!;
    if (e.type !== 'release') apply(s, st, e, e.day, '');
    else if (!history) release(s, cfg, st, e, '');
  }
}

/**
 * An event with a trigger fires `lag` rounds after the round in which its state came to hold
 * (seen as the next round begins), unless its own day came first. A response takes as long
 * after its cause as it took in the record (the lags in scenarios/afghanistan-2020.yaml), so it
 * moves with the state in a fork instead of waiting for the 2020 date.
 */
function fireTriggered(s: WorldState, cfg: SimConfig, st: Stepper): void {
  const events = cfg.events;
  // Every event before the cursor has fired.
  for (let i = s.eventCursor; i < events.length; i++) {
    const e = events[i]!;
    const t = e.trigger;
    if (t === null || s.eventFired[i]) continue;
    if (s.eventTriggered[i]! < 0) {
      if (!triggerHolds(s, t.when)) continue;
      s.eventTriggered[i] = s.day - 1;
    }
    if (s.day < s.eventTriggered[i]! + t.lag) continue;
    s.eventFired[i] = 1;
    const why = s.log === null ? '' : `: ${t.lag} round${t.lag > 1 ? 's' : ''} after ${TRIGGER_TEXT[t.when]}`;
    if (e.type !== 'release') apply(s, st, e, s.day, why);
    else release(s, cfg, st, e, why);
  }
}

/**
 * An exogenous release the scenario fixes (a counterfactual: "what if the government had freed
 * the 15 commanders on 7 April"). It bypasses the policies' own limits, not the pools: only
 * prisoners still held go, and not once talks have broken down. High-value prisoners it frees
 * before the assembly has approved cost the government cohesion (src/sim/unratified.ts).
 */
function release(s: WorldState, cfg: SimConfig, st: Stepper, e: Extract<ScheduledEvent, {type: 'release'}>, why: string): void {
  if (s.talks === 'broken') return;
  const note = (e.note || `scheduled release of ${e.count} by the ${e.side}, ${e.criteria}`) + why;
  if (e.side === 'government') {
    const mask = govFilterMask({list: 'on', allowSerious: true, allowCommanders: true});
    const highBefore = highTierLeft(s.govPool);
    governmentRelease(s, st.govPool, e.criteria, mask, e.count, e.unilateral, e.unilateral, `${e.criteria}, from the list, scheduled`, note);
    if (s.gov.ratification !== 'approved') unratifiedCost(s, cfg, st, highBefore - highTierLeft(s.govPool));
  } else {
    talibanRelease(s, st.talPool, e.criteria, true, e.count, e.unilateral, note);
  }
}

/** The log line of an event without a note of its own. */
function defaultNote(e: Exclude<ScheduledEvent, {type: 'release'}>): string {
  switch (e.type) {
    case 'aid-cut':
      return `the US cuts ${Math.round(e.share * 100)}% of its aid`;
    case 'aid-restore':
      return 'the US restores its aid';
    case 'ceasefire':
      return `a ${e.days}-day ceasefire begins`;
    case 'holiday':
      return `${e.name} begins: a ceasefire could be declared`;
    case 'covid-pressure':
      return 'COVID-19 adds pressure to release the old and sick';
    case 'ratification-assembly':
      return 'an assembly convenes to decide on the high-value prisoners';
    case 'third-country-custody':
      return `a third country offers custody for ${e.slots} prisoners`;
    case 'foreign-objection':
      return `foreign governments object to releasing ${e.count} prisoners`;
    case 'deadline':
      return `deadline: ${e.label}`;
    case 'talks-convene':
      return 'the technical teams meet face to face';
    case 'spoiler-attack':
      return 'a spoiler attack';
    case 'us-press':
      return `the US presses the ${e.target}`;
  }
}

/** Applies an event on day `d` (its own, or the round its trigger fired it in); `why` ends its log line. */
function apply(s: WorldState, st: Stepper, e: Exclude<ScheduledEvent, {type: 'release'}>, d: number, why: string): void {
  const note = (e.note || defaultNote(e)) + why;
  switch (e.type) {
    case 'aid-cut':
      s.gov.aid = Math.max(0, s.gov.aid - e.share);
      s.gov.pressure = Math.min(1, s.gov.pressure + e.pressure);
      s.us.aidCutDay = d;
      nudge(s.trust, T_GOV_US, 0, 2 * e.share);
      emit(s, 'us', 'aid-cut', note);
      return;
    case 'aid-restore':
      s.gov.aid = 1;
      s.us.aidCutDay = -1;
      emit(s, 'us', 'aid-restore', note);
      return;
    case 'ceasefire':
      s.ceasefireUntil = Math.max(s.ceasefireUntil, d + e.days - 1);
      emit(s, 'world', 'ceasefire', note, e.days);
      return;
    case 'holiday':
      s.holidayUntil = Math.max(s.holidayUntil, d + e.days - 1);
      emit(s, 'world', 'holiday', note, e.days);
      return;
    case 'covid-pressure':
      // The level applies to the vulnerable still held: those already freed relieve it.
      s.gov.humanitarianLevel = e.level;
      relieveHumanitarian(s, st.govPool);
      emit(s, 'world', 'covid-pressure', note);
      return;
    case 'ratification-assembly':
      if (s.gov.ratification === 'approved') return;
      s.gov.ratification = 'pending';
      s.gov.ratificationDay = d + e.days - 1;
      emit(s, 'government', 'ratification-assembly', note, e.days);
      return;
    case 'third-country-custody':
      s.gov.custodySlots += e.slots;
      emit(s, 'us', 'third-country-custody', note, e.slots);
      return;
    case 'foreign-objection':
      s.gov.contested = Math.max(s.gov.contested, e.count);
      emit(s, 'world', 'foreign-objection', note, e.count);
      return;
    case 'deadline':
      s.us.deadline = d;
      emit(s, 'us', 'deadline', note);
      return;
    case 'talks-convene':
      if (s.talks === 'pending') {
        s.talks = 'active';
        s.convenedDay = s.day;
        s.progressToday = true;
        emit(s, 'world', 'talks-convene', note);
      }
      return;
    case 'spoiler-attack':
      s.violence += e.severity;
      nudge(s.trust, T_GOV_TAL, 0, e.severity);
      emit(s, 'world', 'spoiler-attack', note);
      return;
    case 'us-press':
      if (e.target === 'government') s.gov.pressure = Math.min(1, s.gov.pressure + e.strength);
      else s.tal.pressure = Math.min(1, s.tal.pressure + e.strength);
      emit(s, 'us', 'us-press', note);
      return;
  }
}
