import {describe, expect, it} from 'vitest';
import {longest} from '../../src/analysis/fit.js';
import {recordStallCauses, stallCause, stallEpisodes, stallRule, updateStall} from '../../src/sim/stall.js';
import {createState} from '../../src/sim/state.js';
import type {WorldState} from '../../src/sim/types.js';
import {configOf, rawScenario} from '../helpers/scenario.js';

const cfg = configOf(rawScenario({stall: {rollouts: 0, walkoutDays: 5, noProgressDays: 10}}));

function stateAt(day: number, patch: Partial<WorldState> = {}, record = true): WorldState {
  const s = createState(cfg, {record});
  s.day = day;
  s.lastProgressDay = day;
  return Object.assign(s, patch);
}

describe('stallCause', () => {
  it('is null while talks move', () => {
    expect(stallCause(stateAt(30), cfg)).toBeNull();
    expect(stallCause(stateAt(30, {lastProgressDay: 21}), cfg)).toBeNull(); // 9 < 10 days
  });

  it('no-progress: after noProgressDays without progress', () => {
    expect(stallCause(stateAt(30, {lastProgressDay: 20}), cfg)).toBe('no-progress');
    expect(stallCause(stateAt(30, {lastProgressDay: 0, talks: 'pending'}), cfg)).toBe('no-progress');
  });

  it('walk-out: a walk-out of walkoutDays or more', () => {
    const out = {talks: 'walked-out', walkoutBy: 'taliban'} as const;
    expect(stallCause(stateAt(30, {...out, walkoutSince: 26}), cfg)).toBeNull(); // 4 days
    expect(stallCause(stateAt(30, {...out, walkoutSince: 25}), cfg)).toBe('walk-out');
    // A short walk-out after a long drought is still a no-progress stall.
    expect(stallCause(stateAt(30, {...out, walkoutSince: 28, lastProgressDay: 15}), cfg)).toBe('no-progress');
    // A long walk-out is named as such even when there is also no progress.
    expect(stallCause(stateAt(30, {...out, walkoutSince: 20, lastProgressDay: 15}), cfg)).toBe('walk-out');
  });

  it('breakdown: talks broken, whatever else holds', () => {
    expect(stallCause(stateAt(30, {talks: 'broken'}), cfg)).toBe('breakdown');
    expect(stallCause(stateAt(30, {talks: 'broken', lastProgressDay: 0, walkoutSince: 1}), cfg)).toBe('breakdown');
  });

  it('a completed exchange is not a no-progress stall', () => {
    expect(stallCause(stateAt(30, {outcome: 'complete', outcomeDay: 5, lastProgressDay: 5}), cfg)).toBeNull();
  });
});

describe('updateStall: episodes', () => {
  it('records onset, counts stalled days, and records recovery', () => {
    const s = stateAt(10);
    updateStall(s, cfg);
    expect(s.stalled).toBe(false);
    expect(s.counters.stallEpisodes).toBe(0);

    s.day = 20; // ten days since progress on day 10
    updateStall(s, cfg);
    expect(s.stalled).toBe(true);
    expect(s.stallCause).toBe('no-progress');
    expect(s.stallSince).toBe(20);
    expect(s.counters.stallEpisodes).toBe(1);
    expect(s.counters.stalledDays).toBe(1);
    expect(s.episodes).toEqual([{start: 20, end: null, cause: 'no-progress'}]);
    expect(s.log!.at(-1)).toMatchObject({day: 20, actor: 'world', type: 'stall'});
    expect(s.log!.at(-1)!.reason.length).toBeGreaterThan(0);

    for (const day of [21, 22, 23]) {
      s.day = day;
      updateStall(s, cfg);
    }
    expect(s.stalled).toBe(true);
    expect(s.stallSince).toBe(20); // onset day is kept
    expect(s.counters.stallEpisodes).toBe(1);
    expect(s.counters.stalledDays).toBe(4);
    expect(s.episodes!.length).toBe(1);

    s.day = 24;
    s.lastProgressDay = 24;
    updateStall(s, cfg);
    expect(s.stalled).toBe(false);
    expect(s.stallCause).toBeNull();
    expect(s.counters.stalledDays).toBe(4);
    expect(s.episodes).toEqual([{start: 20, end: 24, cause: 'no-progress'}]);
    expect(s.log!.at(-1)).toMatchObject({day: 24, actor: 'world', type: 'recovery'});

    s.day = 40;
    s.talks = 'walked-out';
    s.walkoutBy = 'taliban';
    s.walkoutSince = 33;
    s.lastProgressDay = 35;
    updateStall(s, cfg);
    expect(s.counters.stallEpisodes).toBe(2);
    expect(s.episodes!.at(-1)).toEqual({start: 40, end: null, cause: 'walk-out'});
    expect(s.counters.stalledDays).toBe(5);
  });

  it('a change of cause within a stall is the same episode', () => {
    const s = stateAt(20, {lastProgressDay: 10});
    updateStall(s, cfg);
    s.day = 21;
    s.talks = 'broken';
    updateStall(s, cfg);
    expect(s.counters.stallEpisodes).toBe(1);
    expect(s.episodes!.length).toBe(1);
    expect(s.stalled).toBe(true);
  });

  it('keeps the counters without a log (rollout states)', () => {
    const s = stateAt(20, {lastProgressDay: 10}, false);
    updateStall(s, cfg);
    expect(s.stalled).toBe(true);
    expect(s.counters.stallEpisodes).toBe(1);
    expect(s.counters.stalledDays).toBe(1);
    expect(s.log).toBeNull();
    expect(s.episodes).toBeNull();
  });
});

describe('stallEpisodes', () => {
  it('finds stall episodes under the definition: no progress, and long walk-outs', () => {
    // Progress on days 1 and 20; a walk-out from day 5 to day 12 (7-day threshold); 14 days no progress.
    const eps = stallEpisodes([1, 20], [{from: 5, to: 12}], 40, {walkoutDays: 7, noProgressDays: 14});
    // Walk-out stall from day 12? It ends on day 12 (returned), so it never reaches 7 days away: no.
    // No progress from day 1: stalled from day 15 to day 20; again from day 34 (20 + 14).
    expect(eps).toEqual([{start: 15, end: 20}, {start: 34, end: null}]);
    expect(longest(eps, 40)).toBe(6);
    const walk = stallEpisodes([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], [{from: 2, to: 12}], 16, {walkoutDays: 7, noProgressDays: 14});
    expect(walk).toEqual([{start: 9, end: 12}]);
  });
});

describe('stallRule', () => {
  const def = {walkoutDays: 7, noProgressDays: 14};
  it('breakdown first, then a long walk-out, then no progress unless complete', () => {
    expect(stallRule(def, true, 30, 30, false)).toBe('breakdown');
    expect(stallRule(def, false, 7, 30, false)).toBe('walk-out');
    expect(stallRule(def, false, 6, 14, false)).toBe('no-progress');
    expect(stallRule(def, false, 6, 14, true)).toBeNull();
    expect(stallRule(def, false, -1, 13, false)).toBeNull();
  });

  it('gives the record its causes day by day, the walk-out before the want of progress', () => {
    // A walk-out from day 3, back on day 20; progress on day 1 only.
    const causes = recordStallCauses([1], [{from: 3, to: 20}], 22, def);
    expect(causes).toHaveLength(23);
    expect(causes[0]).toBeNull();
    expect(causes[9]).toBeNull();
    expect(causes[10]).toBe('walk-out');
    expect(causes[19]).toBe('walk-out');
    expect(causes[20]).toBe('no-progress');
  });
});
