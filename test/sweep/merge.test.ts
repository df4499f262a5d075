// Merging shard files: the checks (header, consecutive runs, gaps, overlaps, completeness) and
// the merged bytes, in-process on files written from sweepRunner's rows.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {InputError} from '../../src/scenario/errors.js';
import {copyRows, mergeOrder, scanFile, type SweepFile} from '../../src/sweep/merge.js';
import type {Format} from '../../src/sweep/output.js';
import type {SweepPlan} from '../../src/sweep/plan.js';
import {shardRange} from '../../src/sweep/shard.js';
import {expectedOutput, planOf, SMALL_SPEC, writeSpec} from './sweep-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-merge-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

let plan: SweepPlan;
beforeAll(() => {
  plan = planOf(writeSpec(dir, 'small.yaml', SMALL_SPEC));
});

let n = 0;
function part(from: number, to: number, format: Format = 'csv', text = expectedOutput(plan, format, from, to)): string {
  const file = join(dir, `part-${n++}.${format}`);
  writeFileSync(file, text);
  return file;
}

const scanAll = (files: string[], format: Format = 'csv', p: SweepPlan | null = null): Promise<SweepFile[]> => Promise.all(files.map((f) => scanFile(f, format, p)));

async function merged(files: SweepFile[]): Promise<string> {
  let out = '';
  await copyRows(files, (t) => (out += t));
  return out;
}

const message = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected an InputError');
};

async function scanError(file: string, format: Format = 'csv', p: SweepPlan | null = null): Promise<string> {
  const e: unknown = await scanFile(file, format, p).then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(InputError);
  return (e as Error).message;
}

describe.each(['csv', 'ndjson'] as const)('merging %s shards', (format) => {
  it('3 shards given in any order merge into the unsharded output, byte for byte', async () => {
    const files = [3, 1, 2].map((k) => {
      const {start, end} = shardRange(plan.runs, {k, n: 3});
      return part(start, end, format);
    });
    const ordered = mergeOrder(await scanAll(files, format, plan), plan.runs);
    expect(ordered.map((f) => f.file)).toEqual([files[1], files[2], files[0]]);
    expect(await merged(ordered)).toBe(expectedOutput(plan, format));
  });

  it('empty shards (more shards than runs) merge as nothing', async () => {
    const files = [part(0, 0, format), part(0, 120, format), part(120, 200, format)];
    expect(await merged(mergeOrder(await scanAll(files, format), 200))).toBe(expectedOutput(plan, format));
  });
});

describe('merge checks', () => {
  it('refuses a gap, naming the file after it', async () => {
    const [a, b] = [part(0, 66), part(133, 200)];
    const files = await scanAll([a, b]);
    expect(message(() => mergeOrder(files, null))).toBe(`${b}: starts at run 133, but runs 66 to 132 are in none of the files (a gap after ${a})`);
  });

  it('refuses files that do not start at run 0', async () => {
    const files = await scanAll([part(66, 200)]);
    expect(message(() => mergeOrder(files, null))).toMatch(/starts at run 66, but runs 0 to 65 are in none of the files$/);
  });

  it('refuses an overlap, and a file given twice', async () => {
    const files = await scanAll([part(0, 70), part(66, 200)]);
    const [a, b] = files.map((f) => f.file);
    expect(message(() => mergeOrder(files, null))).toBe(`${b}: holds runs 66 to 69, also in ${a}: the files overlap`);
    const twice = await scanAll([a!, a!]);
    expect(message(() => mergeOrder(twice, null))).toMatch(/the files overlap \(given twice\?\)$/);
  });

  it('with the number of runs, refuses missing runs at the end', async () => {
    const files = await scanAll([part(0, 66), part(66, 133)]);
    expect(mergeOrder(files, null)).toHaveLength(2);
    expect(message(() => mergeOrder(files, 200))).toMatch(/^runs 133 to 199 of the sweep are in none of the files \(the last, .*part-\d+\.csv, ends at run 132\)$/);
  });

  it('refuses different headers', async () => {
    const other = planOf(writeSpec(dir, 'other.yaml', SMALL_SPEC.replace('agents.taliban.policy', 'agents.us.policy').replace('ratio-releaser, coercive-leverage', 'facilitator, carrot-stick')));
    const [a, b] = [part(0, 100), part(100, 200, 'csv', expectedOutput(other, 'csv', 100, 101))];
    const files = await scanAll([a, b]);
    expect(message(() => mergeOrder(files, null))).toMatch(new RegExp(`^${b}: its columns differ from ${a}'s`));
    expect(await scanError(b!, 'csv', plan)).toBe(`${b}: its columns are not those of ${plan.file}`);
  });

  it('refuses a file with runs out of order, a torn last line, or, with the spec, a row of another sweep', async () => {
    const text = expectedOutput(plan, 'csv', 0, 20).split('\n');
    const swapped = [...text.slice(0, 5), text[6], text[5], ...text.slice(7)].join('\n');
    expect(await scanError(part(0, 0, 'csv', swapped))).toMatch(/line 6: holds run 5 where run 4 was expected: run 4 is missing \(or out of order\); a results file holds every run once, in order$/);
    expect(await scanError(part(0, 0, 'csv', expectedOutput(plan, 'csv', 0, 20).slice(0, -10)))).toMatch(/the last line is incomplete/);
    const edited = expectedOutput(plan, 'csv', 0, 20).replace(/,ratio-releaser,/, ',coercive-leverage,');
    expect(await scanError(part(0, 0, 'csv', edited), 'csv', plan)).toMatch(/line 2 \(run 0\) is not this sweep's row: agents\.taliban\.policy is coercive-leverage, this sweep's is ratio-releaser/);
    expect(await scanError(join(dir, 'missing.csv'))).toMatch(/missing\.csv: no such file/);
  });
});
