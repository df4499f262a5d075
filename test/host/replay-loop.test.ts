// The replay's loop on a hand-cranked clock: playing at the chosen pace, pausing, stepping both
// ways, jumping from event to event, seeking to a typed date, and refusing bad dates with a
// message that says what is wrong.
import {describe, expect, it, vi} from 'vitest';
import {isReplayLoop, parseSeekDate, ReplayLoop} from '../../src/host/replay-loop.js';
import {SimLoop} from '../../src/host/sim-loop.js';
import {loadScenario} from '../../src/scenario/resolve.js';
import {startRun} from '../../src/sim/run.js';
import {fakeTimers} from '../ui/fake-timers.js';
import {dayOfDate, REPLAY, TERMS} from '../ui/replay-fixtures.js';

const LAST = REPLAY.days.length - 1;
const idOf = (loop: ReplayLoop): string | undefined => loop.getSnapshot().replay.selected?.id;

function setup(options: {speed?: number; paused?: boolean} = {}) {
  const {timers, advance, pending} = fakeTimers();
  const loop = new ReplayLoop(REPLAY, {terms: TERMS, timers, ...options});
  const snap = () => loop.getSnapshot();
  return {loop, advance, pending, snap};
}

describe('ReplayLoop playback', () => {
  it('plays a day at a time at the chosen pace', () => {
    const {loop, advance, snap} = setup({speed: 5});
    expect(snap()).toMatchObject({day: 0, date: '2020-02-29', playback: 'running', speed: 5});
    advance(1000);
    expect(snap().day).toBe(5);
    advance(999);
    expect(snap().day).toBe(9);
    loop.faster();
    expect(snap().speed).toBe(10);
    advance(1001);
    expect(snap().day).toBeGreaterThanOrEqual(19);
    expect(snap().day).toBeLessThanOrEqual(20);
    loop.dispose();
  });

  it('pauses and resumes; while paused nothing moves', () => {
    const {loop, advance, snap, pending} = setup({speed: 10});
    advance(500);
    loop.togglePause();
    const at = snap().day;
    expect(snap().playback).toBe('paused');
    expect(pending()).toBe(0);
    advance(10_000);
    expect(snap().day).toBe(at);
    loop.togglePause();
    advance(1000);
    expect(snap().day).toBe(at + 10);
    loop.dispose();
  });

  it('steps a day forward and back, pausing, and stays within the record', () => {
    const {loop, advance, snap} = setup({speed: 10});
    advance(300);
    loop.step();
    expect(snap()).toMatchObject({day: 4, playback: 'paused'});
    loop.stepBack();
    loop.stepBack();
    expect(snap().day).toBe(2);
    for (let i = 0; i < 5; i++) loop.stepBack();
    expect(snap().day).toBe(0);
    advance(5000);
    expect(snap().day).toBe(0);
    loop.dispose();
  });

  it('at top speed goes straight to the end, which is "finished"; space does nothing there', () => {
    const {loop, advance, snap} = setup({speed: Infinity});
    advance(1);
    expect(snap()).toMatchObject({day: LAST, playback: 'finished', talks: 'open'});
    loop.togglePause();
    expect(snap().playback).toBe('finished');
    loop.stepBack();
    expect(snap()).toMatchObject({day: LAST - 1, playback: 'paused'});
    loop.dispose();
  });

  it('r replays from the start, playing', () => {
    const {loop, advance, snap} = setup({paused: true});
    loop.seek('2020-05-01');
    loop.restart();
    expect(snap()).toMatchObject({day: 0, playback: 'running'});
    advance(1000);
    expect(snap().day).toBe(5);
    loop.dispose();
  });

  it('tells its listeners of every change, and not after dispose', () => {
    const {loop, advance} = setup({paused: true});
    const listener = vi.fn();
    loop.subscribe(listener);
    loop.step();
    loop.nextEvent();
    expect(listener).toHaveBeenCalledTimes(2);
    loop.dispose();
    loop.step();
    advance(5000);
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe('ReplayLoop events', () => {
  it('n jumps to the next event, p back, each pinned and shown as selected', () => {
    const {loop, snap} = setup({paused: true});
    // Four events on day 0 (T2-T5): the latest is selected until one is jumped to.
    expect(idOf(loop)).toBe('T5');
    loop.nextEvent();
    expect(idOf(loop)).toBe('T6');
    expect(snap()).toMatchObject({day: 1, playback: 'paused'});
    expect(snap().replay.pinned).toBe(true);
    loop.previousEvent();
    expect(idOf(loop)).toBe('T5');
    loop.previousEvent();
    expect(idOf(loop)).toBe('T4');
    expect(snap().day).toBe(0);
    loop.nextEvent();
    loop.nextEvent();
    expect(idOf(loop)).toBe('T6');
    loop.dispose();
  });

  it('p on a day without events goes to the latest event before it first', () => {
    const {loop, snap} = setup({paused: true});
    loop.seek('2020-04-05');
    expect(idOf(loop)).toBe('T25');
    expect(snap().replay.pinned).toBe(false);
    loop.previousEvent();
    expect(snap().date).toBe('2020-03-31');
    expect(idOf(loop)).toBe('T25');
    loop.previousEvent();
    expect(idOf(loop)).toBe('T24');
    loop.dispose();
  });

  it('n from the walk-out reaches the first release; stepping clears the pin', () => {
    const {loop, snap} = setup({paused: true});
    loop.seek('2020-04-07');
    loop.nextEvent();
    expect(idOf(loop)).toBe('T27');
    expect(snap()).toMatchObject({date: '2020-04-08', released: {government: 100}});
    loop.step();
    expect(snap().replay.pinned).toBe(false);
    expect(idOf(loop)).toBe('T28');
    loop.dispose();
  });

  it('stops at the first and the last event', () => {
    const {loop, snap} = setup({paused: true});
    for (let i = 0; i < 10; i++) loop.previousEvent();
    expect(idOf(loop)).toBe('T2');
    loop.seek('2020-09-12');
    for (let i = 0; i < 3; i++) loop.nextEvent();
    expect(idOf(loop)).toBe('T87');
    expect(snap().playback).toBe('finished');
    loop.dispose();
  });

  it('playing moves the selection along with the days', () => {
    const {loop, advance} = setup({speed: 10});
    loop.nextEvent();
    loop.togglePause();
    advance(300);
    // Day 1 (T6) plus three days: 2020-03-04, the day of T9.
    expect(loop.getSnapshot().date).toBe('2020-03-04');
    expect(loop.getSnapshot().replay.pinned).toBe(false);
    expect(idOf(loop)).toBe('T9');
    loop.dispose();
  });
});

describe('ReplayLoop seek', () => {
  it('jumps to a typed date, pausing: on 2020-04-07 the walk-out shows', () => {
    const {loop, snap} = setup({speed: 5});
    expect(loop.seek(' 2020-04-07 ')).toBeNull();
    expect(snap()).toMatchObject({day: 38, date: '2020-04-07', playback: 'paused', talks: 'walked-out'});
    expect(idOf(loop)).toBe('T26');
    loop.dispose();
  });

  it('refuses bad dates with a message saying why, and stays put', () => {
    const {loop, snap} = setup({paused: true});
    loop.seek('2020-05-01');
    expect(loop.seek('2020-4-7')).toBe('"2020-4-7" is not a date: type it as YYYY-MM-DD');
    expect(loop.seek('')).toBe('type a date as YYYY-MM-DD');
    expect(loop.seek('2020-02-30')).toBe('2020-02-30 is not a calendar date');
    expect(loop.seek('2021-01-01')).toBe('2021-01-01 is outside the record (2020-02-29 to 2020-09-12)');
    expect(loop.seek('2020-02-28')).toMatch(/outside the record/);
    expect(snap().date).toBe('2020-05-01');
    loop.dispose();
  });

  it('parseSeekDate gives the record’s day of a date', () => {
    expect(parseSeekDate(REPLAY, '2020-09-12')).toEqual({day: LAST});
    expect(parseSeekDate(REPLAY, '2020-02-29')).toEqual({day: 0});
    expect(parseSeekDate(REPLAY, '2020-06-09')).toEqual({day: dayOfDate('2020-06-09')});
  });
});

describe('isReplayLoop', () => {
  it('tells a replay from a model run', () => {
    const {loop} = setup({paused: true});
    const {config} = loadScenario('baseline', {set: ['stall.rollouts=0']});
    const sim = new SimLoop((seed) => startRun({...config, seed}), {seed: 'x', paused: true});
    expect(isReplayLoop(loop)).toBe(true);
    expect(isReplayLoop(sim)).toBe(false);
    loop.dispose();
    sim.dispose();
  });
});
