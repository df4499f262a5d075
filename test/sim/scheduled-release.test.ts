// Scheduled, exogenous releases: the counterfactual "what if the government had freed the 15
// commanders on 7 April" is one event in a scenario (or one --set 'events.+=...').
import {describe, expect, it} from 'vitest';
import {InputError} from '../../src/scenario/errors.js';
import {configOf, rawScenario, runRaw, stateAfter} from '../helpers/scenario.js';

const release = (patch: Record<string, unknown> = {}) => ({type: 'release', day: 5, side: 'government', count: 15, ...patch});
// Talks never convene, so the policies release nothing of their own.
const quiet = {};

describe('scheduled releases', () => {
  it('frees the priority commanders first by default, once, on the first round on or after the day', () => {
    const cfg = configOf(rawScenario({events: [release()], talks: 'pending', days: 20}));
    const before = stateAfter(cfg, 5);
    expect(before.counters.govReleasedPriority).toBe(15);
    expect(before.counters.govReleased).toBeGreaterThanOrEqual(15);
    const line = before.log!.find((e) => e.reason.startsWith('scheduled release'));
    expect(line).toMatchObject({day: 5, actor: 'government', type: 'release', count: 15});
    // Never again: the event fired once.
    const later = stateAfter(cfg, 20);
    expect(later.log!.filter((e) => e.reason.startsWith('scheduled release'))).toHaveLength(1);
    expect(later.counters.govReleasedPriority).toBe(15);
  });

  it('takes a criterion and a note, and the Taliban can be the ones releasing', () => {
    const cfg = configOf(rawScenario({...quiet, talks: 'pending', events: [release({side: 'taliban', count: 40, criteria: 'special-forces-first', note: 'forty commandos freed'})]}));
    const s = stateAfter(cfg, 6);
    expect(s.counters.talReleased).toBe(40);
    expect(s.counters.talReleasedSpecial).toBeGreaterThan(0);
    expect(s.log!.some((e) => e.reason === 'forty commandos freed' && e.actor === 'taliban')).toBe(true);
  });

  it('never frees more than are held', () => {
    const cfg = configOf(rawScenario({...quiet, talks: 'pending', pools: {government: {onList: 100, offList: 0, priority: 5, commanders: 10, serious: 10}}, events: [release({count: 500})]}));
    expect(stateAfter(cfg, 6).counters.govReleased).toBe(100);
  });

  it('is part of the exchange unless marked unilateral', () => {
    const run = (unilateral: boolean) => runRaw(rawScenario({...quiet, talks: 'pending', events: [release({unilateral})]}), {}, {});
    const batch = (u: boolean) => run(u).state.batches!.find((b) => b.count === 15 && b.from === 'government')!;
    expect(batch(false).unilateral).toBe(false);
    expect(batch(true).unilateral).toBe(true);
  });

  it("rejects a criterion of the other side, naming the field", () => {
    expect(() => configOf(rawScenario({events: [release({side: 'taliban', criteria: 'priority-first'})]}))).toThrow(InputError);
    try {
      configOf(rawScenario({events: [release({side: 'taliban', criteria: 'priority-first'})]}));
    } catch (e) {
      expect((e as Error).message).toMatch(/events\[0\]\.criteria/);
    }
  });

  it('can be appended on the command line with --set events.+=', () => {
    const cfg = configOf(rawScenario({events: [{type: 'talks-convene', day: 2}]}), {set: ['events.+={type: release, day: 3, side: government, count: 15}']});
    expect(cfg.events.map((e) => e.type)).toEqual(['talks-convene', 'release']);
    expect(() => configOf(rawScenario(), {set: ['events.+={type: release, day: 3, side: nobody, count: 15}']})).toThrow(/events\[0\]\.side.*from --set events\.\+=/s);
  });
});
