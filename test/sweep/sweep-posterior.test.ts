// A sweep whose runs draw their parameters from a posterior (the spec's `posterior:`, or
// --posterior): the rows are the same byte for byte on any number of workers and shards, they
// carry the particle and the posterior's digest, and --resume and merge refuse to join rows of
// two posteriors. Workers take the posterior from the main thread, not from the file.
import {copyFileSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {parse} from 'csv-parse/sync';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type * as RunSweepModule from '../../src/host/run-sweep.js';
import {drawParticle} from '../../src/scenario/posterior.js';
import type {RunReport} from '../../src/sim/report.js';
import type * as PlanModule from '../../src/sweep/plan.js';
import {rerunCommand, runCoordinates, type SweepPlan} from '../../src/sweep/plan.js';
import {findResumePoint} from '../../src/sweep/resume.js';
import {shardRange} from '../../src/sweep/shard.js';
import {parseSweepArgs, resumeCommand} from '../../src/cli/sweep.js';
import {BIN, distModule, parley, removeTempDirs, sh, tempDir} from '../helpers/cli.js';
import {expectedOutput, planOf, writeSpec} from './sweep-helpers.js';

afterAll(removeTempDirs);

const HEAD = 'particle,weight,agents.taliban.params.batchCap,agents.taliban.params.lagDays';
/** Two posteriors that differ in one value of one particle: their draws are the same, their runs not. */
const POSTERIOR = `# written by the tests\n${HEAD}\n0,0.3,20,6\n1,0.5,60,3\n2,0.2,120,10\n`;
const OTHER = `${HEAD}\n0,0.3,20,6\n1,0.5,60,3\n2,0.2,120,11\n`;

const spec = (posterior: string | null): string => `name: drawn
scenario: afghanistan-2020
${posterior === null ? '' : `posterior: ${posterior}\n`}set: [stall.rollouts=0]
vary:
  agents.government.params.batchSize: {values: [60, 120]}
replicates: 40
seed: drawn
`;

let dir: string;
let specFile: string;
let plan: SweepPlan;
beforeAll(() => {
  dir = tempDir();
  writeFileSync(join(dir, 'post.csv'), POSTERIOR);
  writeFileSync(join(dir, 'other.csv'), OTHER);
  specFile = writeSpec(dir, 'drawn.yaml', spec('post.csv'));
  writeSpec(dir, 'other.yaml', spec('other.csv'));
  writeSpec(dir, 'bare.yaml', spec(null));
  plan = planOf(specFile);
});

async function sweep(specName: string, out: string, ...args: string[]): Promise<string> {
  const r = await parley(['sweep', join(dir, specName), '--out', join(dir, out), '--quiet', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return readFileSync(join(dir, out), 'utf8');
}

describe('the rows', () => {
  it('are the same on 1 and 2 workers, and as computed in-process, with the particle each seed draws', async () => {
    const one = await sweep('drawn.yaml', 'w1.csv', '--workers', '1');
    expect(await sweep('drawn.yaml', 'w2.csv', '--workers', '2')).toBe(one);
    expect(one).toBe(expectedOutput(plan, 'csv'));
    const rows = parse(one, {columns: true}) as Record<string, string>[];
    expect(Object.keys(rows[0]!).slice(0, 7)).toEqual(['run', 'point', 'replicate', 'seed', 'agents.government.params.batchSize', 'particle', 'posterior']);
    expect(new Set(rows.map((r) => r.posterior))).toEqual(new Set([plan.posterior!.digest]));
    for (const r of rows) expect(Number(r.particle)).toBe(drawParticle(plan.posterior!, r.seed!));
    expect(new Set(rows.map((r) => r.particle))).toEqual(new Set(['0', '1', '2']));
  });

  it('are the same for 3 shards merged (with the spec, and without)', async () => {
    for (const k of [1, 2, 3]) await sweep('drawn.yaml', `part-${k}.csv`, '--shard', `${k}/3`, '--workers', '2');
    const parts = [2, 3, 1].map((k) => join(dir, `part-${k}.csv`));
    const merged = await parley(['merge', ...parts, '--spec', specFile, '--out', join(dir, 'merged.csv'), '--quiet']);
    expect(merged.code).toBe(0);
    expect(readFileSync(join(dir, 'merged.csv'), 'utf8')).toBe(readFileSync(join(dir, 'w1.csv'), 'utf8'));
    expect((await parley(['merge', ...parts])).stdout).toBe(readFileSync(join(dir, 'w1.csv'), 'utf8'));
  });

  it('are the same with --posterior on a spec that names none, whose resume command repeats it', async () => {
    expect(await sweep('bare.yaml', 'flag.csv', '--posterior', join(dir, 'post.csv'), '--workers', '2')).toBe(readFileSync(join(dir, 'w1.csv'), 'utf8'));
    const args = parseSweepArgs([join(dir, 'bare.yaml'), '--posterior', 'post.csv', '--out', join(dir, 'later.csv')]);
    expect(resumeCommand(args)).toBe(`parley sweep ${join(dir, 'bare.yaml')} --posterior post.csv --out ${join(dir, 'later.csv')} --resume`);
    // A spec that names a posterior and --posterior: refused, naming both.
    const both = await parley(['sweep', specFile, '--posterior', join(dir, 'other.csv')]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain(`--posterior ${join(dir, 'other.csv')}: ${specFile} names a posterior already (posterior: post.csv)`);
  });

  it('re-run alone through `parley run` with the command rerunCommand prints', async () => {
    const rows = parse(readFileSync(join(dir, 'w1.csv'), 'utf8'), {columns: true}) as Record<string, string>[];
    for (const run of [0, 57]) {
      const command = rerunCommand(plan, run).replace(/^parley /, `'${process.execPath}' '${BIN}' `);
      expect(command).toContain(`--posterior ${join(dir, 'post.csv')}`);
      const r = await sh('sh', ['-c', `${command} --json`]);
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout) as RunReport;
      expect(report.seed).toBe(runCoordinates(plan, run).seed);
      expect(String(report.posterior!.particle)).toBe(rows[run]!.particle);
      expect(String(report.totals.batches)).toBe(rows[run]!.batches);
      expect(String(report.totals.releasedByTaliban)).toBe(rows[run]!.releasedByTaliban);
    }
  });
});

describe('rows of two posteriors', () => {
  it('are refused by --resume, naming the posterior column, and the file is left alone', async () => {
    const whole = readFileSync(join(dir, 'w1.csv'), 'utf8');
    const prefix = whole.split('\n').slice(0, 30).join('\n') + '\n';
    const file = join(dir, 'prefix.csv');
    writeFileSync(file, prefix);
    const r = await parley(['sweep', join(dir, 'other.yaml'), '--out', file, '--resume']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot resume: line 2 \(run 0\) is not this sweep's row: posterior is [0-9a-f]{16}, this sweep's is [0-9a-f]{16}; nothing was changed/);
    expect(readFileSync(file, 'utf8')).toBe(prefix);
    // Nor is a file of the same spec without a posterior (its columns differ).
    const bare = await parley(['sweep', join(dir, 'bare.yaml'), '--out', file, '--resume']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain("its columns are not this sweep's");
    // The same posterior continues it to the whole sweep.
    expect(await sweep('drawn.yaml', 'prefix.csv', '--resume')).toBe(whole);
  });

  it('are refused in-process too, whatever the particles drawn', async () => {
    const other = planOf(join(dir, 'other.yaml'));
    expect(other.posterior!.digest).not.toBe(plan.posterior!.digest);
    await expect(findResumePoint(join(dir, 'w1.csv'), other, 'csv', {start: 0, end: other.runs}, () => {})).rejects.toThrow(/posterior is/);
  });

  it('are refused by merge, with the spec and without', async () => {
    await sweep('other.yaml', 'other-2.csv', '--shard', '2/3');
    const parts = [join(dir, 'part-1.csv'), join(dir, 'other-2.csv'), join(dir, 'part-3.csv')];
    const plain = await parley(['merge', ...parts]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(new RegExp(`^parley: ${join(dir, 'other-2.csv')}: its runs were drawn from another posterior than ${join(dir, 'part-1.csv')}'s`));
    const checked = await parley(['merge', ...parts, '--spec', specFile]);
    expect(checked.code).toBe(2);
    const start = shardRange(plan.runs, {k: 2, n: 3}).start;
    expect(checked.stderr).toContain(`${join(dir, 'other-2.csv')}: line 2 (run ${start}) is not this sweep's row: posterior is`);
    // Rows of two posteriors in one file.
    const mixed = join(dir, 'mixed.csv');
    const [head, ...rows] = readFileSync(join(dir, 'part-1.csv'), 'utf8').trimEnd().split('\n');
    writeFileSync(mixed, [head, ...rows.slice(0, -1), rows.at(-1)!.replace(plan.posterior!.digest, '0123456789abcdef')].join('\n') + '\n');
    const one = await parley(['merge', mixed]);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain(`${mixed} line ${rows.length + 1}: posterior is 0123456789abcdef, line 2's is ${plan.posterior!.digest}: its runs were drawn from two posteriors`);
  });
});

describe('the spec', () => {
  it('refuses a varied or set path that the posterior draws, naming both', async () => {
    const varied = writeSpec(dir, 'varied.yaml', spec('post.csv').replace('agents.government.params.batchSize', 'agents.taliban.params.lagDays'));
    const r = await parley(['sweep', varied]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`parley: ${varied}: vary.agents.taliban.params.lagDays and the posterior ${join(dir, 'post.csv')} (column agents.taliban.params.lagDays) both set agents.taliban.params.lagDays: a run would take one of the two without saying which; keep one\n`);
    const set = writeSpec(dir, 'set.yaml', spec('post.csv').replace('set: [stall.rollouts=0]', 'set: [stall.rollouts=0, agents.taliban.params.batchCap=5]'));
    expect((await parley(['sweep', set])).stderr).toContain(`${set}: set agents.taliban.params.batchCap=5 and the posterior`);
  });

  it('refuses a particle the scenario refuses, naming the posterior, its line and column', async () => {
    writeFileSync(join(dir, 'bad.csv'), `${HEAD}\n0,1,20,6\n1,1,20,-3\n`);
    const r = await parley(['sweep', writeSpec(dir, 'bad.yaml', spec('bad.csv'))]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${join(dir, 'bad.csv')} line 3 (particle 1), column agents.taliban.params.lagDays = -3: `);
  });
});

describe('a point', () => {
  it('whose policy has no drawn parameter is refused before any run, naming the point and the particle', async () => {
    writeFileSync(join(dir, 'sizes.csv'), 'particle,weight,agents.government.params.batchSize\n0,1,50\n');
    const text = spec('sizes.csv').replace('agents.government.params.batchSize: {values: [60, 120]}', 'agents.government.policy: {values: [two-level-ratifier, boulware]}');
    const file = writeSpec(dir, 'policies.yaml', text);
    const r = await parley(['sweep', file, '--out', join(dir, 'policies.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: point 1 (agents.government.policy=boulware) with particle 0 of ${join(dir, 'sizes.csv')} (line 2) makes an invalid scenario:`);
    expect(r.stderr).toContain('agents.government.params: unknown field "batchSize"');
  });
});

describe('worker threads', () => {
  it('take the posterior from the main thread: the same rows once the file is gone', async () => {
    const dist = async <T>(path: string): Promise<T> => (await import(distModule(path))) as T;
    const {loadSweep} = await dist<typeof PlanModule>('sweep/plan.js');
    const {runSweep} = await dist<typeof RunSweepModule>('host/run-sweep.js');
    const own = tempDir();
    copyFileSync(join(dir, 'post.csv'), join(own, 'post.csv'));
    const p = loadSweep(writeSpec(own, 'drawn.yaml', spec('post.csv')));
    const rows = async (): Promise<string> => {
      const decoder = new TextDecoder();
      let text = '';
      await runSweep({plan: p, workers: 2, chunkSize: 15, write: (bytes) => void (text += decoder.decode(bytes))});
      return text;
    };
    const before = await rows();
    rmSync(join(own, 'post.csv'));
    expect(await rows()).toBe(before);
    expect(before).toBe(expectedOutput(plan, 'csv').slice(expectedOutput(plan, 'csv').indexOf('\n') + 1));
  });
});
