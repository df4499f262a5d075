// Who carrot-stick presses (us/common.ts shortfalls): a standing government demand on the
// Taliban (captives owed, the commandos) counts as the Taliban's shortfall, so a stall that
// waits on them brings airstrikes, not an aid cut; and pressTal then changes outcomes.
import {describe, expect, it} from 'vitest';
import {demandShortfall, shortfalls} from '../../src/agents/us/common.js';
import {loadScenario} from '../../src/scenario/resolve.js';
import {runSimulation} from '../../src/sim/run.js';
import type {WorldState} from '../../src/sim/types.js';
import {configOf, rawScenario, stateAfter} from '../helpers/scenario.js';

function midRun(): {cfg: ReturnType<typeof configOf>; s: WorldState} {
  const cfg = configOf(rawScenario({days: 80, agents: {government: {policy: 'phased-conditional'}, taliban: {policy: 'ratio-releaser'}, us: {policy: 'carrot-stick'}}}));
  const s = stateAfter(cfg, 40);
  // The government far behind the US's pace, the Taliban on the ratio.
  s.counters.govReleased = 1000;
  s.counters.talReleased = 200;
  s.counters.talReleasedSpecial = 0;
  s.gov.reciprocityDemand = 0;
  s.gov.specialForcesDemand = 0;
  return {cfg, s};
}

describe('shortfalls', () => {
  it('the Taliban on the ratio and no demand standing: no Taliban shortfall, the government far behind', () => {
    const {s} = midRun();
    const f = shortfalls(s, 100, 5, 5000);
    expect(f.tal).toBe(0);
    expect(demandShortfall(s)).toBe(0);
    expect(f.gov).toBeGreaterThan(0.5);
  });

  it('a standing demand counts as the unmet share of it', () => {
    const {s} = midRun();
    s.gov.specialForcesDemand = 20;
    s.counters.talReleasedSpecial = 5;
    expect(demandShortfall(s)).toBeCloseTo(0.75, 12);
    s.gov.specialForcesDemand = 0;
    s.gov.reciprocityDemand = 200;
    s.gov.reciprocityBase = 150;
    expect(demandShortfall(s)).toBeCloseTo(0.75, 12);
    expect(shortfalls(s, 100, 5, 5000).tal).toBeCloseTo(0.75, 12);
  });

  it('carrot-stick at bias 0 presses the Taliban while the government waits on its commandos, Kabul otherwise', () => {
    for (const demand of [0, 20]) {
      const {cfg, s} = midRun();
      s.gov.specialForcesDemand = demand;
      s.lastProgressDay = s.day - 30;
      const seat = cfg.agents.us.seat(cfg, s);
      (s.us.memory as {pressDay: number}).pressDay = 0;
      seat.decide(s);
      const kinds = Array.from({length: seat.act.length}, (_, i) => seat.act.slots[i]!.kind);
      expect(kinds).toContain(demand > 0 ? 'press-taliban' : 'press-government');
    }
  });
});

describe('pressTal on afghanistan-2020', () => {
  it('carrot-stick presses the Taliban in some runs, and pressTal 0 and 1 end some run differently', () => {
    let pressed = 0;
    let differ = 0;
    for (let i = 0; i < 12; i++) {
      const run = (pressTal: number) =>
        runSimulation(loadScenario('afghanistan-2020', {seed: `audit-${i}`, set: ['stall.rollouts=0', 'agents.us.policy=carrot-stick', `agents.us.params.pressTal=${pressTal}`]}).config).state;
      const a = run(0);
      const b = run(1);
      if (b.log!.some((e) => e.type === 'press-taliban')) pressed++;
      if (a.outcome !== b.outcome || a.outcomeDay !== b.outcomeDay || a.counters.talReleased !== b.counters.talReleased || a.counters.stalledDays !== b.counters.stalledDays) differ++;
    }
    expect(pressed).toBeGreaterThan(0);
    expect(differ).toBeGreaterThan(0);
  });
});
