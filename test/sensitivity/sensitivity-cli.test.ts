// `parley sensitivity` through the built CLI: the same rows and indices whatever the worker
// count and however sharded, --analyse of a file printing what the run printed, --resume after
// SIGKILL finishing byte for byte, and bad input refused with exit 2 and a message naming it.
import type {ChildProcess} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {hasStackTrace, parley, removeTempDirs, tempDir} from '../helpers/cli.js';
import {lineCount} from '../sweep/sweep-helpers.js';
import {THREE_SPEC, writeSpec} from './sensitivity-helpers.js';

afterAll(removeTempDirs);

const SMALL = THREE_SPEC;

let dir: string;
let spec: string;
const text = (file: string): string => readFileSync(file, 'utf8');
const reference: Record<string, {stdout: string; rows: string; indices: string}> = {};

beforeAll(async () => {
  dir = tempDir();
  spec = writeSpec(dir, 'small.yaml', SMALL);
  for (const method of ['morris', 'sobol']) {
    const out = join(dir, `${method}-1.csv`);
    const r = await parley(['sensitivity', spec, '--method', method, '--workers', '1', '--out', out, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    reference[method] = {stdout: r.stdout, rows: text(out), indices: text(join(dir, `${method}-1.indices.csv`))};
  }
});

describe.each(['morris', 'sobol'])('%s', (method) => {
  it('gives the same rows, indices and tables on 2 workers as on 1', async () => {
    const out = join(dir, `${method}-2.csv`);
    const r = await parley(['sensitivity', spec, '--method', method, '--workers', '2', '--out', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(text(out)).toBe(reference[method]!.rows);
    expect(text(join(dir, `${method}-2.indices.csv`))).toBe(reference[method]!.indices);
    expect(r.stdout).toBe(reference[method]!.stdout);
  });

  it('shards, merged, are the same rows; --analyse of the merged file prints the same analysis', async () => {
    const parts = [1, 2, 3].map((k) => join(dir, `${method}-part-${k}.csv`));
    const shards = await Promise.all(parts.map((part, i) => parley(['sensitivity', spec, '--method', method, '--shard', `${i + 1}/3`, '--out', part, '--workers', '1'])));
    for (const r of shards) {
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/no analysis for a shard: merge the shards with parley merge, then parley sensitivity .* --analyse MERGED/);
    }
    const merged = join(dir, `${method}-merged.csv`);
    expect((await parley(['merge', ...parts, '--out', merged, '--quiet'])).code).toBe(0);
    expect(text(merged)).toBe(reference[method]!.rows);
    const analysed = await parley(['sensitivity', spec, '--method', method, '--analyse', merged, '--quiet']);
    expect(analysed.code).toBe(0);
    expect(analysed.stdout).toBe(reference[method]!.stdout);
    expect(text(join(dir, `${method}-merged.indices.csv`))).toBe(reference[method]!.indices);
  });
});

describe('what it prints', () => {
  it('a table per output, parameters ranked, the seed as the yardstick, the indices files for pandas', () => {
    const {stdout} = reference.morris!;
    expect(stdout).toMatch(/^three: Morris \(6 trajectories, 4 levels, 3 parameters, 2 replicates a point: 60 runs; 95% bootstrap intervals\)/);
    for (const output of ['completionDay', 'status=complete', 'status=broken', 'status=ongoing', 'walkouts']) expect(stdout).toContain(`\n${output}: mu* of changing the seed alone `);
    expect(stdout).toMatch(/\n {2}government\.batchSize +\S+ +\[/);
    expect(stdout).toMatch(/\n {2}\(seed\) +\S+ +\[/);
    expect(stdout).toMatch(/mu\* as the design grows +r=3 +r=6/);
    const [header, ...rows] = reference.morris!.indices.trim().split('\n');
    expect(header).toBe('output,factor,mu_star,mu_star_lo,mu_star_hi,mu,sigma,inert');
    expect(rows).toHaveLength(5 * 4); // 5 outputs × (3 parameters + the seed)
    expect(reference.sobol!.indices.split('\n')[0]).toBe('output,factor,st,st_lo,st_hi,s1,s1_lo,s1_hi,inert');
    // Second order: every pair of the 3 parameters, per output.
    const pairs = text(join(dir, 'sobol-1.interactions.csv')).trim().split('\n');
    expect(pairs[0]).toBe('output,factor_a,factor_b,s2,s2_lo,s2_hi');
    expect(pairs).toHaveLength(1 + 5 * 3);
    expect(reference.sobol!.stdout).toContain('strongest pairs (S2, second order)');
  });

  it('--json: the analysis as data', async () => {
    const r = await parley(['sensitivity', spec, '--analyse', join(dir, 'morris-1.csv'), '--json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as {method: string; runs: number; outputs: {output: string; factors: {factor: string; inert: boolean}[]; seed: {factor: string}}[]};
    expect(a.method).toBe('morris');
    expect(a.runs).toBe(60); // 6 trajectories × (3 parameters + 2) points × 2 replicates
    expect(a.outputs[0]!.factors.map((f) => f.factor).sort()).toEqual(['agents.government.params.batchSize', 'agents.taliban.params.ratio', 'agents.us.policy']);
    expect(a.outputs[0]!.seed.factor).toBe('seed');
  });
});

/** Sends SIGKILL once the output holds a few rows. */
function killOnceWritten(file: string): (child: ChildProcess) => void {
  return (child) => {
    const timer = setInterval(() => {
      try {
        if (lineCount(file) >= 3) {
          clearInterval(timer);
          child.kill('SIGKILL');
        }
      } catch {
        // not created yet
      }
    }, 20);
    child.on('exit', () => clearInterval(timer));
  };
}

describe('SIGKILL, then --resume', () => {
  it('finishes with the rows and the analysis of an uninterrupted run', async () => {
    const long = writeSpec(dir, 'long.yaml', SMALL.replace('trajectories: 6', 'trajectories: 150'));
    const full = join(dir, 'long-full.csv');
    const done = await parley(['sensitivity', long, '--out', full, '--quiet']);
    expect(done.code).toBe(0);
    const out = join(dir, 'long-killed.csv');
    const killed = await parley(['sensitivity', long, '--out', out, '--workers', '1'], {started: killOnceWritten(out)});
    expect(killed.signal).toBe('SIGKILL');
    expect(lineCount(out)).toBeLessThan(150 * 5 * 2 + 1);
    const resumed = await parley(['sensitivity', long, '--out', out, '--resume']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/resuming .*long-killed\.csv: [\d,]+ of 1,500 runs already done/);
    expect(text(out)).toBe(text(full));
    expect(resumed.stdout).toBe(done.stdout);
  });
});

async function refused(args: string[], pattern: RegExp): Promise<void> {
  const r = await parley(args);
  expect(r.stderr).toMatch(pattern);
  expect(hasStackTrace(r.stderr)).toBe(false);
  expect(r.stdout).toBe('');
  expect(r.code).toBe(2);
}

describe('refusals', () => {
  it('bad options', async () => {
    await refused(['sensitivity', spec, '--method', 'sobel'], /--method must be morris or sobol, got "sobel"/);
    await refused(['sensitivity', spec, '--analyse', 'x.csv', '--out', 'y.csv'], /--analyse runs nothing: it does not go with --out/);
    await refused(['sensitivity'], /sensitivity needs a spec: a file, or a bundled one \(afghanistan-2020-all\)/);
    await refused(['sensitivity', spec, '--out', join(dir, 'morris-1.csv')], /morris-1\.csv already exists: add --resume to continue it, or --force to start over/);
  });

  it('a bad spec names the file and the field', async () => {
    const bad = (name: string, from: string, to: string): string => writeSpec(dir, name, SMALL.replace(from, to));
    await refused(['sensitivity', bad('odd.yaml', 'levels: 4', 'levels: 5')], /odd\.yaml: invalid sensitivity spec\n {2}- morris\.levels: levels must be even/);
    await refused(['sensitivity', bad('agent.yaml', 'agents.taliban.params.ratio: {min: 1, max: 10}', 'taliban: range')], /agent\.yaml: invalid sensitivity spec\n {2}- parameters\.taliban: an agent takes all/);
    await refused(['sensitivity', bad('unknown.yaml', 'agents.government.params.batchSize: range', 'agents.government.params.batchSiz: range')], /unknown\.yaml: invalid sensitivity spec\n {2}- parameters\.agents\.government\.params\.batchSiz: \S+ \(the government's policy\) has no parameter batchSiz; it has batchSize,/);
    await refused(['sensitivity', bad('range.yaml', 'agents.taliban.params.ratio: {min: 1, max: 10}', 'agents.taliban.params.ratio: {min: -5, max: 10}')], /range\.yaml: point \d+ \(.*agents\.taliban\.params\.ratio=[-\d.]+.*\) makes an invalid scenario:\n[\s\S]*- agents\.taliban\.params\.ratio: Too small/);
    await refused(['sensitivity', bad('twice.yaml', 'agents.taliban.params.ratio: {min: 1, max: 10}', 'government: all')], /twice\.yaml: invalid sensitivity spec\n {2}- parameters\.government: agents\.government\.params\.batchSize is already among the parameters/);
    await refused(['sensitivity', bad('seed.yaml', 'agents.taliban.params.ratio: {min: 1, max: 10}', 'seed: {values: [a, b]}')], /seed\.yaml: invalid sensitivity spec\n {2}- parameters\.seed: the seed is the design's own factor/);
    const risk = writeSpec(dir, 'risk.yaml', SMALL.replace('outputs: [completionDay, status, walkouts]', 'outputs: [completionDay, peakStallRisk]'));
    await refused(['sensitivity', risk], /risk\.yaml: invalid sensitivity spec\n {2}- outputs\[1\]: peakStallRisk cannot be computed: stall risk is not estimated/);
    await refused(['sensitivity', bad('output.yaml', 'outputs: [completionDay, status, walkouts]', 'outputs: [completionDays]')], /output\.yaml: invalid sensitivity spec\n {2}- outputs\[0\]: /);
  });

  it('--analyse: a missing file, a file cut short, a file of the other method', async () => {
    await refused(['sensitivity', spec, '--analyse', join(dir, 'nope.csv')], /nope\.csv: no such file \(the results to analyse\)/);
    await refused(['sensitivity', spec, '--analyse', join(dir, 'runs.txt')], /--analyse .*runs\.txt: name a \.csv, \.ndjson or \.jsonl file/);
    const rows = reference.morris!.rows.split('\n');
    const short = join(dir, 'short.csv');
    writeFileSync(short, `${rows.slice(0, 50).join('\n')}\n`);
    await refused(['sensitivity', spec, '--analyse', short], /short\.csv: holds 49 of the 60 runs of .*small\.yaml \(method morris\): finish it with parley sensitivity .* --out .*short\.csv --resume/);
    await refused(['sensitivity', spec, '--method', 'sobol', '--analyse', join(dir, 'morris-1.csv')], /morris-1\.csv: not the results of .*small\.yaml with method sobol: line 2 \(run 0\)/);
  });
});
