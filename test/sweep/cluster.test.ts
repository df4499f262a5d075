// The cluster recipe of docs/cluster/ (README shows it in full), run as Slurm would run it but
// without Slurm: each task is the script copied away and run by bash in the submit folder, with
// the environment a job array gives; one task is stopped by SIGTERM at its shell and resubmitted
// alone; then merge.sh. The merged file must be byte for byte one `parley sweep` of the spec, and
// so must local.sh's (xargs -P). The Slurm directives and README's copies are checked as text.
import type {ChildProcess} from 'node:child_process';
import {copyFileSync, existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {BIN, parley, removeTempDirs, ROOT, sh, tempDir, type CliResult} from '../helpers/cli.js';
import {lineCount, writeSpec} from './sweep-helpers.js';

afterAll(removeTempDirs);

const SCRIPTS = ['sweep.sbatch', 'merge.sh', 'local.sh'] as const;
type Script = (typeof SCRIPTS)[number];
const script = (name: Script): string => readFileSync(join(ROOT, 'docs/cluster', name), 'utf8');

/** 4 points × 300 replicates = 1,200 runs, no stall risk: 3 blocks of 400, well under a second each. */
const SPEC = `name: cluster
scenario: baseline
set: [stall.rollouts=0]
vary:
  agents.government.params.batchSize: {values: [50, 100, 150, 200]}
replicates: 300
seed: cluster
`;
const N = 3;

let dir: string;
let reference: {runs: string; summary: string};
beforeAll(async () => {
  dir = tempDir();
  writeSpec(dir, 'sweep.yaml', SPEC);
  const r = await parley(['sweep', 'sweep.yaml', '--out', 'reference.csv', '--workers', '2', '--quiet'], {cwd: dir});
  expect(r.code).toBe(0);
  reference = {runs: readFileSync(join(dir, 'reference.csv'), 'utf8'), summary: readFileSync(join(dir, 'reference.summary.csv'), 'utf8')};
});

/** What the user exports before sbatch (which hands the environment on), relative to the submit folder. */
const userEnv = (parts: string, runs: string): Record<string, string> => ({PARLEY: BIN, SPEC: 'sweep.yaml', PARTS: parts, N: String(N), RUNS: runs});

/** Runs a script as sbatch does: a copy in a spool folder, run by bash in the submit folder. */
function submit(name: Script, env: Record<string, string>, started?: (child: ChildProcess) => void): Promise<CliResult> {
  const spooled = join(tempDir(), 'slurm_script');
  copyFileSync(join(ROOT, 'docs/cluster', name), spooled);
  return sh('bash', [spooled], {cwd: dir, env, started});
}

/** One task of the array: `count` is SLURM_ARRAY_TASK_COUNT, N for the whole array, 1 for a task resubmitted alone. */
const task = (k: number, count: number, started?: (child: ChildProcess) => void): Promise<CliResult> =>
  submit('sweep.sbatch', {...userEnv('results', 'runs.csv'), SLURM_ARRAY_TASK_ID: String(k), SLURM_ARRAY_TASK_COUNT: String(count), SLURM_CPUS_PER_TASK: '1'}, started);

/** Sends SIGTERM to the task's shell (what Slurm signals at a time limit) once its block has a few rows. */
function terminateOnceWritten(file: string): (child: ChildProcess) => void {
  return (child) => {
    const timer = setInterval(() => {
      if (existsSync(file) && lineCount(file) >= 3) {
        clearInterval(timer);
        child.kill('SIGTERM');
      }
    }, 20);
    child.on('exit', () => clearInterval(timer));
  };
}

describe('the Slurm recipe, run as Slurm would', () => {
  it('a task stopped by SIGTERM and resubmitted alone, then merge.sh: one sweep, byte for byte', async () => {
    const [first, stopped, third] = await Promise.all([task(1, N), task(2, N, terminateOnceWritten(join(dir, 'results/part-2.csv'))), task(3, N)]);
    expect([first.code, third.code]).toEqual([0, 0]);
    // The shell exec'd parley, so the signal reached it: a clean stop and the resume command.
    expect(stopped).toMatchObject({code: 143, signal: null});
    expect(stopped.stderr).toMatch(/terminated \(SIGTERM\) after [\d,]+ of 400 runs; resume with: parley sweep sweep\.yaml --out results\/part-2\.csv --shard 2\/3 --resume\n$/);

    // A block is missing its end: the merge (which afterok would not even start) refuses.
    const early = await submit('merge.sh', userEnv('results', 'runs.csv'));
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/results\/part-3\.csv: starts at run 800, but runs \d+ to 799 are in none of the files/);
    expect(existsSync(join(dir, 'runs.csv'))).toBe(false);

    // sbatch --array=2: SLURM_ARRAY_TASK_COUNT is 1, the block is still 2 of 3, and it continues.
    const again = await task(2, 1);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/resuming results\/part-2\.csv: [\d,]+ of 400 runs already done/);
    expect(again.stderr).toMatch(/shard 2\/3 \(runs 400 to 799\)/);

    const merged = await submit('merge.sh', userEnv('results', 'runs.csv'));
    expect(merged.code).toBe(0);
    expect(merged.stderr).toMatch(/merged 3 files: 1,200 runs, the whole of cluster → runs\.csv/);
    expect(readFileSync(join(dir, 'runs.csv'), 'utf8')).toBe(reference.runs);
    expect(readFileSync(join(dir, 'runs.summary.csv'), 'utf8')).toBe(reference.summary);
  });
});

describe('local.sh, the same blocks with xargs -P', () => {
  it('writes the blocks and merges them into one sweep, byte for byte', async () => {
    const env = {...userEnv('local', 'local.csv'), N: '2', JOBS: '2', WORKERS: '1'};
    const r = await sh('bash', [join(ROOT, 'docs/cluster/local.sh')], {cwd: dir, env});
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'local.csv'), 'utf8')).toBe(reference.runs);
    expect(readFileSync(join(dir, 'local.summary.csv'), 'utf8')).toBe(reference.summary);
    for (const k of [1, 2]) expect(readFileSync(join(dir, `local/part-${k}.csv`), 'utf8'), `block ${k}`).toBe(block(k, 2));
  });
});

describe('the recipe for a sensitivity analysis (COMMAND=sensitivity)', () => {
  const SENSITIVITY = `name: cluster-sensitivity
scenario: baseline
set: [stall.rollouts=0]
parameters:
  agents.government.params.batchSize: range
  agents.taliban.params.ratio: {min: 1, max: 10}
outputs: [completionDay, walkouts]
morris: {trajectories: 10, levels: 4}
sobol: {samples: 10}
seed: cluster
`;
  // Sobol: its seeds take two variants per row, the case a wrong split would break first (Morris's shards: test/sensitivity).
  it.each(['sobol'])('%s: Slurm tasks, then merge.sh, and local.sh, give the rows and indices of one run', async (method) => {
    writeSpec(dir, 'sensitivity.yaml', SENSITIVITY);
    const one = await parley(['sensitivity', 'sensitivity.yaml', '--method', method, '--out', `one-${method}.csv`, '--quiet'], {cwd: dir});
    expect(one.code).toBe(0);
    const env = {...userEnv(`s-${method}`, `s-${method}.csv`), COMMAND: 'sensitivity', SPEC: 'sensitivity.yaml', METHOD: method};
    const tasks = await Promise.all([1, 2, 3].map((k) => submit('sweep.sbatch', {...env, SLURM_ARRAY_TASK_ID: String(k), SLURM_ARRAY_TASK_COUNT: String(N), SLURM_CPUS_PER_TASK: '1'})));
    expect(tasks.map((t) => t.code)).toEqual([0, 0, 0]);
    const merged = await submit('merge.sh', env);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(one.stdout);
    for (const tag of ['', '.indices', '.convergence']) expect(readFileSync(join(dir, `s-${method}${tag}.csv`), 'utf8'), tag).toBe(readFileSync(join(dir, `one-${method}${tag}.csv`), 'utf8'));
    const local = await sh('bash', [join(ROOT, 'docs/cluster/local.sh')], {cwd: dir, env: {...env, PARTS: `l-${method}`, RUNS: `l-${method}.csv`, N: '2', JOBS: '2', WORKERS: '1'}});
    expect(local.code).toBe(0);
    expect(local.stdout).toBe(one.stdout);
    expect(readFileSync(join(dir, `l-${method}.indices.csv`), 'utf8')).toBe(readFileSync(join(dir, `one-${method}.indices.csv`), 'utf8'));
  });
});

/** Block k of n of the reference (n divides its runs): the header and the block's rows. */
function block(k: number, n: number): string {
  const [header, ...rows] = reference.runs.split('\n').slice(0, -1);
  const size = rows.length / n;
  return [header, ...rows.slice((k - 1) * size, k * size)].join('\n') + '\n';
}

/** The value a script gives a variable by default (`NAME=${NAME:-value}`). */
const byDefault = (text: string, name: string): string | undefined => new RegExp(`^${name}=\\$\\{${name}:-([^}\\s]+)\\}`, 'm').exec(text)?.[1];

/** A script's `#SBATCH --option=value` directive. */
const directive = (text: string, option: string): string | undefined => new RegExp(`^#SBATCH --${option}=(\\S+)$`, 'm').exec(text)?.[1];

describe('the recipe as written', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  /** README's fenced block that holds the file: its second line names it. */
  function shown(name: Script): string {
    const start = readme.indexOf(`\`\`\`bash\n#!/bin/bash\n# docs/cluster/${name}:`);
    expect(start, `README shows docs/cluster/${name}`).toBeGreaterThanOrEqual(0);
    const body = readme.slice(start + '```bash\n'.length);
    return body.slice(0, body.indexOf('```'));
  }

  it.each(SCRIPTS)('README shows docs/cluster/%s in full, as it is', (name) => {
    expect(shown(name)).toBe(script(name));
  });

  it('the scripts share their defaults, and N is the size of the array', () => {
    const array = directive(script('sweep.sbatch'), 'array');
    expect(array).toMatch(/^1-\d+$/);
    for (const name of SCRIPTS) {
      expect(byDefault(script(name), 'N'), name).toBe(array!.slice(2));
      expect(byDefault(script(name), 'SPEC'), name).toBe('pace-and-patience');
      expect(byDefault(script(name), 'PARTS'), name).toBe('results');
    }
    expect(byDefault(script('local.sh'), 'RUNS')).toBe(byDefault(script('merge.sh'), 'RUNS'));
  });

  it('the array task keeps every attempt’s log and execs parley; no script or README line uses npx', () => {
    const sweep = script('sweep.sbatch');
    expect(directive(sweep, 'open-mode')).toBe('append');
    expect(sweep).toMatch(/^exec node "\$PARLEY" "\$COMMAND" "\$SPEC" /m);
    expect(byDefault(sweep, 'COMMAND')).toBe('sweep');
    expect(script('merge.sh')).toMatch(/^exec node "\$PARLEY" merge /m);
    for (const text of [readme, ...SCRIPTS.map(script)]) expect(text).not.toMatch(/^\s*npx parley/m);
  });

  it('README’s submit lines make the folder of every --output before the first sbatch', () => {
    const at = readme.indexOf('```sh\nexport PARLEY=');
    expect(at).toBeGreaterThanOrEqual(0);
    const lines = readme.slice(at + 6, readme.indexOf('```', at + 6)).split('\n');
    const firstSbatch = lines.findIndex((l) => /^[^#]*\bsbatch\b/.test(l));
    expect(lines[firstSbatch]).toMatch(/^jobid=\$\(sbatch --parsable \S+\/docs\/cluster\/sweep\.sbatch\)/);
    expect(lines[firstSbatch + 1]).toMatch(/^sbatch --dependency=afterok:\$jobid \S+\/docs\/cluster\/merge\.sh/);
    for (const name of ['sweep.sbatch', 'merge.sh'] as const) {
      const folder = directive(script(name), 'output')!.replace(/\/[^/]*$/, '');
      const made = lines.findIndex((l) => new RegExp(`^mkdir -p (.* )?${folder}( |$)`).test(l));
      expect(made, `${name} logs to ${folder}/`).toBeGreaterThanOrEqual(0);
      expect(made).toBeLessThan(firstSbatch);
    }
  });
});
