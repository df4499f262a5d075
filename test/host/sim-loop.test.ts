// The dashboard's engine loop, driven by a hand-cranked clock: pacing, pause, step, speed,
// restart, and the bound on how often snapshots are published.
import {describe, expect, it} from 'vitest';
import {loadScenario} from '../../src/scenario/resolve.js';
import {runSimulation, startRun} from '../../src/sim/run.js';
import {SimLoop} from '../../src/host/sim-loop.js';
import {SPEEDS} from '../../src/host/speeds.js';
import {fakeTimers} from '../ui/fake-timers.js';

const {config} = loadScenario('afghanistan-2020', {seed: 'loop', set: ['stall.rollouts=10']});
const makeRun = (seed: string) => startRun({...config, seed});

describe('SimLoop', () => {
  it('runs at the chosen pace: 10 rounds a second', () => {
    const {timers, advance} = fakeTimers();
    const loop = new SimLoop(makeRun, {seed: 'loop', speed: 10, timers, sliceMs: 1e9});
    advance(1000);
    expect(loop.getSnapshot().day).toBeGreaterThanOrEqual(9);
    expect(loop.getSnapshot().day).toBeLessThanOrEqual(11);
    advance(2000);
    expect(loop.getSnapshot().day).toBeGreaterThanOrEqual(29);
    expect(loop.getSnapshot().day).toBeLessThanOrEqual(31);
    loop.dispose();
  });

  it('pauses, steps one round at a time, and resumes', () => {
    const {timers, advance} = fakeTimers();
    const loop = new SimLoop(makeRun, {seed: 'loop', speed: 10, timers, sliceMs: 1e9});
    advance(500);
    loop.togglePause();
    const at = loop.getSnapshot().day;
    expect(loop.getSnapshot().playback).toBe('paused');
    advance(5000);
    expect(loop.getSnapshot().day).toBe(at);
    loop.step();
    loop.step();
    expect(loop.getSnapshot().day).toBe(at + 2);
    expect(loop.getSnapshot().playback).toBe('paused');
    loop.togglePause();
    advance(1000);
    expect(loop.getSnapshot().day).toBeGreaterThan(at + 2);
    loop.dispose();
  });

  it('changes speed within its steps', () => {
    const {timers} = fakeTimers();
    const loop = new SimLoop(makeRun, {seed: 'loop', speed: 10, timers, paused: true});
    loop.faster();
    expect(loop.getSnapshot().speed).toBe(20);
    for (let i = 0; i < 20; i++) loop.faster();
    expect(loop.getSnapshot().speed).toBe(Infinity);
    for (let i = 0; i < 20; i++) loop.slower();
    expect(loop.getSnapshot().speed).toBe(SPEEDS[0]);
    loop.dispose();
  });

  it('reaches the same end as a headless run, and then stays finished', () => {
    const {timers, advance} = fakeTimers();
    const loop = new SimLoop(makeRun, {seed: 'loop', speed: Infinity, timers});
    advance(60_000);
    const snap = loop.getSnapshot();
    expect(snap.playback).toBe('finished');
    const headless = runSimulation({...config, seed: 'loop'});
    expect(snap.day).toBe(headless.state.day);
    expect(snap.released.government).toBe(headless.state.counters.govReleased);
    expect(snap.outcome.status).toBe(headless.state.outcome);
    loop.togglePause();
    loop.step();
    expect(loop.getSnapshot().day).toBe(snap.day);
    loop.dispose();
  });

  it('restarts from day 0, with the same or a new seed', () => {
    const {timers, advance} = fakeTimers();
    const loop = new SimLoop(makeRun, {seed: 'loop', speed: 10, timers, sliceMs: 1e9});
    advance(3000);
    loop.restart();
    expect(loop.getSnapshot().day).toBe(0);
    expect(loop.getSnapshot().seed).toBe('loop');
    loop.restart('other');
    expect(loop.getSnapshot().seed).toBe('other');
    loop.dispose();
  });

  // Work takes time here: every reading of the clock costs 1 ms. The scenario never ends:
  // the government concedes nothing and talks cannot break down.
  const {config: endless} = loadScenario('hardline-government', {
    seed: 'loop',
    days: 5000,
    set: ['stall.rollouts=0', 'agents.government.params.finalShare=0', 'world.breakdown.base=-20', 'world.breakdown.duration=0'],
  });

  function publishesInOneSecond(speed: number): number {
    const {timers, advance} = fakeTimers(1);
    const loop = new SimLoop((seed) => startRun({...endless, seed}), {seed: 'loop', speed, timers, sliceMs: 5});
    let published = 0;
    loop.subscribe(() => published++);
    advance(1000);
    expect(loop.getSnapshot().playback).toBe('running');
    loop.dispose();
    return published;
  }

  it('publishes about 20 snapshots a second, no more, while running at a set pace', () => {
    const n = publishesInOneSecond(100);
    expect(n).toBeGreaterThanOrEqual(15);
    expect(n).toBeLessThanOrEqual(21);
  });

  it('publishes about 4 snapshots a second at top speed, where frames cost engine time', () => {
    const n = publishesInOneSecond(Infinity);
    expect(n).toBeGreaterThanOrEqual(3);
    expect(n).toBeLessThanOrEqual(5);
  });
});
