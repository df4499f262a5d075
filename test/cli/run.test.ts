// `parley run`: the report it prints (summary, --json, --ndjson), determinism, --set, --out,
// pipes and Ctrl-C. Each test runs the built CLI in a child process; stall risk is off or cheap
// (stall.rollouts=20) wherever it is not what the test is about.
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import type {RunReport} from '../../src/sim/report.js';
import {hasEscapes, hasStackTrace, longLines, parley, removeTempDirs, sh, tempDir, writeScenario} from '../helpers/cli.js';

afterAll(removeTempDirs);

const CHEAP_RISK = ['--set', 'stall.rollouts=20'];
const NO_RISK = ['--no-stall-risk'];

async function report(args: string[]): Promise<RunReport> {
  const r = await parley(['run', ...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as RunReport;
}

const keys = (o: object): string[] => Object.keys(o);

describe('--json', () => {
  it('prints one document with the documented fields', async () => {
    const r = await parley(['run', 'baseline', '--json', ...CHEAP_RISK]);
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('}\n')).toBe(true);
    const doc = JSON.parse(r.stdout) as RunReport;
    expect(keys(doc)).toEqual(expect.arrayContaining(['scenario', 'seed', 'version', 'start', 'days', 'policies', 'outcome', 'totals', 'daily', 'batches', 'walkouts', 'events']));
    expect(doc).toMatchObject({scenario: 'baseline', seed: expect.any(String), version: expect.any(String), start: expect.stringMatching(/^\d{4}-\d\d-\d\d$/), days: expect.any(Number)});
    expect(keys(doc.outcome)).toEqual(expect.arrayContaining(['status', 'day', 'date']));
    expect(keys(doc.totals)).toEqual(expect.arrayContaining(['releasedByGovernment', 'releasedByTaliban', 'batches', 'walkouts', 'stallEpisodes']));
    expect(doc.daily.length).toBeGreaterThan(0);
    for (const row of doc.daily) {
      expect(keys(row)).toEqual(expect.arrayContaining(['day', 'date', 'releasedByGovernment', 'releasedByTaliban', 'talks', 'violence', 'stallRisk']));
      expect(keys(row.stallRisk!)).toEqual(expect.arrayContaining(['p', 'lo', 'hi']));
      expect(row.stallRisk!.lo).toBeLessThanOrEqual(row.stallRisk!.p);
      expect(row.stallRisk!.p).toBeLessThanOrEqual(row.stallRisk!.hi);
    }
    expect(doc.batches.length).toBeGreaterThan(0);
    for (const b of doc.batches) expect(keys(b)).toEqual(expect.arrayContaining(['day', 'date', 'from', 'count', 'criteria', 'unilateral']));
    expect(doc.events.length).toBeGreaterThan(0);
    for (const e of doc.events) expect(keys(e)).toEqual(expect.arrayContaining(['day', 'actor', 'type', 'reason']));
  });

  it('records walk-outs with who, why and when they returned', async () => {
    const doc = await report(['baseline', ...NO_RISK, '--set', 'agents.government.policy=ratio-reciprocator', '--set', 'agents.taliban.policy=obstinate-list', '--set', 'agents.taliban.params.patienceDays=1', '--set', 'agents.taliban.params.returnAfter=50', '--set', 'world.breakdown.base=-20']);
    expect(doc.walkouts.length).toBeGreaterThan(0);
    for (const w of doc.walkouts) expect(keys(w)).toEqual(expect.arrayContaining(['day', 'by', 'reason', 'returnDay']));
  });

  it('has no stall risk with --no-stall-risk', async () => {
    const doc = await report(['baseline', ...NO_RISK]);
    expect(doc.daily.every((row) => row.stallRisk === null)).toBe(true);
    expect(doc.peakStallRisk).toBeNull();
  });

  it('takes --seed and --days', async () => {
    const doc = await report(['baseline', ...NO_RISK, '--seed', 'kabul', '--days', '5']);
    expect(doc.seed).toBe('kabul');
    expect(doc.days).toBe(5);
    expect(doc.daily.length).toBeLessThanOrEqual(5);
  });
});

describe('determinism', () => {
  it('the same scenario and seed give byte-identical output, in every format', async () => {
    for (const format of [['--json', ...CHEAP_RISK], ['--ndjson', ...NO_RISK], [...NO_RISK]]) {
      const [a, b] = await Promise.all([parley(['run', 'baseline', '--seed', 's1', ...format]), parley(['run', 'baseline', '--seed', 's1', ...format])]);
      expect(a.code).toBe(0);
      expect(a.stdout.length).toBeGreaterThan(0);
      expect(b.stdout).toBe(a.stdout);
    }
  });

  it('different seeds give different output', async () => {
    const [a, b] = await Promise.all([parley(['run', 'baseline', '--json', '--seed', 's1', ...NO_RISK]), parley(['run', 'baseline', '--json', '--seed', 's2', ...NO_RISK])]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(b.stdout).not.toBe(a.stdout);
  });

  it('a bare `parley` runs the baseline scenario', async () => {
    const [bare, explicit] = await Promise.all([parley([]), parley(['run', 'baseline'])]);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toContain('baseline');
    expect(bare.stdout).toBe(explicit.stdout);
  });
});

describe('--ndjson', () => {
  it('prints one JSON record a line, from the run header to the outcome, matching --json', async () => {
    const [nd, js] = await Promise.all([parley(['run', 'baseline', '--ndjson', ...NO_RISK]), parley(['run', 'baseline', '--json', ...NO_RISK])]);
    expect(nd.code).toBe(0);
    expect(nd.stdout.endsWith('\n')).toBe(true);
    const records = nd.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as {record: string});
    expect(records[0]!.record).toBe('run');
    expect(records[records.length - 1]!.record).toBe('outcome');
    const doc = JSON.parse(js.stdout) as RunReport;
    const days = records.filter((r) => r.record === 'day').map(({record: _record, ...row}) => row);
    expect(days).toEqual(doc.daily);
    expect(records.filter((r) => r.record === 'batch')).toHaveLength(doc.batches.length);
  });

  it("names an event's kind `type`, as --json and scenario files do", async () => {
    const [nd, js] = await Promise.all([parley(['run', 'afghanistan-2020', '--ndjson', ...NO_RISK]), parley(['run', 'afghanistan-2020', '--json', ...NO_RISK])]);
    expect(nd.code).toBe(0);
    const records = nd.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const events = records.filter((r) => r.record === 'event').map(({record: _record, ...event}) => event);
    const doc = JSON.parse(js.stdout) as RunReport;
    expect(doc.events.length).toBeGreaterThan(0);
    expect(events).toEqual(doc.events);
    expect(events.some((e) => e.type === 'talks-convene')).toBe(true);
    // No other name for it on any record, and every record says what it is.
    expect(records.filter((r) => 'event' in r)).toEqual([]);
    expect(new Set(records.map((r) => r.record))).toEqual(new Set(['run', 'day', 'batch', 'walkout', 'event', 'outcome']));
  });

  it('stops quietly when the reader goes away (| head -1)', async () => {
    const r = await sh('sh', ['-c', `("${process.execPath}" dist/bundle/bin.js run baseline --ndjson; echo "parley exited $?" >&2) | head -1`]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('parley exited 0\n');
    expect(r.stdout.split('\n')).toHaveLength(2);
    expect((JSON.parse(r.stdout) as {record: string}).record).toBe('run');
  });

  it('exits 0 and says nothing when a write fails with EPIPE', async () => {
    // The baseline run may fit the 64 KiB pipe buffer, so the writer never sees the reader go;
    // the schema is larger than that, so this write certainly fails.
    const r = await sh('sh', ['-c', `("${process.execPath}" dist/bundle/bin.js schema; echo "parley exited $?" >&2) | head -c 1`]);
    expect(r).toMatchObject({code: 0, stdout: '{', stderr: 'parley exited 0\n'});
  });
});

describe('--set', () => {
  it('switches a policy, and says which of the file\'s params no longer apply', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'obstinate.yaml', `agents:
  government: {policy: phased-conditional}
  taliban: {policy: obstinate-list, params: {patienceDays: 9}}
  us: {policy: facilitator}`);
    const r = await parley(['run', file, '--json', '--set', 'agents.taliban.policy=ratio-releaser']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^note: .*agents\.taliban\.policy.*\n$/);
    expect((JSON.parse(r.stdout) as RunReport).policies.taliban.policy).toBe('ratio-releaser');
  });

  it('sets a parameter, which the report and the summary show', async () => {
    const set = ['--set', 'agents.government.params.batchSize=200'];
    const [js, text] = await Promise.all([parley(['run', 'baseline', '--json', ...NO_RISK, ...set]), parley(['run', 'baseline', ...NO_RISK, ...set])]);
    expect((JSON.parse(js.stdout) as RunReport).policies.government.params.batchSize).toBe(200);
    expect(text.stdout).toMatch(/government\s+phased-conditional\s+batchSize=200/);
  });
});

describe('--out', () => {
  it('writes the same bytes to the file, nothing to stdout, and leaves no temp file', async () => {
    const dir = tempDir();
    const out = join(dir, 'run.json');
    writeFileSync(out, 'old contents');
    const [toFile, toStdout] = await Promise.all([parley(['run', 'baseline', '--json', ...NO_RISK, '--out', out]), parley(['run', 'baseline', '--json', ...NO_RISK])]);
    expect(toFile).toMatchObject({code: 0, stdout: '', stderr: ''});
    expect(readFileSync(out, 'utf8')).toBe(toStdout.stdout);
    expect(readdirSync(dir)).toEqual(['run.json']);
  });

  it('writes the summary when no format is chosen', async () => {
    const dir = tempDir();
    const r = await parley(['run', 'baseline', ...NO_RISK, '--out', 'summary.txt'], {cwd: dir});
    expect(r).toMatchObject({code: 0, stdout: ''});
    expect(readFileSync(join(dir, 'summary.txt'), 'utf8')).toContain('Outcome');
  });
});

describe('the summary', () => {
  it('is plain text in 80 columns with the outcome, totals, batches and policies', async () => {
    const r = await parley(['run', 'baseline', ...CHEAP_RISK], {env: {FORCE_COLOR: '1'}});
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(hasEscapes(r.stdout)).toBe(false);
    expect(longLines(r.stdout)).toEqual([]);
    expect(r.stdout).toMatch(/^baseline · seed baseline · from \d{4}-\d\d-\d\d/);
    for (const heading of ['Outcome', 'Released', 'Batches', 'Walk-outs', 'Stalls', 'Stall risk', 'Policies']) expect(r.stdout).toMatch(new RegExp(`^${heading}`, 'm'));
    expect(r.stdout).toMatch(/Stall risk +peak \d+% \(90% interval \d+%–\d+%\)/);
    expect(r.stdout).toMatch(/… \d+ more/);
  });

  it('lists walk-outs with their return', async () => {
    const r = await parley(['run', 'baseline', ...NO_RISK, '--set', 'agents.government.policy=ratio-reciprocator', '--set', 'agents.taliban.policy=obstinate-list', '--set', 'agents.taliban.params.patienceDays=1', '--set', 'agents.taliban.params.returnAfter=50', '--set', 'world.breakdown.base=-20']);
    expect(r.stdout).toMatch(/^Walk-outs$/m);
    expect(r.stdout).toMatch(/taliban +walks out/);
    expect(r.stdout).toContain('returned on day');
    expect(longLines(r.stdout)).toEqual([]);
  });
});

describe('Ctrl-C', () => {
  it('stops a long run at once with exit 130 and one line on stderr', async () => {
    const started = Date.now();
    const r = await parley(['run', 'baseline', '--set', 'stall.rollouts=20000', '--set', 'stall.precision=0'], {
      started: (child) => setTimeout(() => child.kill('SIGINT'), 1500),
    });
    expect(r.code).toBe(130);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('parley: interrupted\n');
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
