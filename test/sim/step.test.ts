import {describe, expect, it} from 'vitest';
import {cloneState, createState} from '../../src/sim/state.js';
import {step} from '../../src/sim/step.js';
import {createStepper} from '../../src/sim/stepper.js';
import {TALKS_TRANSITIONS} from '../../src/sim/types.js';
import {configOf, rawScenario, simSnapshot, snapshot, stateAfter} from '../helpers/scenario.js';

describe('step', () => {
  it('advances one round at a time', () => {
    const cfg = configOf(rawScenario({days: 30}));
    const s = createState(cfg);
    const st = createStepper(cfg, s);
    expect(s.day).toBe(0);
    for (let d = 1; d <= 10 && s.outcome === 'ongoing'; d++) {
      step(s, cfg, st);
      expect(s.day).toBe(d);
    }
  });

  it('does nothing once the run is over', () => {
    const cfg = configOf(rawScenario({days: 30}));
    for (const outcome of ['complete', 'broken'] as const) {
      const s = stateAfter(cfg, 5);
      s.outcome = outcome;
      const before = snapshot(s);
      step(s, cfg, createStepper(cfg, s));
      expect(snapshot(s)).toEqual(before);
    }
  });

  it('is deterministic: the same config gives the same state', () => {
    const cfg = configOf(rawScenario({days: 120, seed: 'same'}));
    expect(snapshot(stateAfter(cfg, 120))).toEqual(snapshot(stateAfter(cfg, 120)));
    const other = configOf(rawScenario({days: 120, seed: 'different'}));
    expect(simSnapshot(stateAfter(other, 30))).not.toEqual(simSnapshot(stateAfter(cfg, 30)));
  });

  it('a value copy continues exactly where the original goes (save at k, resume to n)', () => {
    const cfg = configOf(rawScenario({days: 150, seed: 'resume', talks: 'pending', events: [{type: 'talks-convene', day: 9}]}));
    for (const k of [0, 7, 33]) {
      const s = stateAfter(cfg, k);
      const copy = cloneState(cfg, s);
      expect(simSnapshot(copy)).toEqual(simSnapshot(s));
      const st = createStepper(cfg, s);
      const stCopy = createStepper(cfg, copy);
      for (let i = k; i < 100; i++) {
        step(s, cfg, st);
        step(copy, cfg, stCopy);
      }
      expect(simSnapshot(copy)).toEqual(simSnapshot(s));
      expect(copy.log).toBeNull(); // copies do not record
    }
  });

  it('interleaving two runs does not couple them (no shared scratch state)', () => {
    const a = configOf(rawScenario({days: 100, seed: 'a', agents: {government: {policy: 'ratio-reciprocator'}, taliban: {policy: 'split-movement'}, us: {policy: 'carrot-stick'}}}));
    const b = configOf(rawScenario({days: 100, seed: 'b'}));
    const alone = snapshot(stateAfter(a, 100));
    const sa = createState(a);
    const sb = createState(b);
    const sta = createStepper(a, sa);
    const stb = createStepper(b, sb);
    for (let i = 0; i < 100; i++) {
      step(sb, b, stb);
      step(sa, a, sta);
    }
    expect(snapshot(sa)).toEqual(alone);
  });

  it('only makes talks transitions the state machine allows', () => {
    const cfg = configOf(rawScenario({days: 200, seed: 'talks', talks: 'pending', events: [{type: 'talks-convene', day: 12}], agents: {government: {policy: 'boulware'}, taliban: {policy: 'obstinate-list'}, us: {policy: 'deadline-hawk'}}}));
    const s = createState(cfg);
    const st = createStepper(cfg, s);
    let prev = s.talks;
    let changes = 0;
    while (s.day < cfg.days && s.outcome === 'ongoing') {
      step(s, cfg, st);
      if (s.talks !== prev) {
        expect(TALKS_TRANSITIONS[prev]).toContain(s.talks);
        changes++;
      }
      prev = s.talks;
    }
    expect(changes).toBeGreaterThan(0); // at least the meeting on day 12
  });
});

describe('scheduled events', () => {
  // Talks pending and never convened: nothing the agents do interferes with these checks.
  const quiet = (events: unknown[], patch: Record<string, unknown> = {}) => configOf(rawScenario({days: 60, talks: 'pending', events, ...patch}));

  it('talks-convene opens pending talks on its day', () => {
    const cfg = quiet([{type: 'talks-convene', day: 6, note: 'the technical teams meet'}]);
    const s = stateAfter(cfg, 5);
    expect(s.talks).toBe('pending');
    expect(s.convenedDay).toBe(-1);
    const st = createStepper(cfg, s);
    step(s, cfg, st);
    expect(s.convenedDay).toBe(6);
    expect(s.lastProgressDay).toBe(6); // a meeting is progress
    expect(s.log!.some((e) => e.day === 6 && e.type === 'talks-convene' && e.reason === 'the technical teams meet')).toBe(true);
  });

  it('a scheduled ceasefire holds violence at the ceasefire level for its days', () => {
    const cfg = quiet([{type: 'ceasefire', day: 5, days: 3}], {world: {ceasefireViolence: 0.2, violence: 1.5}});
    const s = createState(cfg);
    const st = createStepper(cfg, s);
    const violence: number[] = [];
    for (let d = 1; d <= 10; d++) {
      step(s, cfg, st);
      violence.push(s.violence);
    }
    expect(violence.slice(4, 7)).toEqual([0.2, 0.2, 0.2]); // days 5, 6, 7
    expect(violence[3]).not.toBe(0.2);
    expect(violence[7]).not.toBe(0.2);
    expect(s.log!.find((e) => e.type === 'ceasefire')).toMatchObject({day: 5, count: 3});
  });

  it('events fire on their day, same-day events in file order, dates resolved to rounds', () => {
    const cfg = quiet([
      {type: 'deadline', day: 9, label: 'later', note: 'third'},
      {type: 'covid-pressure', date: '2020-03-05', level: 0.7, note: 'first'},
      {type: 'third-country-custody', day: 4, slots: 3, note: 'second'},
    ]);
    expect(cfg.events.map((e) => e.day)).toEqual([4, 4, 9]);
    expect(cfg.events.map((e) => e.note)).toEqual(['first', 'second', 'third']);
    const s = stateAfter(cfg, 10);
    const fired = s.log!.filter((e) => e.actor !== 'government' && e.actor !== 'taliban' && ['deadline', 'covid-pressure', 'third-country-custody'].includes(e.type));
    expect(fired.map((e) => [e.day, e.reason])).toEqual([
      [4, 'first'],
      [4, 'second'],
      [9, 'third'],
    ]);
    expect(s.gov.humanitarian).toBe(0.7);
    expect(s.us.deadline).toBeGreaterThanOrEqual(9);
  });

  it('dates resolve to rounds of several days', () => {
    const cfg = quiet([{type: 'ceasefire', date: '2020-03-16', days: 1}], {roundDays: 7});
    expect(cfg.events[0]!.day).toBe(2); // 15 days after 1 March: the third round (day 2)
  });

  it('troops follow the withdrawal schedule, linear between milestones', () => {
    const cfg = quiet([], {
      days: 40,
      world: {troops: {start: 13000, milestones: [{day: 10, troops: 3000}, {day: 20, troops: 1000}]}},
    });
    const s = createState(cfg);
    const st = createStepper(cfg, s);
    const troops = new Map<number, number>();
    while (s.day < 30) {
      step(s, cfg, st);
      troops.set(s.day, s.us.troops);
    }
    expect(troops.get(5)).toBe(8000);
    expect(troops.get(10)).toBe(3000);
    expect(troops.get(15)).toBe(2000);
    expect(troops.get(20)).toBe(1000);
    expect(troops.get(30)).toBe(1000);
  });
});
