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

  it('carries the standing demand: the 15 commanders the Taliban walked out over', () => {
    expect(forkFromReplay(replay, '2020-04-07').priorityDemand).toBe(15);
    expect(forkFromReplay(replay, '2020-03-20').priorityDemand).toBe(0);
  });

  it('what if the government had freed the 15 commanders on 7 April: the Taliban come back the next round', () => {
    const freed = "events.+={type: release, date: 2020-04-07, side: government, count: 15}";
    const loaded = loadScenario('afghanistan-2020', {set: ['stall.rollouts=0', freed]});
    const result = runSimulation(loaded.config, {fork: forkForScenario(loaded, '2020-04-07')});
    const report = buildReport(result, 'x');
    expect(report.totals.priorityCommandersReleased).toBeGreaterThanOrEqual(15);
    expect(report.walkouts[0]).toMatchObject({day: 38, by: 'taliban', returnDay: 39});
    expect(report.events.find((e) => e.type === 'return')?.reason).toMatch(/15 priority commanders .* are free/);
    // Without it, the walk-out of 7 April goes on past the next round.
    const plain = loadScenario('afghanistan-2020', {set: ['stall.rollouts=0']});
    const base = buildReport(runSimulation(plain.config, {fork: forkForScenario(plain, '2020-04-07')}), 'x');
    expect(base.walkouts[0]!.returnDay === null || base.walkouts[0]!.returnDay > 39).toBe(true);
  });

  it('does not replay scheduled releases dated before the fork: the record already counts them', () => {
    const early = "events.+={type: release, date: 2020-04-01, side: government, count: 300}";
    const loaded = loadScenario('afghanistan-2020', {set: ['stall.rollouts=0', early]});
    const fork = forkForScenario(loaded, '2020-06-01');
    const result = runSimulation({...loaded.config, days: 93}, {fork});
    expect(result.state.counters.govReleased).toBe(2710);
  });

  it('replays triggered events before the fork on their recorded dates: the Loya Jirga of 7 August (T75)', () => {
    const loaded = loadScenario('afghanistan-2020', {set: ['stall.rollouts=0']});
    const fork = forkForScenario(loaded, '2020-08-10');
    const {state} = runSimulation({...loaded.config, days: fork.day}, {fork});
    const index = (type: string) => loaded.config.events.findIndex((e) => e.type === type);
    expect(loaded.config.events[index('ratification-assembly')]!.trigger).toEqual({when: 'only-high-tier-left', lag: 7});
    expect(state.eventFired[index('ratification-assembly')]).toBe(1);
    expect(state.gov.ratification).toBe('pending');
    expect(state.gov.ratificationDay).toBe(dayOf(history, '2020-08-09'));
    // The objection of 15 August is still to come, on its trigger or its date.
    expect(state.eventFired[index('foreign-objection')]).toBe(0);
    expect(state.log).toEqual([]);
  });

  it('what if the commanders were freed on 7 April: triggered events follow the state, and the fork can end earlier than on the calendar', () => {
    // The Taliban keep pace (batchCap 80) and the government leaves ratification to the assembly
    // (ratifyThreshold 2, out of reach): on the 2020 calendar nothing can be approved before the
    // Jirga decides on 9 August; with triggers it convenes 7 rounds after only the high tier is left.
    const set = ['stall.rollouts=0', 'events.+={type: release, date: 2020-04-07, side: government, count: 15}', 'agents.taliban.params.batchCap=80', 'agents.government.params.ratifyThreshold=2'];
    const runs = (triggers: boolean) =>
      Array.from({length: 30}, (_, i) => {
        const loaded = loadScenario('afghanistan-2020', {set, seed: `fork-${i}`});
        const config = triggers ? loaded.config : {...loaded.config, events: loaded.config.events.map((e) => ({...e, trigger: null}))};
        const {state} = runSimulation(config, {fork: forkForScenario(loaded, '2020-04-07')});
        const first = (type: string) => state.log!.find((e) => e.type === type)?.day ?? null;
        return {complete: state.outcome === 'complete' ? state.outcomeDay : null, assembly: first('ratification-assembly'), ratified: first('ratified')};
      });
    const jirga = dayOf(history, '2020-08-07');
    const calendar = runs(false);
    const triggered = runs(true);
    expect(calendar.every((r) => r.assembly === jirga)).toBe(true);
    expect(triggered.some((r) => r.assembly !== null && r.assembly < jirga)).toBe(true);
    const earliest = (rs: typeof calendar) => Math.min(...rs.map((r) => r.complete ?? Infinity));
    const finished = (rs: typeof calendar, by: number) => rs.filter((r) => r.complete !== null && r.complete <= by).length;
    expect(earliest(triggered)).toBeLessThan(earliest(calendar));
    const end = dayOf(history, '2020-08-31');
    expect(finished(triggered, end)).toBeGreaterThan(finished(calendar, end));
  });
});
