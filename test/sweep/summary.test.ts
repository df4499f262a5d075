// The per-point summary: Welford's mean and sd against a two-pass computation, shares, nulls,
// the file's columns and the on-screen table (Student's t: test/stats/t-quantile.test.ts).
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {rowObject, rowValues} from '../../src/sweep/output.js';
import {SummaryAccumulator, SummaryLayout, summaryColumns, summaryValues, type PointSummary, type Value} from '../../src/sweep/summary.js';
import {formatSummaryTable} from '../../src/text/summary-table.js';
import {longLines} from '../helpers/cli.js';

const COLUMNS = ['run', 'point', 'replicate', 'seed', 'x', 'status', 'completionDay', 'walkouts', 'stallEpisodes', 'stalledDays'];

function summarize(rows: Record<string, Value>[], columns = COLUMNS, params = ['x']): PointSummary[] {
  const acc = new SummaryAccumulator(columns, params);
  rows.forEach((r) => acc.add(r));
  return acc.summaries();
}

const row = (point: number, patch: Record<string, Value>): Record<string, Value> => ({run: 0, point, replicate: 0, seed: 's', x: point * 10, status: 'complete', completionDay: 100, walkouts: 0, stallEpisodes: 0, stalledDays: 0, ...patch});

/** Doubles in [-max, max] to a millionth: metric-like values (no subnormals, whose precision is lost). */
const micro = (max: number): fc.Arbitrary<number> => fc.double({min: -max, max, noNaN: true}).map((x) => Math.round(x * 1e6) / 1e6);

describe('SummaryLayout', () => {
  it('packs runs so that folding the numbers gives the same summary as folding the rows', () => {
    const status = fc.constantFrom<Value>('complete', 'broken', 'ongoing', null);
    const metric = fc.oneof(fc.constant(null), micro(1e6), fc.integer({min: 0, max: 400}));
    const run = fc.record({point: fc.integer({min: 0, max: 4}), status, completionDay: metric, walkouts: metric, stallEpisodes: metric, stalledDays: metric});
    fc.assert(
      fc.property(fc.array(run, {maxLength: 40}), (runs) => {
        const rows = runs.map((r) => row(r.point, r));
        const packed = new SummaryAccumulator(COLUMNS, ['x']);
        packed.addPacked(new SummaryLayout(COLUMNS).pack(rows.map((r) => rowValues(r, COLUMNS))), (point) => ({x: point * 10}));
        expect(packed.summaries()).toEqual(summarize(rows));
      }),
      {numRuns: 300},
    );
  });

  it('lays a run out as its point, its status code and its numeric metrics, NaN for null', () => {
    const layout = new SummaryLayout(COLUMNS);
    expect(layout.metrics).toEqual(['completionDay', 'walkouts', 'stallEpisodes', 'stalledDays']);
    expect([...layout.pack([rowValues(row(3, {status: 'broken', completionDay: null}), COLUMNS)])]).toEqual([3, 1, Number.NaN, 0, 0, 0]);
  });
});

describe('SummaryAccumulator.takeBefore', () => {
  it('hands over finished points in order, forgets them, and keeps the totals', () => {
    const rows = [0, 0, 1, 1, 1, 2, 3, 3].map((p, i) => row(p, {completionDay: 90 + i}));
    const all = summarize(rows);
    const acc = new SummaryAccumulator(COLUMNS, ['x']);
    rows.slice(0, 5).forEach((r) => acc.add(r));
    expect(acc.takeBefore(1)).toEqual(all.slice(0, 1));
    expect(acc.takeBefore(1)).toEqual([]);
    rows.slice(5).forEach((r) => acc.add(r));
    expect(acc.takeBefore(3)).toEqual(all.slice(1, 3));
    expect(acc.summaries()).toEqual(all.slice(3));
    expect(acc.totals).toEqual({points: 4, runs: 8});
    expect(acc.takeBefore(Infinity)).toEqual(all.slice(3));
    expect(acc.totals).toEqual({points: 4, runs: 8});
  });
});

describe('SummaryAccumulator', () => {
  it('gives Welford means and sds equal to a two-pass computation', () => {
    fc.assert(
      fc.property(fc.array(micro(1e6), {minLength: 1, maxLength: 60}), micro(1e9), (xs, offset) => {
        const values = xs.map((x) => x + offset);
        const [s] = summarize(values.map((v) => row(0, {walkouts: v})));
        const mean = values.reduce((a, b) => a + b, 0) / values.length;
        const sd = values.length > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1)) : null;
        const m = s!.metrics.walkouts!;
        expect(m.n).toBe(values.length);
        expect(Math.abs(m.mean! - mean)).toBeLessThanOrEqual(1e-12 * (Math.abs(offset) + 1e6));
        if (sd === null) expect(m.sd).toBeNull();
        else expect(Math.abs(m.sd! - sd)).toBeLessThanOrEqual(1e-7 * (sd + Math.abs(mean)));
      }),
      {numRuns: 200},
    );
  });

  it('stays exact on large values with a small spread, where a sum of squares would not', () => {
    const [s] = summarize([4, 7, 13, 16].map((v) => row(0, {walkouts: 1e9 + v})));
    expect(s!.metrics.walkouts!.mean).toBe(1e9 + 10);
    expect(s!.metrics.walkouts!.sd).toBeCloseTo(Math.sqrt(30), 9);
  });

  it('puts a 95% Student t interval around the mean', () => {
    const [s] = summarize([1, 2, 3, 4, 5].map((v) => row(0, {walkouts: v})));
    const half = (2.776445 * Math.sqrt(2.5)) / Math.sqrt(5);
    expect(s!.metrics.walkouts).toMatchObject({n: 5, mean: 3});
    expect(s!.metrics.walkouts!.lo).toBeCloseTo(3 - half, 4);
    expect(s!.metrics.walkouts!.hi).toBeCloseTo(3 + half, 4);
  });

  it('counts outcomes and stalled runs, and averages each metric over its non-null values', () => {
    const [s] = summarize([
      row(3, {status: 'complete', completionDay: 90, stallEpisodes: 0}),
      row(3, {status: 'complete', completionDay: 110, stallEpisodes: 2}),
      row(3, {status: 'broken', completionDay: null, stallEpisodes: 1}),
      row(3, {status: 'ongoing', completionDay: null, stallEpisodes: 0}),
    ]);
    expect(s).toMatchObject({point: 3, params: {x: 30}, runs: 4, complete: 2, broken: 1, unfinished: 1, stalled: 2});
    expect(s!.metrics.completionDay).toMatchObject({n: 2, mean: 100});
    expect(s!.metrics.walkouts!.n).toBe(4);
    expect(summaryRow(s!, ['x'], ['status', 'stallEpisodes'])).toMatchObject({shareComplete: 0.5, shareBroken: 0.25, shareUnfinished: 0.25, shareStalled: 0.5});
  });

  it('leaves undefined statistics null: no value, one value, a metric not kept', () => {
    const [none, one] = summarize([row(0, {status: 'broken', completionDay: null}), row(1, {completionDay: 80})]);
    expect(none!.metrics.completionDay).toEqual({n: 0, mean: null, sd: null, lo: null, hi: null});
    expect(one!.metrics.completionDay).toEqual({n: 1, mean: 80, sd: null, lo: null, hi: null});
    const [bare] = summarize([{run: 0, point: 0, x: 1, walkouts: 2}], ['run', 'point', 'x', 'walkouts']);
    expect(Object.keys(bare!.metrics)).toEqual(['walkouts']);
    // Without status or stallEpisodes there are no share columns, rather than columns empty in every row.
    expect(summaryRow(bare!, ['x'], ['walkouts'])).toEqual({point: 0, x: 1, runs: 1, walkouts_mean: 2, walkouts_sd: null, walkouts_lo: null, walkouts_hi: null});
  });

  it('sorts points, keeps each point\'s parameters and refuses rows it cannot read', () => {
    const s = summarize([row(2, {}), row(0, {}), row(1, {}), row(0, {})]);
    expect(s.map((p) => [p.point, p.runs, p.params.x])).toEqual([[0, 2, 0], [1, 1, 10], [2, 1, 20]]);
    expect(() => summarize([row(0, {walkouts: '3'})])).toThrow(/walkouts must be a number/);
    expect(() => summarize([row(-1, {})])).toThrow(/point/);
  });
});

/** A point's summary line keyed by its columns. */
const summaryRow = (s: PointSummary, params: string[], metrics: string[]): Record<string, Value> => rowObject(summaryValues(s, params, metrics), summaryColumns(params, metrics));

describe('summary file', () => {
  it('has a stable column order: point, params, runs, shares, then four statistics a metric', () => {
    expect(summaryColumns(['a.b', 'c'], ['status', 'completionDay', 'walkouts', 'stallEpisodes'])).toEqual([
      'point', 'a.b', 'c', 'runs', 'shareComplete', 'shareBroken', 'shareUnfinished', 'shareStalled',
      'completionDay_mean', 'completionDay_sd', 'completionDay_lo', 'completionDay_hi',
      'walkouts_mean', 'walkouts_sd', 'walkouts_lo', 'walkouts_hi',
      'stallEpisodes_mean', 'stallEpisodes_sd', 'stallEpisodes_lo', 'stallEpisodes_hi',
    ]);
  });

  it('writes rows in that order, rounded to 4 decimals, booleans as text', () => {
    const columns = ['run', 'point', 'flag', 'x', 'status', 'completionDay', 'walkouts'];
    const s = summarize([{run: 0, point: 0, flag: true, x: 'a', status: 'complete', completionDay: 1, walkouts: 1 / 3}, {run: 1, point: 0, flag: true, x: 'a', status: 'broken', completionDay: null, walkouts: 2 / 3}], columns, ['flag', 'x']);
    const values = summaryValues(s[0]!, ['flag', 'x'], ['status', 'completionDay', 'walkouts']);
    expect(values).toHaveLength(summaryColumns(['flag', 'x'], ['status', 'completionDay', 'walkouts']).length);
    const r = summaryRow(s[0]!, ['flag', 'x'], ['status', 'completionDay', 'walkouts']);
    expect(r).toMatchObject({point: 0, flag: 'true', x: 'a', runs: 2, shareComplete: 0.5, completionDay_mean: 1, completionDay_sd: null, walkouts_mean: 0.5, walkouts_sd: 0.2357});
    expect(r).not.toHaveProperty('shareStalled');
  });

  it('has only the columns some row can fill: shares of the metrics kept, the spread only with more than one run a point', () => {
    expect(summaryColumns(['x'], ['walkouts'])).toEqual(['point', 'x', 'runs', 'walkouts_mean', 'walkouts_sd', 'walkouts_lo', 'walkouts_hi']);
    expect(summaryColumns(['x'], ['status', 'walkouts'])).toEqual(['point', 'x', 'runs', 'shareComplete', 'shareBroken', 'shareUnfinished', 'walkouts_mean', 'walkouts_sd', 'walkouts_lo', 'walkouts_hi']);
    expect(summaryColumns(['x'], ['stallEpisodes', 'walkouts'], false)).toEqual(['point', 'x', 'runs', 'shareStalled', 'stallEpisodes_mean', 'walkouts_mean']);
    const columns = ['run', 'point', 'x', 'stallEpisodes', 'walkouts'];
    const [one] = summarize([{run: 0, point: 0, x: 1, stallEpisodes: 1, walkouts: 3}], columns);
    const metrics = ['stallEpisodes', 'walkouts'];
    expect(rowObject(summaryValues(one!, ['x'], metrics, false), summaryColumns(['x'], metrics, false))).toEqual({point: 0, x: 1, runs: 1, shareStalled: 1, stallEpisodes_mean: 1, walkouts_mean: 3});
  });
});

describe('formatSummaryTable', () => {
  const long = (i: number): Record<string, Value> => ({
    run: i, point: Math.floor(i / 2), status: i % 3 ? 'complete' : 'broken', completionDay: i % 3 ? 150 + i : null, walkouts: i % 4, stallEpisodes: i % 2, stalledDays: i,
    'agents.government.policy': ['phased-conditional', 'two-level-ratifier'][i % 2]!, 'agents.taliban.policy': 'coercive-leverage', 'world.trust.gov-tal': 0.123456789 * i,
  });
  const params = ['agents.government.policy', 'agents.taliban.policy', 'world.trust.gov-tal'];
  const columns = ['run', 'point', ...params, 'status', 'completionDay', 'walkouts', 'stallEpisodes', 'stalledDays'];

  it('prints one line a point with its parameters and the key columns', () => {
    const text = formatSummaryTable(summarize([row(0, {completionDay: 90}), row(0, {completionDay: 110}), row(1, {status: 'broken', completionDay: null, walkouts: 2})]), 80);
    const lines = text.split('\n');
    expect(lines[0]).toBe('2 points, 3 runs');
    expect(lines[1]).toMatch(/^point\s+x\s+runs\s+done\s+day\s+stalled\s+walkouts\s+broken$/);
    expect(lines[2]).toMatch(/^\s+0\s+0\s+2\s+100%\s+100\.0 ± 127\.1\s+0\.0\s+0\.00\s+0%$/);
    expect(lines[3]).toMatch(/^\s+1\s+10\s+1\s+0%\s+–\s+0\.0\s+2\.00\s+100%$/);
    expect(text).toContain('done: share of runs complete');
  });

  it('fits the width: drops columns, shortens parameters, cuts the list after 20 points', () => {
    const s = summarize(Array.from({length: 60}, (_, i) => long(i)), columns, params);
    for (const w of [80, 60, 40]) {
      const text = formatSummaryTable(s, w);
      expect(text.split('\n').filter((l) => [...l].length > w), `width ${w}`).toEqual([]);
      expect(text).toContain('… 10 more points');
      expect(text.split('\n')).toHaveLength(1 + 1 + 20 + 1 + text.split('\n').slice(23).length);
    }
    const text = formatSummaryTable(s, 80);
    expect(longLines(text)).toEqual([]);
    expect(text).toContain('gov-tal');
    expect(text).toMatch(/phased-cond…/);
    expect(text).not.toContain('broken');
  });

  it('keeps a text value with commas, quotes and line breaks on its line', () => {
    const text = formatSummaryTable(summarize([row(0, {x: 'a, "b"\nc'})]), 80);
    expect(text.split('\n')[2]).toMatch(/^\s+0 {2}a, "b" c\s+1\s+100%/);
  });

  it('prints 21 points whole rather than "1 more", and says when there is nothing', () => {
    expect(formatSummaryTable(summarize(Array.from({length: 21}, (_, i) => row(i, {}))), 80)).not.toContain('more points');
    expect(formatSummaryTable(summarize(Array.from({length: 22}, (_, i) => row(i, {}))), 80)).toContain('… 2 more points');
    expect(formatSummaryTable([], 80)).toBe('0 points, 0 runs\n');
  });
});
