// US pressure on the Taliban (airstrikes, a deadline) speeds their concessions the same way under
// every Taliban policy (taliban/common.ts: pressureFactor, pressedLag, pressedHazard).
import {describe, expect, it} from 'vitest';
import {pressedHazard, pressedLag, pressureFactor} from '../../src/agents/taliban/common.js';
import type {WorldState} from '../../src/sim/types.js';
import {configOf, rawScenario, stateAfter} from '../helpers/scenario.js';

const TALIBAN = ['obstinate-list', 'ratio-releaser', 'coercive-leverage', 'split-movement'];

describe('pressure helpers', () => {
  it('leave the pace alone without pressure and triple it at the full stock', () => {
    expect(pressureFactor(0)).toBe(1);
    expect(pressureFactor(0.5)).toBe(2);
    expect(pressureFactor(1)).toBe(3);
    expect(pressureFactor(-0.2)).toBe(1);
    expect(pressedLag(5, 0)).toBe(5);
    expect(pressedLag(5, 0.01)).toBe(5);
    expect(pressedLag(6, 0.5)).toBe(3);
    expect(pressedLag(5, 1)).toBe(2);
    expect(pressedHazard(0.07, 0)).toBe(0.07);
    expect(pressedHazard(0.1, 0.5)).toBeCloseTo(0.2, 12);
    expect(pressedHazard(0.5, 1)).toBe(1);
  });
});

/** Active talks, the Taliban owing captives, their last batch 2 rounds ago: the lag (6) holds them unless pressed. */
function owingState(policy: string, pressure: number): {s: WorldState; decide: () => string[]} {
  const cfg = configOf(
    rawScenario({
      days: 80,
      talks: 'active',
      agents: {government: {policy: 'phased-conditional'}, taliban: {policy, params: {lagDays: 6}}, us: {policy: 'facilitator'}},
    }),
  );
  const s = stateAfter(cfg, 30);
  expect(s.outcome).toBe('ongoing');
  s.talks = 'active';
  s.counters.govReleased = Math.max(s.counters.govReleased, 5 * s.counters.talReleased + 200);
  s.tal.pressure = pressure;
  s.tal.pendingBatch = 0;
  const memory = s.tal.memory as {lastReleaseDay: number; returnDay: number};
  memory.lastReleaseDay = s.day - 2;
  memory.returnDay = s.day;
  s.lastProgressDay = s.day;
  s.counters.govLastReleaseDay = s.day;
  const seat = cfg.agents.taliban.seat(cfg, s);
  return {
    s,
    decide: () => {
      seat.act.clear();
      seat.decide(s);
      return Array.from({length: seat.act.length}, (_, i) => seat.act.slots[i]!.kind);
    },
  };
}

describe('a pressed Taliban releases sooner, under every policy', () => {
  it.each(TALIBAN)('%s: no batch 2 rounds after the last one unpressed, a batch at full pressure', (policy) => {
    expect(owingState(policy, 0).decide()).not.toContain('release');
    expect(owingState(policy, 1).decide()).toContain('release');
  });
});
