// A model run set against the record its scenario names, as the dashboard shows it: the record on
// the run's day, and the first departures, the same as `parley run --json`'s once the run is over.
import {describe, expect, it} from 'vitest';
import {runDivergence} from '../../src/history/divergence.js';
import {forkFromReplay} from '../../src/history/fork.js';
import {loadScenario} from '../../src/scenario/resolve.js';
import {startRun} from '../../src/sim/run.js';
import {modelReleasedOn} from '../../src/history/divergence.js';
import {observedView} from '../../src/host/observed.js';
import {REPLAY} from '../ui/replay-fixtures.js';

const {config} = loadScenario('afghanistan-2020', {set: ['stall.rollouts=0']});

describe('modelReleasedOn', () => {
  it('is the fork’s releases before the first round, then the run’s own', () => {
    const fork = forkFromReplay(REPLAY, '2020-05-02');
    expect(fork.released.government).toBeGreaterThan(0);
    const run = startRun(config, {fork});
    expect(modelReleasedOn(run, 'government', fork.day)).toBe(fork.released.government);
    for (let i = 0; i < 5; i++) run.advance();
    expect(modelReleasedOn(run, 'government', fork.day + 3)).toBe(run.daily.govReleased[2]);
    expect(modelReleasedOn(run, 'taliban', fork.day + 5)).toBe(run.state.counters.talReleased);
  });
});

describe('observedView', () => {
  it('follows the run: the record on its day, departures only on dates it has reached', () => {
    const run = startRun(config, {fork: forkFromReplay(REPLAY, '2020-04-07')});
    run.advance();
    const early = observedView(REPLAY, run);
    expect(early.released).toEqual(REPLAY.days[39]!.released);
    expect(early.pastEnd).toBe(false);
    expect(early.departs.taliban).toBeNull();
    while (run.state.day < 70 && run.advance());
    expect(run.finished).toBe(false);
    const mid = observedView(REPLAY, run);
    expect(mid.departs.government).not.toBeNull();
    for (const d of Object.values(mid.departs)) if (d) expect(d.day).toBeLessThanOrEqual(70);
  });

  it('once the run is over, the same first departures as parley run --json', () => {
    for (const from of ['2020-04-07', '2020-06-01']) {
      const run = startRun(config, {fork: forkFromReplay(REPLAY, from)});
      while (run.advance());
      expect(observedView(REPLAY, run).departs).toEqual(runDivergence(REPLAY, run).first);
    }
    const whole = startRun(config);
    while (whole.advance());
    const view = observedView(REPLAY, whole);
    expect(view.departs).toEqual(runDivergence(REPLAY, whole).first);
    expect(view.pastEnd).toBe(whole.state.day > REPLAY.days.length - 1);
  });
});
