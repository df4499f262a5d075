// One round of the simulation. The order of phases is fixed and documented (docs/model.md):
//   1. scheduled events fire (calendar, shocks);
//   2. the US decides and its actions take effect;
//   3. the government and the Taliban decide on the same state (simultaneous moves);
//   4. their actions resolve, government first (releases, walk-outs, violence, offers);
//   5. world dynamics: violence drifts, ceasefires hold, breakdown hazard, ratification, pressure;
//   6. each party updates its trust in the others from what it saw this round;
//   7. progress, stall and outcome bookkeeping.
// The state is updated in place and nothing is allocated unless something is recorded.
// Each phase lives in a file of its own (resolve-*.ts, dynamics.ts, trust.ts, outcome.ts); this
// file only runs them in order.
import type {SimConfig} from './config.js';
import {dynamics} from './dynamics.js';
import {checkOutcome} from './outcome.js';
import {resolveGov} from './resolve-government.js';
import {resolveTal} from './resolve-taliban.js';
import {resolveUs} from './resolve-us.js';
import {fireScheduledEvents} from './scheduled.js';
import {updateStall} from './stall.js';
import type {Stepper} from './stepper.js';
import {troopsOn} from './troops.js';
import {updateTrust} from './trust.js';
import type {WorldState} from './types.js';

export function step(s: WorldState, cfg: SimConfig, st: Stepper): void {
  if (s.outcome !== 'ongoing') return;
  s.day += 1;
  s.progressToday = false;
  const c = s.counters;
  c.govToday = 0;
  c.govWorthToday = 0;
  c.talToday = 0;
  const priorityBefore = c.govReleasedPriority;

  // 1. Scheduled events and the withdrawal schedule.
  fireScheduledEvents(s, cfg, st);
  s.us.troops = s.day < st.troops.length ? st.troops[s.day]! : troopsOn(cfg.world.troops, s.day);

  // 2. The US moves first: its pressure shapes the parties' choices the same day.
  st.us.act.clear();
  st.us.decide(s);
  resolveUs(s, cfg, st.us.act);

  // 3. Government and Taliban decide on the same state.
  st.gov.act.clear();
  st.tal.act.clear();
  st.gov.decide(s);
  st.tal.decide(s);

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
