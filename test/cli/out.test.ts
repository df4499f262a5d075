// --out across commands: it is never one of the command's inputs (however it is named), run and
// replay take its format from the extension, and the temp file it is written through is named
// visibly and cleaned up after a process that was killed.
import {copyFileSync, existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {AtomicFile} from '../../src/cli/io.js';
import {HISTORY_DIR} from '../../src/history/load.js';
import {distModule, hasStackTrace, parley, removeTempDirs, sh, tempDir, writeScenario} from '../helpers/cli.js';

afterAll(removeTempDirs);

const NO_RISK = ['--no-stall-risk'];

/** Exit 2, one line naming `named`, nothing on stdout, and every file in `unchanged` as it was. */
async function refused(args: string[], cwd: string, named: string | RegExp, unchanged: string[]) {
  const before = unchanged.map((f) => readFileSync(join(cwd, f), 'utf8'));
  const r = await parley(args, {cwd});
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(named);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(hasStackTrace(r.stderr)).toBe(false);
  unchanged.forEach((f, i) => expect(readFileSync(join(cwd, f), 'utf8'), f).toBe(before[i]));
  return r;
}

const TINY_SWEEP = `name: tiny
scenario: s.yaml
vary:
  agents.government.params.batchSize: {values: [50, 100]}
replicates: 2
seed: tiny
`;

describe('--out is never an input', () => {
  it('run: the scenario, as b.yaml, ./b.yaml, an absolute path or a link to it', async () => {
    const dir = tempDir();
    writeScenario(dir, 'b.yaml');
    symlinkSync('b.yaml', join(dir, 'link.yaml'));
    for (const out of ['b.yaml', './b.yaml', join(dir, 'b.yaml'), 'link.yaml']) {
      await refused(['run', 'b.yaml', '--json', '--out', out], dir, /^parley: --out .* is the scenario.*: write the output to another file/, ['b.yaml']);
    }
    await refused(['run', './b.yaml', '--out', 'b.yaml'], dir, /is the scenario/, ['b.yaml']);
  });

  it('replay: the history, and with --compare the scenario', async () => {
    const dir = tempDir();
    copyFileSync(join(HISTORY_DIR, 'afghanistan-2020.yaml'), join(dir, 'h.yaml'));
    writeScenario(dir, 's.yaml');
    await refused(['replay', 'h.yaml', '--out', './h.yaml'], dir, /is the history/, ['h.yaml']);
    await refused(['replay', '--history', 'h.yaml', '--json', '--out', 'h.yaml'], dir, /is the history/, ['h.yaml']);
    await refused(['replay', '--compare', 's.yaml', '--history', 'h.yaml', '--runs', '1', '--out', './s.yaml'], dir, /is the scenario/, ['s.yaml']);
  });

  it('sweep: the spec and its scenario, even with --force or --resume', async () => {
    const dir = tempDir();
    writeScenario(dir, 's.yaml');
    writeFileSync(join(dir, 'tiny.yaml'), TINY_SWEEP);
    await refused(['sweep', 'tiny.yaml', '--format', 'csv', '--force', '--out', './tiny.yaml'], dir, /is the sweep spec/, ['tiny.yaml']);
    await refused(['sweep', 'tiny.yaml', '--format', 'csv', '--resume', '--out', 's.yaml'], dir, /is the scenario of the sweep/, ['s.yaml']);
  });

  it('merge: a file merged (a link to it too) and the spec; summarize: the results', async () => {
    const dir = tempDir();
    writeScenario(dir, 's.yaml');
    writeFileSync(join(dir, 'tiny.yaml'), TINY_SWEEP);
    for (const k of [1, 2]) expect((await parley(['sweep', 'tiny.yaml', '--shard', `${k}/2`, '--out', `p${k}.csv`, '--quiet'], {cwd: dir})).code).toBe(0);
    symlinkSync('p1.csv', join(dir, 'p1-link.csv'));
    await refused(['merge', 'p1.csv', 'p2.csv', '--force', '--out', 'p1-link.csv'], dir, /is one of the files to merge \(p1\.csv\)/, ['p1.csv']);
    await refused(['merge', 'p1.csv', 'p2.csv', '--spec', 'tiny.yaml', '--format', 'csv', '--force', '--out', 'tiny.yaml'], dir, /is the sweep spec/, ['tiny.yaml']);
    await refused(['summarize', 'p1.csv', '--out', 'p1-link.csv'], dir, /is the results file summarized/, ['p1.csv']);
  });
});

describe('--out picks the format from its extension', () => {
  it('run: .json JSON, .ndjson and .jsonl NDJSON, .txt and other names the summary', async () => {
    const dir = tempDir();
    const [json, ndjson, text] = await Promise.all([['--json'], ['--ndjson'], []].map((f) => parley(['run', 'baseline', ...NO_RISK, ...f])));
    const outs = ['b.json', 'b.ndjson', 'b.jsonl', 'b.txt', 'b.report'];
    const results = await Promise.all(outs.map((out) => parley(['run', 'baseline', ...NO_RISK, '--out', out], {cwd: dir})));
    for (const r of results) expect(r).toMatchObject({code: 0, stdout: '', stderr: ''});
    const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
    expect(read('b.json')).toBe(json!.stdout);
    expect(read('b.ndjson')).toBe(ndjson!.stdout);
    expect(read('b.jsonl')).toBe(ndjson!.stdout);
    expect(read('b.txt')).toBe(text!.stdout);
    expect(read('b.report')).toBe(text!.stdout);
    // A name that says nothing: the flag decides.
    expect((await parley(['run', 'baseline', ...NO_RISK, '--json', '--out', 'b.out'], {cwd: dir})).code).toBe(0);
    expect(read('b.out')).toBe(json!.stdout);
  });

  it('run: a flag that contradicts the extension is refused, and nothing is written', async () => {
    const dir = tempDir();
    await refused(['run', 'baseline', '--ndjson', '--out', 'x.json'], dir, /--ndjson contradicts --out x\.json: \.json is JSON/, []);
    await refused(['run', 'baseline', '--json', '--out', 'x.jsonl'], dir, /--json contradicts --out x\.jsonl: \.jsonl is NDJSON/, []);
    await refused(['run', 'baseline', '--json', '--out', 'x.txt'], dir, /--json contradicts --out x\.txt: \.txt is text/, []);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('replay: .json JSON, .txt text, NDJSON refused', async () => {
    const dir = tempDir();
    const [json, text] = await Promise.all([parley(['replay', '--json']), parley(['replay'])]);
    const results = await Promise.all(['r.json', 'r.txt'].map((out) => parley(['replay', '--out', out], {cwd: dir})));
    for (const r of results) expect(r).toMatchObject({code: 0, stdout: '', stderr: ''});
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe(json.stdout);
    expect(readFileSync(join(dir, 'r.txt'), 'utf8')).toBe(text.stdout);
    await refused(['replay', '--out', 'r.ndjson'], dir, /\.ndjson is NDJSON, which this command does not write/, []);
    await refused(['replay', '--json', '--out', 'r2.txt'], dir, /--json contradicts --out r2\.txt/, []);
  });
});

describe('temp files of --out', () => {
  it('are visible, named after the file and the process', () => {
    const dir = tempDir();
    const f = new AtomicFile(join(dir, 'r.json'));
    expect(readdirSync(dir)).toEqual([`r.json.parley-tmp-${process.pid}`]);
    f.discard();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('one left by a SIGKILL is removed by the next write to the same file; a live writer\'s stays', async () => {
    const dir = tempDir();
    const out = join(dir, 'r.json');
    // A process killed while it writes, as `run --out` can be.
    const script = `const {AtomicFile} = await import(${JSON.stringify(distModule('cli/io.js'))}); new AtomicFile(${JSON.stringify(out)}).write('{"half":'); console.log('writing'); setInterval(() => {}, 1000);`;
    let killed = 0;
    await sh(process.execPath, ['--input-type=module', '-e', script], {
      started: (child) => {
        killed = child.pid!;
        child.stdout!.once('data', () => child.kill('SIGKILL'));
      },
    });
    const leftover = `r.json.parley-tmp-${killed}`;
    expect(readdirSync(dir)).toEqual([leftover]);
    const live = `r.json.parley-tmp-${process.pid}`;
    const other = `other.json.parley-tmp-${killed}`;
    for (const f of [live, other]) writeFileSync(join(dir, f), '');
    const r = await parley(['run', 'baseline', ...NO_RISK, '--out', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([other, 'r.json', live].sort());
    expect(existsSync(join(dir, leftover))).toBe(false);
  });
});

