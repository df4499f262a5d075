// What `parley sweep` and `parley merge` refuse, through the built CLI: exit 2, one clear message
// naming the file or option, no stack trace, and no file changed.
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {hasStackTrace, parley, removeTempDirs, tempDir} from '../helpers/cli.js';
import {expectedOutput, planOf, SMALL_SPEC, writeSpec} from './sweep-helpers.js';

afterAll(removeTempDirs);

let dir: string;
let spec: string;
let full: string;
beforeAll(() => {
  dir = tempDir();
  spec = writeSpec(dir, 'small.yaml', SMALL_SPEC);
  full = expectedOutput(planOf(spec), 'csv');
});

async function refused(args: string[], pattern: RegExp): Promise<string> {
  const r = await parley(args);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr.trim().split('\n')[0]).toMatch(/^parley: /);
  expect(hasStackTrace(r.stderr)).toBe(false);
  expect(r.stdout).toBe('');
  expect(r.code).toBe(2);
  return r.stderr;
}

describe('sweep: bad specs and options', () => {
  it('a bad spec field names the file and the field', async () => {
    const bad = writeSpec(dir, 'bad.yaml', SMALL_SPEC.replace('replicates: 25', 'replicates: 0'));
    await refused(['sweep', bad], new RegExp(`${bad}: invalid sweep spec\\n  - replicates: `));
  });

  it('a value that makes an invalid scenario names the file, the point and the field', async () => {
    const bad = writeSpec(dir, 'bad-value.yaml', SMALL_SPEC.replace('[50, 100, 150, 200]', '[50, -3]'));
    await refused(['sweep', bad], new RegExp(`${bad}: point 2 \\(agents\\.government\\.params\\.batchSize=-3, .*\\) makes an invalid scenario:\\n[\\s\\S]*- agents\\.government\\.params\\.batchSize: `));
  });

  it('beyond the points checked up front, a point invalid only in combination stops the sweep when reached, named, leaving no summary', async () => {
    // Each value alone is valid on baseline (15 priority + 400 commanders on a list of 5,000);
    // together, many points put more commanders than prisoners on the list.
    const combos = writeSpec(
      dir,
      'combos.yaml',
      [
        'name: combos',
        'scenario: baseline',
        'set: [stall.rollouts=0, days=30]',
        'vary:',
        '  pools.government.onList: {min: 1000, max: 5000, step: 100}',
        '  pools.government.commanders: {min: 0, max: 4900, step: 100}',
        'design: random',
        'points: 2001',
        'replicates: 1',
        'seed: combos-a', // point 0 (checked up front) is valid; point 3 is not
        '',
      ].join('\n'),
    );
    const out = join(dir, 'combos.csv');
    await refused(['sweep', combos, '--out', out, '--quiet'], new RegExp(`${combos}: point 3 \\(pools\\.government\\.onList=\\d+, pools\\.government\\.commanders=\\d+\\) makes an invalid scenario:\\n[\\s\\S]*priority plus commanders exceed the list`));
    // The sweep had started (its header is written): the point was found by a worker, not up front.
    expect(readFileSync(out, 'utf8')).toMatch(/^run,point,replicate,seed,pools\.government\.onList,/);
    expect(readdirSync(dir).filter((f) => f.includes('combos.summary'))).toEqual([]);
  });

  it('a shard outside 1..N, a worker count below 1, an unknown format', async () => {
    await refused(['sweep', spec, '--shard', '0/3'], /--shard must be k\/N with 1 ≤ k ≤ N \(e\.g\. 2\/8\), got "0\/3"/);
    await refused(['sweep', spec, '--shard', '4/3'], /--shard must be k\/N .* got "4\/3"/);
    await refused(['sweep', spec, '--workers', '0'], /--workers must be a positive whole number, got "0"/);
    await refused(['sweep', spec, '--out', join(dir, 'x.txt')], /--out .*x\.txt: name a \.csv, \.ndjson or \.jsonl file \(or give --format\)/);
    await refused(['sweep', spec, '--format', 'parquet'], /--format must be csv or ndjson, got "parquet"/);
    await refused(['sweep', spec, '--format', 'ndjson', '--out', join(dir, 'x.csv')], /--format ndjson does not match --out/);
    await refused(['sweep'], /sweep needs a spec/);
  });

  it('--resume needs --out, and an existing --out needs --resume or --force', async () => {
    await refused(['sweep', spec, '--resume'], /--resume needs --out/);
    const out = join(dir, 'existing.csv');
    writeFileSync(out, 'precious\n');
    await refused(['sweep', spec, '--out', out], /existing\.csv already exists: add --resume to continue it, or --force to start over/);
    await refused(['sweep', spec, '--out', out, '--resume', '--force'], /give one/);
    expect(readFileSync(out, 'utf8')).toBe('precious\n');
    const r = await parley(['sweep', spec, '--out', out, '--force', '--workers', '1', '--quiet']);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(full);
  });
});

describe('sweep --resume: a file that is not this sweep\'s', () => {
  it('another spec\'s file is refused and left as it was', async () => {
    const otherSpec = writeSpec(dir, 'other.yaml', SMALL_SPEC.replace(`seed: 'tiny, "quoted"'`, 'seed: other'));
    const out = join(dir, 'other.csv');
    const text = expectedOutput(planOf(otherSpec), 'csv', 0, 30);
    writeFileSync(out, text);
    await refused(['sweep', spec, '--out', out, '--resume'], /other\.csv: cannot resume: line 2 \(run 0\) is not this sweep's row: seed is other-p0-r0, this sweep's is tiny, "quoted"-p0-r0; nothing was changed/);
    expect(readFileSync(out, 'utf8')).toBe(text);
  });

  it('a file with other columns is refused and left as it was', async () => {
    const out = join(dir, 'columns.csv');
    writeFileSync(out, 'a,b\n1,2\n');
    await refused(['sweep', spec, '--out', out, '--resume'], /columns\.csv: cannot resume: its columns are not this sweep's \(it has a,b\); nothing was changed/);
    expect(readFileSync(out, 'utf8')).toBe('a,b\n1,2\n');
  });
});

describe('merge', () => {
  const lines = (from: number, to: number): string => {
    const all = full.split('\n');
    return `${[all[0], ...all.slice(1 + from, 1 + to)].join('\n')}\n`;
  };
  const part = (name: string, from: number, to: number): string => {
    const file = join(dir, name);
    writeFileSync(file, lines(from, to));
    return file;
  };

  it('refuses a gap, naming the file', async () => {
    const [a, b] = [part('gap-a.csv', 0, 66), part('gap-b.csv', 100, 200)];
    await refused(['merge', a, b], new RegExp(`${b}: starts at run 100, but runs 66 to 99 are in none of the files \\(a gap after ${a}\\)`));
  });

  it('refuses an overlap, naming the files', async () => {
    const [a, b] = [part('over-a.csv', 0, 120), part('over-b.csv', 100, 200)];
    await refused(['merge', a, b, '--out', join(dir, 'never.csv')], new RegExp(`${b}: holds runs 100 to 119, also in ${a}: the files overlap`));
    expect(() => readFileSync(join(dir, 'never.csv'))).toThrow();
  });

  it('with --spec, refuses missing runs at the end; and never writes over an existing file', async () => {
    const [a, b] = [part('short-a.csv', 0, 66), part('short-b.csv', 66, 190)];
    await refused(['merge', a, b, '--spec', spec], /runs 190 to 199 of the sweep are in none of the files/);
    const out = join(dir, 'taken.csv');
    writeFileSync(out, 'mine\n');
    await refused(['merge', a, b, '--out', out], /taken\.csv already exists: add --force to replace it/);
    await refused(['merge', a, b, '--out', a], /is one of the files to merge/);
    expect(readFileSync(out, 'utf8')).toBe('mine\n');
  });
});
