import {describe, expect, it} from 'vitest';
import {longest} from '../../src/analysis/fit.js';
import {daysIdle, recordStallCauses, stallCause, stallEpisodes, stallRule, updateStall} from '../../src/sim/stall.js';
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
  });

  it('no-progress: the clock starts at the first meeting, not before', () => {
    // Talks pending, nobody has met: 30 idle days are no stall.
    expect(stallCause(stateAt(30, {lastProgressDay: 0, talks: 'pending', convenedDay: -1}), cfg)).toBeNull();
    // Met on day 25, nothing since: 5 days on the clock, not 30.
    expect(stallCause(stateAt(30, {lastProgressDay: 0, convenedDay: 25}), cfg)).toBeNull();
    // Met on day 20, nothing since: 10 days, a stall.
    expect(stallCause(stateAt(30, {lastProgressDay: 0, convenedDay: 20}), cfg)).toBe('no-progress');
    // A walk-out before any meeting is still a stall once it has lasted walkoutDays.
    const away = {talks: 'walked-out', walkoutBy: 'taliban', walkoutSince: 25, convenedDay: -1, lastProgressDay: 0} as const;
    expect(stallCause(stateAt(30, away), cfg)).toBe('walk-out');
    expect(stallCause(stateAt(29, away), cfg)).toBeNull();
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

describe('updateStall: no clock before the parties meet', () => {
  it('opens no episode while talks are pending, and counts the idle days from the meeting', () => {
    const s = stateAt(0, {talks: 'pending', convenedDay: -1, lastProgressDay: 0});
    for (let day = 1; day <= 30; day++) {
      s.day = day;
      updateStall(s, cfg);
    }
    expect(s.counters.stallEpisodes).toBe(0);
    s.talks = 'active';
    s.convenedDay = 30;
    for (let day = 31; day <= 39; day++) {
      s.day = day;
      updateStall(s, cfg);
    }
    expect(s.stalled).toBe(false); // 9 days since the meeting
    s.day = 40;
    updateStall(s, cfg);
    expect(s.episodes).toEqual([{start: 40, end: null, cause: 'no-progress'}]);
  });
});

describe('daysIdle', () => {
  it('is -1 before the first meeting, else the days since the later of the last progress and the meeting', () => {
    expect(daysIdle(10, 0, null)).toBe(-1);
    expect(daysIdle(10, 0, -1)).toBe(-1);
    expect(daysIdle(10, 0, 12)).toBe(-1);
    expect(daysIdle(10, 0, 4)).toBe(6);
    expect(daysIdle(10, 7, 4)).toBe(3);
    expect(daysIdle(10, 0, 0)).toBe(10);
  });
});

describe('stallEpisodes', () => {
  it('has no want-of-progress stall before the parties met, or ever if they never did', () => {
    const def = {walkoutDays: 7, noProgressDays: 14};
    // Met on day 20, nothing moved after: stalled from day 34.
    expect(stallEpisodes([], [], 40, def, 20)).toEqual([{start: 34, end: null}]);
    expect(stallEpisodes([], [], 40, def, null)).toEqual([]);
    // A walk-out is a stall after 7 days even before a meeting.
    expect(stallEpisodes([], [{from: 3, to: null}], 40, def, null)).toEqual([{start: 10, end: null}]);
  });

  it('finds stall episodes under the definition: no progress, and long walk-outs', () => {
    // Progress on days 1 and 20; a walk-out from day 5 to day 12 (7-day threshold); 14 days no progress.
    const eps = stallEpisodes([1, 20], [{from: 5, to: 12}], 40, {walkoutDays: 7, noProgressDays: 14}, 0);
    // Walk-out stall from day 12? It ends on day 12 (returned), so it never reaches 7 days away: no.
    // No progress from day 1: stalled from day 15 to day 20; again from day 34 (20 + 14).
    expect(eps).toEqual([{start: 15, end: 20}, {start: 34, end: null}]);
    expect(longest(eps, 40)).toBe(6);
    const walk = stallEpisodes([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], [{from: 2, to: 12}], 16, {walkoutDays: 7, noProgressDays: 14}, 0);
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
    expect(stallRule(def, false, -1, -1, false)).toBeNull(); // the clock has not started
  });

  it('gives the record its causes day by day, the walk-out before the want of progress', () => {
    // A walk-out from day 3, back on day 20; progress on day 1 only.
    const causes = recordStallCauses([1], [{from: 3, to: 20}], 22, def, 0);
    expect(causes).toHaveLength(23);
    expect(causes[0]).toBeNull();
    expect(causes[9]).toBeNull();
    expect(causes[10]).toBe('walk-out');
    expect(causes[19]).toBe('walk-out');
    expect(causes[20]).toBe('no-progress');
  });
});
