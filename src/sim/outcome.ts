// Phase 7 of a round: whether talks broke down or the exchange is complete, judged last, on the round's final state.
import type {SimConfig} from './config.js';
import {emit} from './log.js';
import type {Stepper} from './stepper.js';
import type {WorldState} from './types.js';

export function checkOutcome(s: WorldState, cfg: SimConfig, st: Stepper): void {
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
