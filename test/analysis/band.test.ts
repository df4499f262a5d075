// The model's per-day band for `replay --compare` in the dashboard: nearest-rank quantiles of
// hand-made series, and on the real scenario the same band the fit measures print.
import {describe, expect, it} from 'vitest';
import {bandOf, modelBand, releasesByDay} from '../../src/analysis/band.js';
import {compareWithHistory} from '../../src/analysis/compare.js';
import {loadHistory} from '../../src/history/load.js';
import {replayTimeline} from '../../src/history/replay.js';
import {loadScenario} from '../../src/scenario/resolve.js';
import {runSimulation} from '../../src/sim/run.js';

describe('bandOf', () => {
  it('takes the median and 10–90% of each day across the runs', () => {
    // Ten runs: on day 1 the values 1..10 in a scrambled order, on day 2 ten times 7.
    const day1 = [5, 3, 9, 1, 10, 2, 8, 4, 7, 6];
    const band = bandOf(day1.map((v) => [0, v, 7]));
    expect(band).toHaveLength(3);
    expect(band[0]).toEqual({median: 0, p10: 0, p90: 0});
    // Nearest rank on 1..10: the 5th, 1st and 9th values.
    expect(band[1]).toEqual({median: 5, p10: 1, p90: 9});
    expect(band[2]).toEqual({median: 7, p10: 7, p90: 7});
  });

  it('needs at least one run', () => {
    expect(() => bandOf([])).toThrow(/at least one run/);
  });
});

describe('modelBand on afghanistan-2020', () => {
  const replay = replayTimeline(loadHistory('afghanistan-2020'));
  const last = replay.days.length - 1;
  const {config} = loadScenario('afghanistan-2020');
  const band = modelBand(config, last, 40);

  it('covers every day of the record, both ways, with p10 ≤ median ≤ p90', () => {
    expect(band.runs).toBe(40);
    for (const side of ['government', 'taliban'] as const) {
      expect(band[side]).toHaveLength(last + 1);
      expect(band[side][0]).toEqual({median: 0, p10: 0, p90: 0});
      for (const b of band[side]) expect(b.p10 <= b.median && b.median <= b.p90).toBe(true);
      // Cumulative releases never go down, so neither do their quantiles.
      for (let d = 1; d <= last; d++) expect(band[side][d]!.median).toBeGreaterThanOrEqual(band[side][d - 1]!.median);
    }
    expect(band.government[last]!.median).toBeGreaterThan(1000);
  });

  it('matches the band compareWithHistory prints on the observed dates (same seeds)', () => {
    const c = compareWithHistory(config, replay, 40);
    expect(c.band.length).toBeGreaterThan(20);
    for (const b of c.band) expect(band[b.side][b.day]).toEqual({median: b.median, p10: b.p10, p90: b.p90});
  });

  it('has positive width on every observed date from the first release on (verification takes a varying time)', () => {
    const c = compareWithHistory(config, replay, 100);
    const firstRelease = c.firstGovernmentRelease.observed!;
    const from = c.band.filter((b) => b.day >= firstRelease);
    expect(from.length).toBeGreaterThan(25);
    for (const b of from) expect(b.p90! - b.p10!, `${b.side} day ${b.day}`).toBeGreaterThan(0);
  });

  it('follows the seeds: another prefix gives another band', () => {
    expect(modelBand(config, last, 40)).toEqual(band);
    expect(modelBand(config, last, 40, 'other').government).not.toEqual(band.government);
  });
});

describe('releasesByDay', () => {
  it('is 0 on day 0, the run on its days, and its last value after it ends', () => {
    const {config} = loadScenario('baseline');
    const run = runSimulation(config, {stallRisk: false});
    const n = run.daily.length;
    const series = releasesByDay(run, 'government', n + 10);
    expect(series[0]).toBe(0);
    expect(series[5]).toBe(run.daily.govReleased[4]);
    expect(series[n + 10]).toBe(run.daily.govReleased[n - 1]);
  });
});
