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

  it('is reproducible', () => {
    expect(compareWithHistory(config, replay, 10)).toEqual(compareWithHistory(config, replay, 10));
  });
});
