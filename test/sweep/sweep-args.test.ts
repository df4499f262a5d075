// `parley sweep`'s command line, checked before anything is read or written, and the resume
// command it prints after Ctrl-C (which must survive a shell: paths with spaces are quoted).
import {writeFileSync} from 'node:fs';
import {availableParallelism} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {UsageError} from '../../src/cli/errors.js';
import {chooseFormat, parseSweepArgs, resumeCommand} from '../../src/cli/sweep.js';
import {removeTempDirs, tempDir} from '../helpers/cli.js';

afterAll(removeTempDirs);

const usage = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('expected a UsageError');
};

describe('parseSweepArgs', () => {
  it('defaults: one worker a core, CSV, the whole sweep', () => {
    const a = parseSweepArgs(['pace-and-patience']);
    expect(a).toMatchObject({ref: 'pace-and-patience', shard: null, out: undefined, format: 'csv', resume: false, quiet: false});
    expect(a.workers).toBeGreaterThanOrEqual(1);
  });

  it('reads the format from --out, or --format for stdout', () => {
    expect(parseSweepArgs(['s', '--out', 'r.jsonl', '--workers', '3', '--shard', '2/4'])).toMatchObject({format: 'ndjson', workers: 3, shard: {k: 2, n: 4}});
    expect(parseSweepArgs(['s', '--format', 'ndjson']).format).toBe('ndjson');
    expect(chooseFormat('r.CSV', undefined)).toBe('csv');
    expect(chooseFormat('r.out', 'ndjson')).toBe('ndjson');
  });

  it('refuses more than 4 worker threads a core, which would exhaust the memory long before they help', () => {
    const most = 4 * availableParallelism();
    expect(parseSweepArgs(['s', '--workers', String(most)]).workers).toBe(most);
    expect(usage(() => parseSweepArgs(['s', '--workers', String(most + 1)]))).toBe(`--workers ${most + 1} is more than this machine can use: at most ${most} (4 × its ${availableParallelism()} core${availableParallelism() === 1 ? '' : 's'})`);
    expect(usage(() => parseSweepArgs(['s', '--workers', '1000']))).toMatch(/^--workers 1000 is more than this machine can use/);
  });

  it('refuses what cannot work', () => {
    expect(usage(() => parseSweepArgs(['a', 'b']))).toBe('sweep takes one spec, got 2: a b');
    expect(usage(() => parseSweepArgs(['s', '--workers', '1.5']))).toMatch(/--workers must be a positive whole number/);
    expect(usage(() => parseSweepArgs(['s', '--shard', '2']))).toMatch(/--shard must be k\/N/);
    expect(usage(() => parseSweepArgs(['s', '--out', '']))).toBe('--out needs a file name');
    expect(usage(() => parseSweepArgs(['s', '--bogus']))).toBe('unknown option --bogus for sweep');
  });

  it('refuses an existing summary file too, unless resuming or forced', () => {
    const dir = tempDir();
    const out = join(dir, 'r.csv');
    writeFileSync(join(dir, 'r.summary.csv'), 'x\n');
    expect(usage(() => parseSweepArgs(['s', '--out', out]))).toMatch(/r\.summary\.csv already exists/);
    expect(parseSweepArgs(['s', '--out', out, '--force']).out).toBe(out);
    expect(parseSweepArgs(['s', '--out', out, '--resume']).resume).toBe(true);
    // A shard writes no summary, so an old one does not stand in its way.
    expect(parseSweepArgs(['s', '--out', out, '--shard', '1/2']).shard).toEqual({k: 1, n: 2});
  });
});

describe('resumeCommand', () => {
  it('repeats the spec, --out, --format and --shard, quoted for a shell', () => {
    expect(resumeCommand(parseSweepArgs(['my sweep.yaml', '--out', "it's.ndjson", '--shard', '3/8', '--format', 'ndjson']))).toBe(
      `parley sweep 'my sweep.yaml' --out 'it'\\''s.ndjson' --format ndjson --shard 3/8 --resume`,
    );
    expect(resumeCommand(parseSweepArgs(['pace-and-patience', '--out', 'runs/r.csv', '--workers', '2']))).toBe('parley sweep pace-and-patience --out runs/r.csv --resume');
  });
});
