// The whole 2020 timeline replayed headless: key dates and totals agree with the data file.
import {describe, expect, it} from 'vitest';
import {cumulativeOn, dayOf, loadHistory} from '../../src/history/load.js';
import {replayTimeline} from '../../src/history/replay.js';

const history = loadHistory('afghanistan-2020');
const replay = replayTimeline(history);
const at = (date: string) => replay.days[dayOf(history, date)]!;

describe('replay of the 2020 timeline', () => {
  it('covers every day from the signing to the opening of talks', () => {
    expect(replay.days[0]!.date).toBe('2020-02-29');
    expect(replay.days.at(-1)!.date).toBe('2020-09-12');
    expect(replay.days).toHaveLength(dayOf(history, '2020-09-12') + 1);
    expect(replay.days.flatMap((d) => d.events)).toHaveLength(history.events.length);
  });

  it('has the key dates of the sources', () => {
    expect(replay.milestones.firstWalkout).toBe(38); // 2020-04-07, T26
    expect(replay.milestones.firstGovernmentRelease).toBe(39); // 2020-04-08, T27
    expect(replay.milestones.firstTalibanRelease).toBe(43); // 2020-04-12, T31
    expect(replay.milestones.talksOpen).toBe(196); // 2020-09-12, T87
  });

  it('follows the talks: pending until the team arrives, away from 7 April to 28 May, open on 12 September', () => {
    expect(at('2020-03-30').talks).toBe('pending');
    expect(at('2020-03-31').talks).toBe('active');
    expect(at('2020-04-07').talks).toBe('walked-out');
    expect(at('2020-05-27').walkout?.since).toBe(38);
    expect(at('2020-05-28').talks).toBe('active');
    expect(at('2020-09-12').talks).toBe('open');
  });

  it('marks the days whose figure comes from a constructed point, until the next point', () => {
    expect(at('2020-04-21').constructed).toEqual({government: true, taliban: false}); // 361 + 71, implied
    expect(at('2020-04-30').constructed).toEqual({government: true, taliban: true}); // both carried until a reported point
    expect(at('2020-05-02').constructed.government).toBe(false); // 748, reported
    expect(at('2020-09-12').constructed).toEqual({government: true, taliban: true});
    expect(replay.days[0]!.constructed).toEqual({government: false, taliban: false}); // before any point: 0
  });

  it('gives the cumulative releases of the data file, never decreasing', () => {
    for (const side of ['government', 'taliban'] as const) {
      for (const d of replay.days) expect(d.released[side]).toBe(cumulativeOn(history, side, d.day));
      for (let i = 1; i < replay.days.length; i++) expect(replay.days[i]!.released[side]).toBeGreaterThanOrEqual(replay.days[i - 1]!.released[side]);
    }
    expect(at('2020-05-31').released.government).toBe(2710); // T50
    expect(at('2020-07-30').released.taliban).toBe(1005); // T68
    expect(at('2020-08-02').released.government).toBe(4917); // T71
  });

  it('finds the stall episodes of 2020 under the model’s definition', () => {
    // No release from the signing to 8 April, but the parties first met on 31 March (T25): the
    // no-progress clock starts there (docs/model.md §5), so March is no stall.
    for (const d of replay.days.slice(0, dayOf(history, '2020-03-31') + 1)) expect(d.stalled).toBe(false);
    // The April walk-out (T26) stalls the talks from its seventh day: the first episode.
    expect(replay.episodes[0]!.start).toBe(38 + 7);
    expect(replay.stallCauses[38 + 7]).toBe('walk-out');
    expect(replay.days[38 + 6]!.stalled).toBe(false);
    expect(replay.episodes.length).toBeGreaterThanOrEqual(2);
    for (const ep of replay.episodes) expect(ep.end === null || ep.end > ep.start).toBe(true);
  });
});
