// Scheduled events with a trigger: they answer a state, `lag` rounds after the round it came to
// hold, or on their own day if that comes first, and fire once.
import {describe, expect, it} from 'vitest';
import {createState} from '../../src/sim/state.js';
import {step} from '../../src/sim/step.js';
import {createStepper} from '../../src/sim/stepper.js';
import {govCriteriaIndex, releaseFrom} from '../../src/sim/pools.js';
import {HIGH_TIER_ON_LIST, LOW_TIER_ON_LIST} from '../../src/sim/tiers.js';
import {triggerHolds} from '../../src/sim/triggers.js';
import type {SimConfig} from '../../src/sim/config.js';
import type {WorldState} from '../../src/sim/types.js';
import {configOf, rawScenario, stateAfter, type Raw} from '../helpers/scenario.js';

// Talks never convene: the policies release nothing and seek nothing, only events act.
const quiet = (events: Raw[], world: Raw = {}) => configOf(rawScenario({talks: 'pending', days: 60, events, world}));
const sure = (base: number) => ({ratification: {base, pressure: 0, trust: 0, violence: 0}});
const assembly = {type: 'ratification-assembly', day: 3, days: 1};
const objection = (trigger: Raw, day = 40) => ({type: 'foreign-objection', day, count: 6, note: 'objection', trigger});
const lines = (s: WorldState, type: string) => s.log!.filter((e) => e.type === type);

/** A state whose low tier on the list is all freed before round 1, then `rounds` rounds. */
function lowTierGone(cfg: SimConfig, rounds: number): WorldState {
  const s = createState(cfg);
  const st = createStepper(cfg, s);
  releaseFrom(st.govPool, s.govPool, govCriteriaIndex('humanitarian'), LOW_TIER_ON_LIST, 1e6);
  for (let i = 0; i < rounds; i++) step(s, cfg, st);
  return s;
}

describe('trigger conditions', () => {
  it('only-high-tier-left holds once the low tier on the list is out and some of the high tier is held', () => {
    const cfg = quiet([]);
    const s = createState(cfg);
    const st = createStepper(cfg, s);
    expect(triggerHolds(s, 'only-high-tier-left')).toBe(false);
    releaseFrom(st.govPool, s.govPool, govCriteriaIndex('humanitarian'), LOW_TIER_ON_LIST, 1e6);
    expect(triggerHolds(s, 'only-high-tier-left')).toBe(true);
    releaseFrom(st.govPool, s.govPool, govCriteriaIndex('humanitarian'), HIGH_TIER_ON_LIST, 1e6);
    expect(triggerHolds(s, 'only-high-tier-left')).toBe(false);
  });

  it('ratification-approved holds only once the assembly has approved', () => {
    const s = createState(quiet([]));
    for (const r of ['none', 'pending', 'rejected'] as const) {
      s.gov.ratification = r;
      expect(triggerHolds(s, 'ratification-approved')).toBe(false);
    }
    s.gov.ratification = 'approved';
    expect(triggerHolds(s, 'ratification-approved')).toBe(true);
  });
});

describe('triggered events', () => {
  it('fire lag rounds after the round their state came to hold, once, saying why', () => {
    // Assembly on round 3, decided the same round: approved after round 3, so the objection comes on 3 + 4.
    const s = stateAfter(quiet([assembly, objection({when: 'ratification-approved', lag: 4})], sure(10)), 60);
    expect(lines(s, 'ratified').map((e) => e.day)).toEqual([3]);
    expect(lines(s, 'foreign-objection')).toEqual([{day: 7, actor: 'world', type: 'foreign-objection', count: 6, reason: 'objection: 4 rounds after the assembly approved their release'}]);
    expect(s.gov.contested).toBe(6);
    expect(stateAfter(quiet([assembly, objection({when: 'ratification-approved', lag: 4})], sure(10)), 6).gov.contested).toBe(0);
  });

  it('fire on their own day when the state never comes, as a calendar event', () => {
    const s = stateAfter(quiet([assembly, objection({when: 'ratification-approved', lag: 4})], sure(-10)), 60);
    expect(lines(s, 'ratification-rejected')).toHaveLength(1);
    expect(lines(s, 'foreign-objection')).toEqual([{day: 40, actor: 'world', type: 'foreign-objection', count: 6, reason: 'objection'}]);
  });

  it('fire on their own day when it comes before the lag is out, and not again', () => {
    const s = stateAfter(quiet([assembly, objection({when: 'ratification-approved', lag: 30}, 10)], sure(10)), 60);
    expect(lines(s, 'foreign-objection').map((e) => [e.day, e.reason])).toEqual([[10, 'objection']]);
  });

  it('an assembly convenes 7 rounds after only the high-value prisoners are left (T70, T75)', () => {
    const cfg = quiet([{type: 'ratification-assembly', day: 50, days: 3, note: 'jirga', trigger: {when: 'only-high-tier-left', lag: 7}}]);
    // The state held from day 0 (before round 1): the assembly convenes in round 7 and decides on round 9.
    const s = lowTierGone(cfg, 12);
    expect(lines(s, 'ratification-assembly')).toEqual([{day: 7, actor: 'government', type: 'ratification-assembly', count: 3, reason: 'jirga: 7 rounds after only the high-value prisoners were left on the list'}]);
    expect(s.log!.filter((e) => e.type === 'ratified' || e.type === 'ratification-rejected').map((e) => e.day)).toEqual([9]);
    expect(lowTierGone(cfg, 60).log!.filter((e) => e.type === 'ratification-assembly')).toHaveLength(1);
    // The same event without its trigger stays on its day.
    const calendar = quiet([{type: 'ratification-assembly', day: 50, days: 3, note: 'jirga'}]);
    expect(lines(lowTierGone(calendar, 60), 'ratification-assembly').map((e) => e.day)).toEqual([50]);
  });

  it('skip an event their trigger already fired when its day comes, and the calendar goes on', () => {
    const events = [assembly, objection({when: 'ratification-approved', lag: 4}, 20), {type: 'deadline', day: 20, label: 'after', note: 'after'}, {type: 'deadline', day: 30, note: 'later'}];
    const s = stateAfter(quiet(events, sure(10)), 40);
    expect(s.log!.filter((e) => e.type === 'deadline' || e.type === 'foreign-objection').map((e) => [e.day, e.type])).toEqual([
      [7, 'foreign-objection'],
      [20, 'deadline'],
      [30, 'deadline'],
    ]);
    expect(Array.from(s.eventFired)).toEqual([1, 1, 1, 1]);
    expect(s.eventCursor).toBe(4);
  });
});
