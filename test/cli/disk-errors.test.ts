// A full disk, a quota, a read-only or forbidden place, on every output parley writes: a plain
// message naming the file, exit 1 (not 2, not "internal error"), no half-written file; a sweep
// keeps its rows and says how to resume. The failures are injected (test/helpers/fault-fs.mjs):
// the tests run as root, for whom no permission is ever refused.
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {BIN, hasStackTrace, parley, removeTempDirs, sh, tempDir, type CliResult} from '../helpers/cli.js';
import {expectedOutput, planOf, SMALL_SPEC, writeSpec} from '../sweep/sweep-helpers.js';

afterAll(removeTempDirs);

const FAULT_FS = fileURLToPath(new URL('../helpers/fault-fs.mjs', import.meta.url));

/** The CLI with writes to files named `name` (in any folder) failing with `code`, at open or after `after` bytes. */
function faulty(args: readonly string[], name: string, code: string, after?: number): Promise<CliResult> {
  const env: Record<string, string> = {PARLEY_FAULT_FILE: `${name.replace(/\./g, '\\.')}[^/]*$`, PARLEY_FAULT_CODE: code};
  if (after !== undefined) env.PARLEY_FAULT_AFTER = String(after);
  return sh(process.execPath, ['--import', FAULT_FS, BIN, ...args], {env});
}

function expectPlain(r: CliResult, file: string, problem: string): void {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).toContain(`parley: ${file}: cannot write: ${problem}`);
  expect(r.stderr).not.toContain('internal error');
  expect(hasStackTrace(r.stderr)).toBe(false);
}

let dir: string;
let spec: string;
beforeAll(() => {
  dir = tempDir();
  spec = writeSpec(dir, 'small.yaml', SMALL_SPEC);
});

describe('a sweep on a full disk', () => {
  it('stops with exit 1, keeps the rows written, and the resume command it prints finishes the file', async () => {
    const out = join(dir, 'full.csv');
    const r = await faulty(['sweep', spec, '--out', out, '--workers', '1'], 'full.csv', 'ENOSPC', 6000);
    expectPlain(r, out, 'disk full (ENOSPC)');
    const m = /; stopped after [\d,]+ of 200 runs; resume with: (parley sweep .* --resume)\n$/.exec(r.stderr);
    expect(m, r.stderr).not.toBeNull();
    expect(readFileSync(out).length).toBe(6000);
    expect(existsSync(join(dir, 'full.summary.csv'))).toBe(false);

    const resumed = await parley([...m![1]!.split(' ').slice(1), '--quiet']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(expectedOutput(planOf(spec), 'csv'));
  });

  it('a quota exceeded on its summary file stops it the same way', async () => {
    const out = join(dir, 'quota.csv');
    const r = await faulty(['sweep', spec, '--out', out, '--workers', '1'], 'quota.summary.csv', 'EDQUOT', 100);
    expectPlain(r, join(dir, 'quota.summary.csv'), 'disk quota exceeded (EDQUOT)');
    expect(r.stderr).toMatch(/resume with: parley sweep .* --resume\n$/);
    // No summary, nor its temp file: a sweep that does not finish has none.
    expect(readdirSync(dir).filter((f) => f.includes('quota.summary'))).toEqual([]);
  });

  it('an --out it may not create is refused at once, with the resume command', async () => {
    const out = join(dir, 'denied.csv');
    const r = await faulty(['sweep', spec, '--out', out], 'denied.csv', 'EACCES');
    expectPlain(r, out, 'permission denied (EACCES)');
    expect(r.stderr).toMatch(/resume with: parley sweep .* --resume\n$/);
  });
});

describe('every other output', () => {
  it('run --out and replay --out: exit 1, nothing left behind', async () => {
    const [run, replay] = await Promise.all([
      faulty(['run', 'baseline', '--days', '20', '--json', '--out', join(dir, 'run.json')], 'run.json', 'ENOSPC', 1000),
      faulty(['replay', '--out', join(dir, 'replay.txt')], 'replay.txt', 'EROFS'),
    ]);
    expectPlain(run, join(dir, 'run.json'), 'disk full (ENOSPC)');
    expectPlain(replay, join(dir, 'replay.txt'), 'read-only file system (EROFS)');
    expect(readdirSync(dir).filter((f) => /run\.json|replay\.txt/.test(f))).toEqual([]);
  });

  it('merge --out and summarize --out: exit 1, nothing left behind', async () => {
    const rows = join(dir, 'rows.csv');
    writeFileSync(rows, expectedOutput(planOf(spec), 'csv'));
    const [merge, summarize] = await Promise.all([
      faulty(['merge', rows, '--out', join(dir, 'merged.csv')], 'merged.csv', 'ENOSPC', 4000),
      faulty(['summarize', rows, '--out', join(dir, 'sum.csv')], 'sum.csv', 'EDQUOT', 10),
    ]);
    expectPlain(merge, join(dir, 'merged.csv'), 'disk full (ENOSPC)');
    expectPlain(summarize, join(dir, 'sum.csv'), 'disk quota exceeded (EDQUOT)');
    expect(readdirSync(dir).filter((f) => /merged|sum\.csv/.test(f))).toEqual([]);
  });

  it('standard output on a full disk (/dev/full)', async () => {
    const r = await sh('sh', ['-c', `"${process.execPath}" "${BIN}" list > /dev/full`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('parley: cannot write to standard output: disk full (ENOSPC)\n');
  });
});
