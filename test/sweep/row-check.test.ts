// One check of a results row, shared by --resume, merge (with or without the spec) and
// summarize: a value no run can produce is refused by all four, naming the file, the line and
// the column; and all four check the same structure, every run once and in order.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {InputError} from '../../src/scenario/errors.js';
import {scanFile} from '../../src/sweep/merge.js';
import type {Format} from '../../src/sweep/output.js';
import type {SweepPlan} from '../../src/sweep/plan.js';
import {openResults} from '../../src/sweep/read-results.js';
import {findResumePoint} from '../../src/sweep/resume.js';
import {rowCheck, fileHorizon} from '../../src/sweep/row-check.js';
import {removeTempDirs, tempDir} from '../helpers/cli.js';
import {expectedOutput, planOf, SMALL_SPEC, writeSpec} from './sweep-helpers.js';

afterAll(removeTempDirs);

let dir: string;
let plan: SweepPlan;
const rows: Record<Format, string[]> = {csv: [], ndjson: []};
beforeAll(() => {
  dir = tempDir();
  plan = planOf(writeSpec(dir, 'small.yaml', SMALL_SPEC));
  for (const format of ['csv', 'ndjson'] as const) rows[format] = expectedOutput(plan, format).split('\n').slice(0, -1);
});

let n = 0;
function fileOf(lines: readonly string[], format: Format): string {
  const file = join(dir, `r${n++}.${format}`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** The sweep's file with run `run`'s fields changed (NDJSON: edited as JSON; CSV: by column). */
function edited(format: Format, run: number, change: Record<string, string | number | null>): string {
  const lines = [...rows[format]];
  const i = format === 'csv' ? run + 1 : run;
  if (format === 'ndjson') {
    lines[i] = JSON.stringify({...JSON.parse(lines[i]!), ...change});
  } else {
    // The seed (4th column) is the only quoted field: split after it.
    const seedEnd = lines[i]!.indexOf('",') + 2;
    const fields = lines[i]!.slice(seedEnd).split(',');
    for (const [column, value] of Object.entries(change)) fields[plan.columns.indexOf(column) - 4] = value === null ? '' : String(value);
    lines[i] = lines[i]!.slice(0, seedEnd) + fields.join(',');
  }
  return fileOf(lines, format);
}

async function message(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, 'expected a refusal').toBeInstanceOf(InputError);
  return (e as Error).message;
}

const READERS = {
  resume: (file: string, format: Format) => findResumePoint(file, plan, format, {start: 0, end: plan.runs}, () => {}),
  merge: (file: string, format: Format) => scanFile(file, format, null),
  'merge --spec': (file: string, format: Format) => scanFile(file, format, plan),
  summarize: async (file: string) => {
    for await (const _ of (await openResults(file)).rows);
  },
};

describe.each(['csv', 'ndjson'] as const)('impossible values in %s', (format) => {
  const line = (run: number): number => (format === 'csv' ? run + 2 : run + 1);
  const cases: [string, number, Record<string, string | number | null>, RegExp][] = [
    ['a status that is none', 7, {status: 'exploded'}, /status must be complete, broken or ongoing, got "exploded"/],
    ['a number for a status', 8, {status: 12.5}, /status must be complete, broken or ongoing, got (12\.5|"12\.5")/],
    ['a negative count', 9, {releasedByTaliban: -5}, /releasedByTaliban must be a whole number ≥ 0, got -5/],
    ['a fraction of a count', 10, {walkouts: 1.5}, /walkouts must be a whole number ≥ 0, got 1\.5/],
    ['a completion day on an ongoing run', 11, {status: 'ongoing', completionDay: 999999999}, /completionDay must be empty for a run that is ongoing, got 999999999/],
    ['a complete run without its day', 12, {status: 'complete', completionDay: null}, /completionDay must be the day the exchange completed, for a complete run, got nothing/],
    ['more stalled days than the horizon allows', 13, {stalledDays: 6000, stallEpisodes: 1}, /stalledDays must be at most the run's (240|5000) days, got 6000/],
    ['more stall episodes than stalled days', 14, {stalledDays: 2, stallEpisodes: 3}, /stallEpisodes must be at most stalledDays \(2\), got 3/],
    ['violence below zero', 15, {peakViolence: -0.5}, /peakViolence must be a number ≥ 0, got -0\.5/],
  ];
  it.each(cases)('%s is refused by resume, merge and summarize, naming the line', async (_what, run, change, expected) => {
    const file = edited(format, run, change);
    for (const [reader, read] of Object.entries(READERS)) {
      const m = await message(read(file, format));
      expect(m, reader).toMatch(expected);
      expect(m, reader).toMatch(new RegExp(`^${file}(: cannot resume:)? line ${line(run)}[: ]`));
    }
  });

  it('with the spec, a completion day past the scenario\'s horizon (240 days of baseline)', async () => {
    const file = edited(format, 3, {status: 'complete', completionDay: 300});
    for (const reader of ['resume', 'merge --spec'] as const) expect(await message(READERS[reader](file, format))).toMatch(/completionDay must be a day from 1 to the run's 240, got 300/);
  });

  it('a duplicated, a missing or a swapped row is refused by all of them, naming the line', async () => {
    const h = format === 'csv' ? 1 : 0;
    const lines = rows[format];
    const duplicated = fileOf([...lines.slice(0, h + 6), lines[h + 5]!, ...lines.slice(h + 6)], format);
    const missing = fileOf([...lines.slice(0, h + 6), ...lines.slice(h + 7)], format);
    for (const [reader, read] of Object.entries(READERS)) {
      expect(await message(read(duplicated, format)), reader).toMatch(new RegExp(`line ${h + 7}:? holds run 5 where run 6 was expected: run 5 is there already, or out of order \\(a duplicated row\\?\\)`));
      expect(await message(read(missing, format)), reader).toMatch(new RegExp(`line ${h + 7}:? holds run 7 where run 6 was expected: run 6 is missing`));
    }
  });
});

describe('the check follows the columns a file has', () => {
  it('checks only the columns present, and a days column bounds each row', () => {
    const check = rowCheck(['run', 'point', 'days', 'status', 'completionDay'], fileHorizon(['days']));
    const row = (values: Record<string, unknown>) => (c: string): unknown => values[c];
    expect(check(row({run: 0, point: 0, days: 90, status: 'complete', completionDay: 90}))).toBeNull();
    expect(check(row({run: 0, point: 0, days: 90, status: 'complete', completionDay: 91}))).toBe("completionDay must be a day from 1 to the run's 90, got 91");
    // Without a status column the completion day is checked on its own.
    expect(rowCheck(['run', 'point', 'completionDay'], fileHorizon([]))(row({run: 0, point: 0, completionDay: null}))).toBeNull();
    expect(rowCheck(['run', 'point', 'walkouts'], fileHorizon([]))(row({run: 0, point: 0, walkouts: -1}))).toBe('walkouts must be a whole number ≥ 0, got -1');
  });
});
