// Divergence: a run's cumulative releases against the reported series after its start.
import {describe, expect, it} from 'vitest';
import {departs, divergence, runDivergence} from '../../src/history/divergence.js';
import {forkForScenario} from '../../src/history/fork.js';
import {cumulativeOn, dayOf, loadHistory} from '../../src/history/load.js';
import {replayTimeline} from '../../src/history/replay.js';
import {loadScenario} from '../../src/scenario/resolve.js';
import {runSimulation} from '../../src/sim/run.js';

const history = loadHistory('afghanistan-2020');
const replay = replayTimeline(history);
const last = replay.days.length - 1;

describe('departs', () => {
  it('needs both more than 50 prisoners and more than 10% apart', () => {
    expect(departs(100, 100)).toBe(false);
    expect(departs(150, 100)).toBe(false); // 50 apart: not more than 50
    expect(departs(151, 100)).toBe(true);
    expect(departs(4400, 4015)).toBe(false); // 385 apart but under 10%
    expect(departs(4500, 4015)).toBe(true);
    expect(departs(0, 60)).toBe(true);
  });
});

describe('divergence', () => {
  it('a run that is the record never departs, and lists every reported date after its start', () => {
    const d = divergence(replay, (side, day) => cumulativeOn(history, side, day), 0, last);
    expect(d.first).toEqual({government: null, taliban: null});
    expect(d.points.every((p) => !p.departs && p.model === p.observed)).toBe(true);
    const reported = new Set(history.series.government.map((p) => dayOf(history, p.date)).filter((day) => day > 0));
    expect(d.points.filter((p) => p.side === 'government').map((p) => p.day)).toEqual([...reported]);
  });

  it('skips dates on or before the fork and after the horizon', () => {
    const d = divergence(replay, () => 0, 100, 150);
    expect(d.fromDay).toBe(100);
    expect(d.points.every((p) => p.day > 100 && p.day <= 150)).toBe(true);
    expect(d.points.length).toBeGreaterThan(0);
  });

  it('finds the first reported date a run is off', () => {
    // The record, except the government stops at 1,000.
    const d = divergence(replay, (side, day) => Math.min(cumulativeOn(history, side, day), side === 'government' ? 1000 : Infinity), 0, last);
    const firstOver = history.series.government.find((p) => p.cumulative > 1100)!;
    expect(d.first.government?.date).toBe(firstOver.date);
    expect(d.first.taliban).toBeNull();
  });

  it('reads a finished fork from its first simulated day', () => {
    const loaded = loadScenario('afghanistan-2020', {set: ['stall.rollouts=0']});
    const fork = forkForScenario(loaded, '2020-06-01');
    const result = runSimulation(loaded.config, {fork});
    const d = runDivergence(replay, result);
    expect(d.fromDay).toBe(fork.day);
    const p = d.points[0]!;
    expect(p.day).toBeGreaterThan(fork.day);
    const r = p.day - result.daily.offset - 1;
    expect(p.model).toBe((p.side === 'government' ? result.daily.govReleased : result.daily.talReleased)[r]);
  });
});
