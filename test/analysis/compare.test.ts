// The model against history: the comparison is computed by code under test, from the data file.
import {describe, expect, it} from 'vitest';
import {compareWithHistory} from '../../src/analysis/compare.js';
import {loadHistory} from '../../src/history/load.js';
import {replayTimeline} from '../../src/history/replay.js';
import {loadScenario} from '../../src/scenario/resolve.js';

describe('compareWithHistory', () => {
  const replay = replayTimeline(loadHistory('afghanistan-2020'));
  const {config} = loadScenario('afghanistan-2020');
  const c = compareWithHistory(config, replay, 30);

  it('takes the observed side from the replayed timeline', () => {
    expect(c.firstGovernmentRelease.observed).toBe(39);
    expect(c.firstWalkout.observed).toBe(38);
    expect(c.complete.observed).toBe(194);
    expect(c.stallEpisodes.observed).toBe(replay.episodes.length);
    expect(c.band.filter((b) => b.side === 'government')).toHaveLength(replay.history.series.government.length);
  });

  it('scores the model, and a model that releases nothing scores worse', () => {
    expect(c.logRmse.government.median!).toBeGreaterThan(0);
    expect(c.logRmse.government.median!).toBeLessThan(1);
    for (const b of c.band) expect(b.p10! <= b.median! && b.median! <= b.p90!).toBe(true);
    const nothing = compareWithHistory({...config, days: 1}, replay, 3);
    expect(nothing.logRmse.government.median!).toBeGreaterThan(c.logRmse.government.median!);
  });

  it('fits reported points only by default: coverage counts them, inside the band or not; --constructed adds the rest', () => {
    const inside = (b: (typeof c.band)[number]): boolean => b.p10! <= b.observed && b.observed <= b.p90!;
    for (const side of ['government', 'taliban'] as const) {
      const reported = c.band.filter((b) => b.side === side && b.basis === 'reported');
      expect(c.coverage[side]).toEqual({inside: reported.filter(inside).length, of: reported.length});
      expect(reported.length).toBe(replay.history.series[side].filter((p) => p.basis === 'reported').length);
    }
    expect(c.points).toBe('reported');
    // The record has constructed points on both sides (docs/sources.md lists them).
    expect(c.band.filter((b) => b.basis === 'constructed').map((b) => b.side)).toEqual(expect.arrayContaining(['government', 'taliban']));
    const all = compareWithHistory(config, replay, 30, 'compare', {constructed: true});
    expect(all.points).toBe('all');
    expect(all.coverage.government.of).toBe(replay.history.series.government.length);
    expect(all.coverage.taliban).toEqual({inside: all.band.filter((b) => b.side === 'taliban').filter(inside).length, of: replay.history.series.taliban.length});
    // Same seeds: the band is the same; only what is fitted differs.
    expect(all.band).toEqual(c.band);
    expect(all.logRmse.government).not.toEqual(c.logRmse.government);
  });

  it('is reproducible', () => {
    expect(compareWithHistory(config, replay, 10)).toEqual(compareWithHistory(config, replay, 10));
  });
});
