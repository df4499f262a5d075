// `parley calibrate` through the built CLI: the same generations, posterior and report whatever
// the worker count; --resume after SIGKILL finishing byte for byte; a folder already used
// refused without --resume or --force; shards joined stage by stage to the same bytes; bad specs refused with exit 2 naming the file and field.
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {hasStackTrace, parley, removeTempDirs, tempDir} from '../helpers/cli.js';

afterAll(removeTempDirs);

const SPEC = `name: small
scenario: afghanistan-2020
information: 2020-06-30
parameters:
  agents.government.params.batchSize: {uniform: [50, 200]}
  agents.taliban.params.batchCap: {uniform: [10, 120]}
abc: {particles: 40, proposals: 120, generations: 3, minAcceptance: 0}
predictive: {draws: 60}
seed: small
`;

let dir: string;
let spec: string;
const files = (out: string): Record<string, string> => Object.fromEntries(readdirSync(out).sort().map((f) => [f, readFileSync(join(out, f), 'utf8')]));
let reference: Record<string, string>;
let stdout: string;

beforeAll(async () => {
  dir = tempDir();
  spec = join(dir, 'small.yaml');
  writeFileSync(spec, SPEC);
  const r = await parley(['calibrate', spec, '--out', join(dir, 'one'), '--workers', '1', '--quiet']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  reference = files(join(dir, 'one'));
  stdout = r.stdout;
});

describe('parley calibrate', () => {
  it('writes every generation, the predictive runs, the posterior and the report', () => {
    expect(Object.keys(reference)).toEqual(['generation-0.csv', 'generation-1.csv', 'generation-2.csv', 'posterior.csv', 'predictive.csv', 'report.json']);
    const [comment, header, ...rows] = reference['posterior.csv']!.trim().split('\n');
    expect(comment).toMatch(/^# parley calibrate .*small\.yaml: generation 2, seed small$/);
    expect(header).toBe('particle,weight,agents.government.params.batchSize,agents.taliban.params.batchCap');
    expect(rows).toHaveLength(40);
    const weights = rows.map((r) => Number(r.split(',')[1]));
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(stdout).toMatch(/^small: ABC-SMC on afghanistan-2020, fitted to afghanistan-2020 up to 2020-06-30 \(day 122\)/);
    expect(stdout).toContain('Posterior predictive check: 60 runs');
    expect(stdout).toMatch(/Government releases: its 80% interval covers \d+% of the \d+ held-out points/);
    const report = JSON.parse(reference['report.json']!);
    expect(report.generations).toHaveLength(3);
    expect(report.predictive.baselines.map((b: {name: string}) => b.name)).toHaveLength(5);
  });

  it('gives the same files and report on 2 workers', async () => {
    const r = await parley(['calibrate', spec, '--out', join(dir, 'two'), '--workers', '2', '--quiet']);
    expect(r.code).toBe(0);
    expect(files(join(dir, 'two'))).toEqual(reference);
    expect(r.stdout).toBe(stdout);
  });

  it('finishes byte for byte with --resume after SIGKILL', async () => {
    const out = join(dir, 'killed');
    const killed = await parley(['calibrate', spec, '--out', out, '--workers', '1', '--quiet'], {
      started: (child) => {
        const timer = setInterval(() => {
          if (existsSync(join(out, 'generation-1.csv'))) {
            clearInterval(timer);
            child.kill('SIGKILL');
          }
        }, 5);
      },
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(join(out, 'posterior.csv'))).toBe(false);
    const again = await parley(['calibrate', spec, '--out', out, '--workers', '2']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already holds a calibration .*add --resume to continue it, or --force to start over/);
    const resumed = await parley(['calibrate', spec, '--out', out, '--workers', '2', '--resume']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/resuming .*generation-0\.csv: 120 of 120 runs already done/);
    expect(files(out)).toEqual(reference);
    expect(resumed.stdout).toBe(stdout);
  });

  it('runs as blocks of a job array, one generation at a time, to the same files', async () => {
    const out = join(dir, 'sharded');
    for (let round = 0; round < 4; round++) {
      for (const k of [1, 2]) expect((await parley(['calibrate', spec, '--out', out, '--shard', `${k}/2`, '--workers', '1', '--quiet'])).code).toBe(0);
    }
    const got = files(out);
    expect(Object.keys(got).filter((f) => f.includes('.shard-'))).toHaveLength(8);
    for (const [f, text] of Object.entries(reference)) expect(got[f], f).toBe(text);
  });

  it('refuses bad input with exit 2 and a message naming the file and the field', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, SPEC.replace('batchCap', 'batchKap'));
    const r = await parley(['calibrate', bad, '--out', join(dir, 'bad')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml.*parameters\.agents\.taliban\.params\.batchKap: obstinate-list .* has no parameter batchKap/s);
    expect(hasStackTrace(r.stderr)).toBe(false);
    const none = await parley(['calibrate', spec]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/calibrate needs --out DIR/);
    const missing = await parley(['calibrate', join(dir, 'nope.yaml'), '--out', join(dir, 'x')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.yaml: no such calibration spec file/);
  });
});
