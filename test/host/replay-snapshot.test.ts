// The record of 2020 as a dashboard snapshot, on real dates of the bundled history: the talks,
// the walk-out, the batches and totals against the history's own series, the stall episodes,
// the selected event in full, and nothing made up where only the model has numbers.
import {describe, expect, it} from 'vitest';
import {cumulativeOn} from '../../src/history/load.js';
import {DEFAULT_STALL} from '../../src/history/replay.js';
import {buildReplaySnapshot, eventDetail, latestEventIndex} from '../../src/host/replay-snapshot.js';
import {compareBand, compareSnapshot, dayOfDate, REPLAY, replaySnapshot, TERMS} from '../ui/replay-fixtures.js';

const h = REPLAY.history;
const indexOf = (id: string): number => h.events.findIndex((e) => e.id === id);

describe('buildReplaySnapshot', () => {
  it('on 2020-04-07 the Taliban have walked out, and that walk-out is the selected event', () => {
    const s = replaySnapshot('2020-04-07');
    expect(s.day).toBe(38);
    expect(s.date).toBe('2020-04-07');
    expect(s.talks).toBe('walked-out');
    expect(s.walkout).toMatchObject({by: 'taliban', since: 38, sinceDate: '2020-04-07', days: 0});
    expect(s.walkout!.reason).toMatch(/fruitless/);
    expect(s.walkouts).toEqual([{day: 38, returnDay: null, by: 'taliban'}]);
    expect(s.replay.selected).toMatchObject({id: 'T26', date: '2020-04-07', actor: 'taliban', type: 'walk-out', confidence: 'C2'});
    expect(s.replay.pinned).toBe(false);
    expect(s.replay.actors.taliban?.id).toBe('T26');
    expect(s.events.at(-1)).toMatchObject({date: '2020-04-07', actor: 'taliban', type: 'walk-out'});
    expect(s.events.at(-1)!.reason).toMatch(/\[T26, C2\]$/);
    expect(s.released).toEqual({government: 0, taliban: 0, custody: 0});
  });

  it('before the talks meet they are pending; on 2020-09-12 they open, at the end of the record', () => {
    expect(replaySnapshot('2020-03-20').talks).toBe('pending');
    expect(replaySnapshot('2020-04-01').talks).toBe('active');
    const end = replaySnapshot('2020-09-12');
    expect(end.talks).toBe('open');
    expect(end.walkout).toBeNull();
    expect(end.walkouts).toEqual([{day: 38, returnDay: 89, by: 'taliban'}]);
    expect(end.replay.selected?.id).toBe('T87');
    expect(end.day).toBe(end.horizon);
    expect(end.released.custody).toBe(6);
  });

  it('the totals are the history’s cumulative series on every day', () => {
    for (let day = 0; day < REPLAY.days.length; day += 7) {
      const s = buildReplaySnapshot(REPLAY, day, {playback: 'paused', speed: 5, terms: TERMS});
      expect(s.released.government).toBe(cumulativeOn(h, 'government', day));
      expect(s.released.taliban).toBe(cumulativeOn(h, 'taliban', day));
    }
    const last = h.series.government.at(-1)!;
    expect(replaySnapshot('2020-09-12').released.government).toBe(last.cumulative);
    expect(replaySnapshot('2020-09-12').released.taliban).toBe(h.series.taliban.at(-1)!.cumulative);
  });

  it('the batches are the history’s release-batch events, counted as reported', () => {
    const s = replaySnapshot('2020-09-12');
    const rise = (e: (typeof h.events)[number]): number => e.cumulative! - cumulativeOn(h, e.side!, dayOfDate(e.date) - 1);
    const events = h.events.filter((e) => e.type === 'release-batch' && e.side && (e.released !== undefined || rise(e) > 0));
    // T64 reports "at least 4,200" when the series already stands at 4,249: no batch.
    expect(events.map((e) => e.id)).not.toContain('T64');
    expect(events.length).toBe(h.events.filter((e) => e.type === 'release-batch').length - 1);
    expect(s.batches.map((b) => b.criteria)).toEqual(events.map((e) => e.summary));
    expect(s.batches.map((b) => b.from)).toEqual(events.map((e) => e.side));
    s.batches.forEach((b, i) => {
      const e = events[i]!;
      if (e.released !== undefined) expect(b.count).toBe(e.released);
      // Reported only as a new total (T32: 361 on 13 April): the rise over the day before.
      else expect(b.count).toBe(rise(e));
    });
    expect(s.batches.find((b) => b.date === '2020-04-13')).toMatchObject({from: 'government', count: 61});
    expect(replaySnapshot('2020-04-12').batches.map((b) => `${b.date} ${b.from} ${b.count}`)).toEqual([
      '2020-04-08 government 100',
      '2020-04-09 government 100',
      '2020-04-11 government 100',
      '2020-04-12 taliban 20',
    ]);
  });

  it('the stall state and episodes are the replay’s, with the cause', () => {
    const s = replaySnapshot('2020-04-14');
    // The first episode: March, before the parties met (T25), is no stall (src/sim/stall.ts).
    expect(REPLAY.episodes[0]).toEqual({start: 45, end: 89});
    expect(s.stalled).toBe(true);
    expect(s.stallCause).toBe('walk-out');
    expect(s.replay.stall.episode).toEqual({number: 1, start: 45, startDate: '2020-04-14', end: null, endDate: null});
    expect(s.replay.stall.days).toHaveLength(46);
    expect(s.replay.stall.days.filter(Boolean)).toHaveLength(REPLAY.days.slice(0, 46).filter((d) => d.stalled).length);
    const after = replaySnapshot('2020-06-01');
    expect(after.stalled).toBe(false);
    expect(after.replay.stall.episode).toMatchObject({number: 1, end: 89, endDate: '2020-05-28'});
    expect(replaySnapshot('2020-03-20').stallCause).toBeNull();
  });

  it('model-only numbers are not made up: the record kind has none, and no NaN anywhere', () => {
    const numbers = (v: unknown): number[] =>
      typeof v === 'number' ? [v] : v !== null && typeof v === 'object' ? Object.values(v).flatMap(numbers) : [];
    for (const s of [replaySnapshot('2020-02-29'), replaySnapshot('2020-05-01'), compareSnapshot('2020-09-12')]) {
      expect(s.kind).toBe('record');
      expect(numbers(s).filter((n) => Number.isNaN(n))).toEqual([]);
      for (const key of ['seed', 'outcome', 'risk', 'riskHistory', 'recoveryHistory', 'violence', 'government', 'taliban', 'us', 'observed']) {
        expect(s).not.toHaveProperty(key);
      }
      expect(s.released).not.toHaveProperty('offList');
      expect(s.stallDefinition).toEqual({walkoutDays: DEFAULT_STALL.walkoutDays, noProgressDays: DEFAULT_STALL.noProgressDays});
      for (const b of s.batches) expect(b).not.toHaveProperty('unilateral');
    }
  });

  it('a pinned event is selected even when later events share its day', () => {
    const s = buildReplaySnapshot(REPLAY, 0, {playback: 'paused', speed: 5, terms: TERMS, pinned: 0});
    expect(s.replay.selected?.id).toBe('T2');
    expect(s.replay.pinned).toBe(true);
    expect(replaySnapshot('2020-02-29').replay.selected?.id).toBe('T5');
  });

  it('refuses a day outside the record', () => {
    expect(() => buildReplaySnapshot(REPLAY, REPLAY.days.length, {playback: 'paused', speed: 5, terms: TERMS})).toThrow(/outside the record/);
    expect(() => buildReplaySnapshot(REPLAY, -1, {playback: 'paused', speed: 5, terms: TERMS})).toThrow(RangeError);
  });

  it('with --compare: the model’s band on the day, and nothing of it otherwise', () => {
    const s = compareSnapshot('2020-06-09');
    const day = dayOfDate('2020-06-09');
    expect(s.replay.compare).toEqual({
      scenario: 'afghanistan-2020',
      runs: 30,
      band: {government: compareBand().government[day], taliban: compareBand().taliban[day]},
    });
    expect(replaySnapshot('2020-06-09').replay.compare).toBeNull();
  });

  it('survives a structured clone (it crosses to React as plain data)', () => {
    const s = compareSnapshot('2020-04-11');
    expect(structuredClone(s)).toEqual(s);
  });
});

describe('eventDetail', () => {
  it('keeps every source and every disagreement with the chosen value and why', () => {
    const e = eventDetail(REPLAY, indexOf('T30'));
    expect(e).toMatchObject({id: 'T30', date: '2020-04-11', actor: 'government', type: 'release-batch', confidence: 'W', day: 42, total: h.events.length});
    expect(e.numbers).toEqual(['released 100 (government)', 'cumulative 300 (government)']);
    expect(e.sources).toEqual(h.events[indexOf('T30')]!.sources);
    expect(e.sources).toHaveLength(3);
    expect(e.disagreements).toEqual([{field: 'date', values: ['2020-04-11', '2020-04-12'], chosen: '2020-04-11', why: expect.stringMatching(/Raha Press/)}]);
    expect(e.note).toMatch(/weaker grade/);
  });

  it('spans and free-text numbers', () => {
    const e = eventDetail(REPLAY, indexOf('T50'));
    expect(e.until).toBe('2020-06-01');
    expect(e.disagreements[0]).toMatchObject({field: 'cumulative', chosen: '2,710'});
    expect(eventDetail(REPLAY, indexOf('T2')).numbers).toEqual(['"up to 5,000 / up to 1,000; deadline 2020-03-10"']);
  });
});

describe('latestEventIndex', () => {
  it('is the last event on or before the day', () => {
    expect(latestEventIndex(REPLAY, 0)).toBe(indexOf('T5'));
    expect(latestEventIndex(REPLAY, dayOfDate('2020-04-06'))).toBe(indexOf('T25'));
    expect(latestEventIndex(REPLAY, REPLAY.days.length - 1)).toBe(h.events.length - 1);
  });
});
