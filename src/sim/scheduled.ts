// Phase 1 of a round: scheduled scenario events (calendar, exogenous shocks, US decisions the
// scenario fixes in advance).
import type {ScheduledEvent, SimConfig} from './config.js';
import {emit} from './log.js';
import {nudge, T_GOV_TAL, T_GOV_US} from './trust.js';
import type {WorldState} from './types.js';

export function fireScheduledEvents(s: WorldState, cfg: SimConfig): void {
  const events = cfg.events;
  while (s.eventCursor < events.length && events[s.eventCursor]!.day <= s.day) {
    const e = events[s.eventCursor++]!;
    if (e.day === s.day) apply(s, e);
  }
}

function apply(s: WorldState, e: ScheduledEvent): void {
  const d = s.day;
  switch (e.type) {
    case 'aid-cut':
      s.gov.aid = Math.max(0, s.gov.aid - e.share);
      s.gov.pressure = Math.min(1, s.gov.pressure + e.pressure);
      s.us.aidCutDay = d;
      nudge(s.trust, T_GOV_US, 0, 2 * e.share);
      emit(s, 'us', 'aid-cut', e.note);
      return;
    case 'aid-restore':
      s.gov.aid = 1;
      s.us.aidCutDay = -1;
      emit(s, 'us', 'aid-restore', e.note);
      return;
    case 'ceasefire':
      s.ceasefireUntil = Math.max(s.ceasefireUntil, d + e.days - 1);
      emit(s, 'world', 'ceasefire', e.note, e.days);
      return;
    case 'holiday':
      s.holidayUntil = Math.max(s.holidayUntil, d + e.days - 1);
      emit(s, 'world', 'holiday', e.note || `${e.name} begins: a ceasefire could be declared`, e.days);
      return;
    case 'covid-pressure':
      s.gov.humanitarian = e.level;
      emit(s, 'world', 'covid-pressure', e.note);
      return;
    case 'ratification-assembly':
      if (s.gov.ratification === 'approved') return;
      s.gov.ratification = 'pending';
      s.gov.ratificationDay = d + e.days - 1;
      emit(s, 'government', 'ratification-assembly', e.note, e.days);
      return;
    case 'third-country-custody':
      s.gov.custodySlots += e.slots;
      emit(s, 'us', 'third-country-custody', e.note, e.slots);
      return;
    case 'foreign-objection':
      s.gov.contested = Math.max(s.gov.contested, e.count);
      emit(s, 'world', 'foreign-objection', e.note, e.count);
      return;
    case 'deadline':
      s.us.deadline = d;
      emit(s, 'us', 'deadline', e.note || `deadline: ${e.label}`);
      return;
    case 'talks-convene':
      if (s.talks === 'pending') {
        s.talks = 'active';
        s.convenedDay = d;
        s.progressToday = true;
        emit(s, 'world', 'talks-convene', e.note);
      }
      return;
    case 'spoiler-attack':
      s.violence += e.severity;
      nudge(s.trust, T_GOV_TAL, 0, e.severity);
      emit(s, 'world', 'spoiler-attack', e.note);
      return;
    case 'us-press':
      if (e.target === 'government') s.gov.pressure = Math.min(1, s.gov.pressure + e.strength);
      else s.tal.pressure = Math.min(1, s.tal.pressure + e.strength);
      emit(s, 'us', 'us-press', e.note);
      return;
  }
}
