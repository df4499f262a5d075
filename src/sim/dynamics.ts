// Phase 5 of a round: what the world does on its own (violence, breakdown hazard, ratification, pressure), whatever the parties chose.
import type {SimConfig} from './config.js';
import {emit} from './log.js';
import {chance, noise} from './rng.js';
import {T_GOV_TAL, T_TAL_GOV, trustOf} from './trust.js';
import type {WorldState} from './types.js';

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export function dynamics(s: WorldState, cfg: SimConfig): void {
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
