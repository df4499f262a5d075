// --resume's reading of an interrupted output: where to continue, what to drop, what to refuse.
// In-process: the rows come from sweepRunner, formatted as the workers format them.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {InputError} from '../../src/scenario/errors.js';
import type {SweepPlan} from '../../src/sweep/plan.js';
import type {Format, Value} from '../../src/sweep/output.js';
import {findResumePoint} from '../../src/sweep/resume.js';
import {shardRange, type RunRange} from '../../src/sweep/shard.js';
import {expectedOutput, planOf, SMALL_SPEC, writeSpec} from './sweep-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-resume-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

let plan: SweepPlan;
let other: SweepPlan;
const full: Record<Format, string> = {csv: '', ndjson: ''};
beforeAll(() => {
  plan = planOf(writeSpec(dir, 'small.yaml', SMALL_SPEC));
  other = planOf(writeSpec(dir, 'other.yaml', SMALL_SPEC.replace(`seed: 'tiny, "quoted"'`, 'seed: other')));
  full.csv = expectedOutput(plan, 'csv');
  full.ndjson = expectedOutput(plan, 'ndjson');
});

let n = 0;
function fileWith(text: string, ext: Format): string {
  const file = join(dir, `out-${n++}.${ext}`);
  writeFileSync(file, text);
  return file;
}

/** The first `count` lines of `text`. */
const lines = (text: string, count: number): string => text.split('\n').slice(0, count).join('\n') + '\n';

async function resume(file: string, format: Format, range: RunRange = {start: 0, end: 200}, p = plan) {
  const rows: Value[][] = [];
  const at = await findResumePoint(file, p, format, range, (r) => rows.push(r));
  return {...at, rows};
}

async function refused(file: string, format: Format, range?: RunRange, p?: SweepPlan): Promise<string> {
  const e = await resume(file, format, range, p).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(InputError);
  return (e as Error).message;
}

describe.each(['csv', 'ndjson'] as const)('resuming %s', (format) => {
  const header = format === 'csv' ? 1 : 0;

  it('continues after the last complete row, passing every row read', async () => {
    const text = lines(full[format], header + 57);
    const at = await resume(fileWith(text, format), format);
    expect(at).toMatchObject({next: 57, keep: Buffer.byteLength(text), torn: 0, header: format === 'csv', missing: false});
    expect(at.rows.map((r) => r[0])).toEqual(Array.from({length: 57}, (_, i) => i));
  });

  it('drops a torn last line, cut anywhere in the row', async () => {
    const text = lines(full[format], header + 57);
    const next = full[format].slice(text.length).split('\n')[0]!;
    for (const cut of [1, 5, Math.floor(next.length / 2), next.length]) {
      const at = await resume(fileWith(text + next.slice(0, cut), format), format);
      expect(at).toMatchObject({next: 57, keep: Buffer.byteLength(text), torn: Buffer.byteLength(next.slice(0, cut))});
    }
  });

  it('reads a finished file as done, and an empty or missing one as not started', async () => {
    expect(await resume(fileWith(full[format], format), format)).toMatchObject({next: 200, torn: 0});
    expect(await resume(fileWith('', format), format)).toMatchObject({next: 0, keep: 0, header: false, missing: false});
    expect(await resume(join(dir, `none.${format}`), format)).toMatchObject({next: 0, missing: true});
  });

  it('refuses rows out of order, a row of another seed, and rows beyond the sweep', async () => {
    const rows = full[format].split('\n');
    const swapped = [...rows.slice(0, header + 10), rows[header + 11], rows[header + 10], ...rows.slice(header + 12, header + 20)].join('\n') + '\n';
    expect(await refused(fileWith(swapped, format), format)).toMatch(/line \d+ holds run 11 where run 10 was expected/);
    const otherFile = fileWith(expectedOutput(other, format, 0, 5), format);
    expect(await refused(otherFile, format)).toMatch(/line \d+ \(run 0\) is not this sweep's row: seed is "?other-p0-r0"?, this sweep's is /);
    expect(await refused(fileWith(full[format], format), format, {start: 0, end: 150})).toMatch(/beyond the last run of this shard \(run 149\)/);
  });

  it('refuses a torn line that is not the start of the next row', async () => {
    const text = lines(full[format], header + 57);
    expect(await refused(fileWith(`${text}garbage`, format), format)).toMatch(/ends with "garbage", which is not the start of run 57/);
    expect(await refused(fileWith(`${full[format]}x`, format), format)).toMatch(/not the start of run 200/);
  });

  it('resumes a shard from its own first run, and refuses another shard\'s file', async () => {
    const range = shardRange(200, {k: 2, n: 3});
    const shardText = expectedOutput(plan, format, range.start, range.start + 30);
    const shardFile = fileWith(shardText, format);
    expect(await resume(shardFile, format, range)).toMatchObject({next: range.start + 30});
    expect(await refused(shardFile, format)).toMatch(new RegExp(`holds run ${range.start} where run 0 was expected`));
  });
});

describe('resuming csv: the header', () => {
  it('refuses another sweep\'s columns and says nothing was changed', async () => {
    const msg = await refused(fileWith('run,point,replicate,seed,x,status\n', 'csv'), 'csv');
    expect(msg).toMatch(/cannot resume: its columns are not this sweep's \(it has run,point,replicate,seed,x,status\); nothing was changed/);
  });

  it('has no stall-risk columns when stall risk is off, and refuses a file that has them (empty in every row)', async () => {
    const header = full.csv.split('\n')[0]!;
    expect(header).not.toMatch(/StallRisk/);
    const [head, ...rows] = lines(full.csv, 11).trimEnd().split('\n');
    // The same rows with the two empty columns an older parley wrote before peakViolence.
    const widen = (line: string, cells: string): string => line.replace(/,([^,]*)$/, `,${cells},$1`);
    const older = [widen(head!, 'peakStallRisk,meanStallRisk'), ...rows.map((r) => widen(r, ','))].join('\n') + '\n';
    expect(await refused(fileWith(older, 'csv'), 'csv')).toMatch(/cannot resume: its columns are not this sweep's \(it has .*,stalledDays,peakStallRisk,meanStallRisk,peakViolence\); nothing was changed/);
    expect(await resume(fileWith(lines(full.csv, 11), 'csv'), 'csv')).toMatchObject({next: 10, header: true});
  });

  it('drops a torn header, but not a line of something else', async () => {
    const header = full.csv.split('\n')[0]!;
    expect(await resume(fileWith(header.slice(0, 20), 'csv'), 'csv')).toMatchObject({next: 0, keep: 0, header: false, torn: 20});
    expect(await refused(fileWith('notes about my sweep', 'csv'), 'csv')).toMatch(/not the start of the header/);
  });

  it('refuses text that is not CSV as parley writes it', async () => {
    const text = `${lines(full.csv, 11)}1,2,3\n`;
    expect(await refused(fileWith(text, 'csv'), 'csv')).toMatch(/not a CSV file as parley writes it/);
  });
});
