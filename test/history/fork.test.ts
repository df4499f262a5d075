// Counterfactual forks: a run started from the historical state on a date.
import {describe, expect, it} from 'vitest';
import {dayOf, loadHistory} from '../../src/history/load.js';
import {forkForScenario, forkFromReplay} from '../../src/history/fork.js';
import {replayTimeline} from '../../src/history/replay.js';
import {InputError, loadScenario} from '../../src/scenario/resolve.js';
import {buildReport} from '../../src/sim/report.js';
import {runSimulation} from '../../src/sim/run.js';

const history = loadHistory('afghanistan-2020');
const replay = replayTimeline(history);

describe('forks from the 2020 record', () => {
  it('takes the state on the date from the replayed timeline', () => {
    const f = forkFromReplay(replay, '2020-04-20');
    expect(f.day).toBe(dayOf(history, '2020-04-20'));
    expect(f.released).toEqual(replay.days[f.day]!.released);
    expect(f.talks).toBe('walked-out');
    expect(f.walkout?.since).toBe(38);
    expect(f.convenedDay).toBe(31);
    expect(f.lastProgressDay).toBeLessThanOrEqual(f.day);
  });

  it('starts the engine there: releases so far, talks, and rows from the next day', () => {
    const loaded = loadScenario('afghanistan-2020', {set: ['stall.rollouts=0']});
    const fork = forkForScenario(loaded, '2020-06-01');
    const result = runSimulation(loaded.config, {fork});
    const report = buildReport(result, 'test');
    expect(report.from).toMatchObject({day: 93, date: '2020-06-01', released: {government: 2710, taliban: 420}});
    expect(report.daily[0]!.day).toBe(94);
    expect(report.daily[0]!.releasedByGovernment).toBeGreaterThanOrEqual(2710);
    expect(report.daily[0]!.releasedByTaliban).toBeGreaterThanOrEqual(420);
    // Exactly the forked prisoners are out of the pools at the start.
    const again = runSimulation({...loaded.config, days: 93}, {fork});
    expect(again.state.counters.govReleased).toBe(2710);
    expect(Array.from(again.state.govPool.released).filter((x) => x !== 0)).toHaveLength(2710);
    expect(Array.from(again.state.talPool.released).filter((x) => x !== 0)).toHaveLength(420);
  });

  it('is deterministic', () => {
    const loaded = loadScenario('afghanistan-2020', {set: ['stall.rollouts=0']});
    const fork = forkForScenario(loaded, '2020-04-07');
    expect(buildReport(runSimulation(loaded.config, {fork}), 'x')).toEqual(buildReport(runSimulation(loaded.config, {fork}), 'x'));
  });

  it('refuses dates outside the history and scenarios without one', () => {
    const loaded = loadScenario('afghanistan-2020');
    expect(() => forkForScenario(loaded, '2021-01-01')).toThrow(InputError);
    expect(() => forkForScenario(loaded, '2020-13-01')).toThrow(InputError);
    expect(() => forkForScenario(loadScenario('baseline'), '2020-04-07')).toThrow(/history/);
  });
});
