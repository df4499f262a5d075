// `parley sweep` and `parley merge` end to end, through the built CLI: the rows are the same,
// byte for byte, whatever the worker count and however the sweep is split into shards; the CSV
// reads back strictly as RFC 4180 with one record a run; any row re-runs alone from its seed.
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {parse} from 'csv-parse/sync';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {loadScenario} from '../../src/scenario/resolve.js';
import type {RunReport} from '../../src/sim/report.js';
import {runSimulation} from '../../src/sim/run.js';
import {runMetrics} from '../../src/sweep/metrics.js';
import {pointOverrides, rerunCommand, runCoordinates, type SweepPlan} from '../../src/sweep/plan.js';
import {BIN, parley, removeTempDirs, sh, tempDir} from '../helpers/cli.js';
import {expectedOutput, planOf, SMALL_SPEC, writeSpec} from './sweep-helpers.js';

afterAll(removeTempDirs);

let dir: string;
let spec: string;
let plan: SweepPlan;
beforeAll(() => {
  dir = tempDir();
  spec = writeSpec(dir, 'small.yaml', SMALL_SPEC);
  plan = planOf(spec);
});

async function sweep(out: string, ...args: string[]): Promise<string> {
  const r = await parley(['sweep', spec, '--out', join(dir, out), ...args]);
  expect(r.stderr).not.toMatch(/error/i);
  expect(r.code).toBe(0);
  return readFileSync(join(dir, out), 'utf8');
}

describe('the same rows, byte for byte', () => {
  it('for --workers 1, 2 and 3, equal to the rows computed in-process', async () => {
    const outputs = [await sweep('w1.csv', '--workers', '1'), await sweep('w2.csv', '--workers', '2'), await sweep('w3.csv', '--workers', '3')];
    expect(outputs[0]).toBe(expectedOutput(plan, 'csv'));
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  });

  it('for 3 shards merged, in any order, and the merge writes the same summary', async () => {
    for (const k of [1, 2, 3]) await sweep(`part-${k}.csv`, '--shard', `${k}/3`, '--workers', '2');
    const parts = [3, 1, 2].map((k) => join(dir, `part-${k}.csv`));
    const r = await parley(['merge', ...parts, '--spec', spec, '--out', join(dir, 'merged.csv')]);
    expect(r.stderr).toContain('merged 3 files: 200 runs, the whole of small');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'merged.csv'), 'utf8')).toBe(await sweep('whole.csv', '--workers', '2'));
    expect(readFileSync(join(dir, 'merged.summary.csv'), 'utf8')).toBe(readFileSync(join(dir, 'whole.summary.csv'), 'utf8'));
    // Without --spec: the rows only, to stdout.
    const plain = await parley(['merge', ...parts]);
    expect(plain.stdout).toBe(readFileSync(join(dir, 'whole.csv'), 'utf8'));
  });

  it('as NDJSON, for 1 and 3 workers, and on stdout as in a file', async () => {
    const one = await sweep('w1.ndjson', '--workers', '1');
    expect(one).toBe(expectedOutput(plan, 'ndjson'));
    expect(await sweep('w3.jsonl', '--workers', '3')).toBe(one);
    const r = await parley(['sweep', spec, '--format', 'ndjson', '--workers', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(one);
  });
});

describe('the CSV', () => {
  it('parses strictly (RFC 4180) into one record a run, with the header columns in order', () => {
    const text = readFileSync(join(dir, 'w1.csv'), 'utf8');
    // csv-parse's defaults are strict: quotes must balance, every record as long as the header.
    const records = parse(text, {columns: true}) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual(plan.columns);
    expect(records.map((r) => r.run)).toEqual(Array.from({length: 200}, (_, i) => String(i)));
    expect(records.map((r) => r.seed)).toEqual(Array.from({length: 200}, (_, i) => runCoordinates(plan, i).seed));
    expect(records[0]!.seed).toBe('tiny, "quoted"-p0-r0');
    expect(new Set(records.map((r) => r.status))).not.toContain('');
  });

  it('has a value in every column: no stall-risk columns when stall risk is off, in the rows or the summary', async () => {
    const r = await parley(['sweep', spec, '--out', join(dir, 'typed.csv'), '--workers', '2']);
    expect(r.code).toBe(0);
    const why = 'parley: no peakStallRisk or meanStallRisk column: stall risk is not estimated in this sweep (stall.rollouts is 0)\n';
    expect(r.stderr.split(why)).toHaveLength(2);
    for (const file of ['typed.csv', 'typed.summary.csv']) {
      const records = parse(readFileSync(join(dir, file), 'utf8'), {columns: true}) as Record<string, string>[];
      const columns = Object.keys(records[0]!);
      expect(columns.filter((c) => /StallRisk/.test(c)), file).toEqual([]);
      // A column empty in every row has no type for pandas, R or DuckDB.
      expect(columns.filter((c) => records.every((rec) => rec[c] === '')), file).toEqual([]);
    }
    // parley summarize makes the same summary from the rows.
    const again = await parley(['summarize', join(dir, 'typed.csv'), '--out', join(dir, 'again.summary.csv')]);
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, 'again.summary.csv'), 'utf8')).toBe(readFileSync(join(dir, 'typed.summary.csv'), 'utf8'));
  });

  it('any row re-runs alone from its seed with the same metrics', () => {
    const records = parse(readFileSync(join(dir, 'w1.csv'), 'utf8'), {columns: true}) as Record<string, string>[];
    for (const rec of records) {
      const run = Number(rec.run);
      const {point, seed} = runCoordinates(plan, run);
      expect(rec.seed).toBe(seed);
      const {config} = loadScenario(plan.scenario, {set: pointOverrides(plan, point), days: plan.spec.days, seed});
      const metrics = runMetrics(runSimulation(config));
      for (const m of plan.metrics) expect(rec[m], `run ${run} ${m}`).toBe(metrics[m] === null ? '' : String(metrics[m]));
    }
  });

  it('and through `parley run` with the command rerunCommand prints', async () => {
    const records = parse(readFileSync(join(dir, 'w1.csv'), 'utf8'), {columns: true}) as Record<string, string>[];
    for (const run of [0, 137]) {
      const command = rerunCommand(plan, run).replace(/^parley /, `'${process.execPath}' '${BIN}' `);
      const r = await sh('sh', ['-c', `${command} --json`]);
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout) as RunReport;
      const rec = records[run]!;
      expect(report.seed).toBe(rec.seed);
      expect(report.outcome.status).toBe(rec.status);
      expect(String(report.outcome.status === 'complete' ? report.outcome.day : '')).toBe(rec.completionDay);
      const t = report.totals;
      expect([t.releasedByGovernment, t.releasedByTaliban, t.batches, t.walkouts, t.stallEpisodes, t.stalledDays].map(String)).toEqual(
        [rec.releasedByGovernment, rec.releasedByTaliban, rec.batches, rec.walkouts, rec.stallEpisodes, rec.stalledDays],
      );
    }
  });
});

describe('the summary', () => {
  it('goes to FILE.summary.csv with the table on stdout, or all to stderr when the rows go to stdout', async () => {
    const r = await parley(['sweep', spec, '--out', join(dir, 'placed.csv'), '--workers', '2']);
    expect(r.stdout).toMatch(/^8 points, 200 runs\n/);
    expect(r.stderr).toMatch(/summary of 8 points → .*placed\.summary\.csv/);
    const summary = parse(readFileSync(join(dir, 'placed.summary.csv'), 'utf8'), {columns: true}) as Record<string, string>[];
    expect(summary.map((s) => s.point)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
    expect(summary.every((s) => s.runs === '25')).toBe(true);

    const piped = await parley(['sweep', spec, '--workers', '2']);
    expect(piped.stdout).toBe(readFileSync(join(dir, 'placed.csv'), 'utf8'));
    expect(piped.stderr).toMatch(/8 points, 200 runs\n/);
  });

  it('has no columns that would be empty in every row: no spread with one run a point, no shares of metrics not kept', async () => {
    const one = writeSpec(dir, 'one.yaml', `${SMALL_SPEC.replace('replicates: 25', 'replicates: 1')}metrics: [walkouts, peakViolence]\n`);
    const out = join(dir, 'one.csv');
    const r = await parley(['sweep', one, '--out', out, '--workers', '1', '--quiet']);
    expect(r.code).toBe(0);
    const summary = readFileSync(join(dir, 'one.summary.csv'), 'utf8');
    expect(summary.split('\n')[0]).toBe('point,agents.government.params.batchSize,agents.taliban.policy,runs,walkouts_mean,peakViolence_mean');
    const again = await parley(['summarize', out, '--out', join(dir, 'one-again.summary.csv')]);
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, 'one-again.summary.csv'), 'utf8')).toBe(summary);
  });

  it('is not made for a shard, which says how to get it', async () => {
    const r = await parley(['sweep', spec, '--out', join(dir, 'shard.csv'), '--shard', '2/3', '--workers', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/shard 2\/3 \(runs 66 to 132\): 67 runs/);
    expect(r.stderr).toMatch(/no summary for a shard .*parley merge.*parley summarize/);
  });
});

// Loaded by the analysis tools researchers use: .ci/run installs pandas and R from Debian's
// packages and DuckDB's Node package (npm install --no-save after npm ci: its native bindings do
// not lock for every platform, so it cannot be a devDependency); elsewhere these tests skip when
// the tool is missing, and in CI they fail.
const has = (cmd: string, args: string[]): boolean => {
  try {
    execFileSync(cmd, args, {stdio: 'ignore'});
    return true;
  } catch {
    return false;
  }
};
const python = ['python3', '/usr/bin/python3'].find((py) => has(py, ['-c', 'import pandas; pandas.read_csv']));
const rscript = has('Rscript', ['--version']);
/** The little of @duckdb/node-api the test uses (imported by name: it is not a dependency). */
interface DuckDb {
  DuckDBInstance: {create(path: string): Promise<{connect(): Promise<{runAndReadAll(sql: string): Promise<{getRowObjectsJson(): Record<string, unknown>[]}>}>}>};
}
const duckdbModule = '@duckdb/node-api';
const duckdb = (await import(duckdbModule).catch(() => null)) as DuckDb | null;
const inCi = process.env.CI === 'true';

describe('analysis tools', () => {
  it.skipIf(!python && !inCi)('pandas reads one row a run with the header columns', () => {
    const script = `import pandas as pd, sys; d = pd.read_csv(sys.argv[1]); print(len(d), ','.join(d.columns), d['seed'][0], d['completionDay'].dtype)`;
    const out = execFileSync(python ?? 'python3', ['-c', script, join(dir, 'w1.csv')], {encoding: 'utf8'}).trim();
    expect(out).toBe(`200 ${plan.columns.join(',')} tiny, "quoted"-p0-r0 float64`);
  });

  it.skipIf(!rscript && !inCi)('R reads one row a run with the header columns', () => {
    const script = 'd <- read.csv(commandArgs(TRUE)[1], check.names = FALSE); cat(nrow(d), paste(names(d), collapse = ","), d$seed[1], sep = "\\n")';
    const out = execFileSync('Rscript', ['-e', script, join(dir, 'w1.csv')], {encoding: 'utf8'}).trim().split('\n');
    expect(out).toEqual(['200', plan.columns.join(','), 'tiny, "quoted"-p0-r0']);
  });

  it.skipIf(!duckdb && !inCi)('DuckDB reads one row a run, with the header columns and their types', async () => {
    if (!duckdb) throw new Error('@duckdb/node-api is not installed (.ci/run installs it)');
    const db = await (await duckdb.DuckDBInstance.create(':memory:')).connect();
    const from = `read_csv('${join(dir, 'w1.csv')}', header = true, auto_detect = true)`;
    const query = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJson();
    const columns = await query(`DESCRIBE SELECT * FROM ${from}`);
    expect(columns.map((c) => c.column_name)).toEqual(plan.columns);
    const type = (name: string) => columns.find((c) => c.column_name === name)!.column_type;
    expect(type('run')).toMatch(/INT/);
    expect(type('seed')).toBe('VARCHAR');
    const [summary] = await query(`SELECT count(*)::INTEGER AS n, min(run)::INTEGER AS lo, max(run)::INTEGER AS hi, first(seed ORDER BY run) AS seed FROM ${from}`);
    expect(summary).toEqual({n: 200, lo: 0, hi: 199, seed: 'tiny, "quoted"-p0-r0'});
    // Stall risk is off in this spec: every metric but status is a number (avg() works on each).
    const text = new Set(['seed', 'status', 'agents.taliban.policy']);
    expect(columns.filter((c) => !text.has(c.column_name as string) && !/INT|DOUBLE|FLOAT|DECIMAL/.test(c.column_type as string))).toEqual([]);
    await query(`SELECT ${plan.metrics.filter((m) => m !== 'status').map((m) => `avg("${m}")`).join(', ')} FROM ${from}`);
  });

});
