// Peak and mean stall risk are taken over the days the talks are under way (from the first
// meeting, sim/under-way.ts), the same in a sweep's row and in the run report. On
// afghanistan-2020, whose talks start pending, the days before anyone has met carry no
// no-progress clock (sim/stall.ts), so their estimate is 0, not the near-certain 1 it was.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {parse} from 'csv-parse/sync';
import {afterAll, describe, expect, it} from 'vitest';
import {loadScenario} from '../../src/scenario/resolve.js';
import {buildReport} from '../../src/sim/report.js';
import {runSimulation, type RunResult} from '../../src/sim/run.js';
import {runMetrics} from '../../src/sweep/metrics.js';
import {parley, removeTempDirs, tempDir} from '../helpers/cli.js';

afterAll(removeTempDirs);

function run(scenario: string, seed: string, set: string[] = []): RunResult {
  const {config} = loadScenario(scenario, {seed, set: ['stall.rollouts=10', ...set]});
  return runSimulation(config, {stallRisk: true});
}

/** The onset estimates of the days from `from` on, as the report rounds them. */
function onsetFrom(result: RunResult, from: number): {day: number; p: number}[] {
  return buildReport(result, 'test')
    .daily.filter((d) => d.day >= from && d.stallRisk?.mode === 'onset')
    .map((d) => ({day: d.day, p: d.stallRisk!.p}));
}

describe('stall risk over the days the talks are under way', () => {
  it('on afghanistan-2020: from the first meeting, in the report and in the sweep row alike', () => {
    for (const seed of ['1', '2', '3']) {
      const result = run('afghanistan-2020', seed, ['days=90']);
      const met = result.state.convenedDay;
      expect(met, 'the talks convene on 31 March, day 31').toBe(31);
      // Before the first meeting the no-progress clock has not started: nothing is due.
      expect(onsetFrom(result, 1)[0]).toEqual({day: 1, p: 0});
      const days = onsetFrom(result, met);
      expect(days.length).toBeGreaterThan(0);
      const report = buildReport(result, 'test');
      expect(report.peakStallRisk!.day).toBeGreaterThanOrEqual(met);
      expect(report.peakStallRisk!.p).toBe(Math.max(...days.map((d) => d.p)));
      const metrics = runMetrics(result);
      expect(metrics.peakStallRisk).toBe(report.peakStallRisk!.p);
      expect(metrics.meanStallRisk).toBeCloseTo(days.reduce((s, d) => s + d.p, 0) / days.length, 3);
    }
  });

  it('is none when the talks never met (the run ends before the first meeting), though estimated daily', () => {
    const result = run('afghanistan-2020', '1', ['days=20']);
    expect(result.state.convenedDay).toBe(-1);
    expect(onsetFrom(result, 1).length).toBeGreaterThan(0);
    expect(buildReport(result, 'test').peakStallRisk).toBeNull();
    const metrics = runMetrics(result);
    expect([metrics.peakStallRisk, metrics.meanStallRisk]).toEqual([null, null]);
  });

  it('counts every day when the talks are active from day 0 (baseline)', () => {
    const result = run('baseline', '4', ['days=60']);
    expect(result.state.convenedDay).toBe(0);
    const days = onsetFrom(result, 1);
    expect(buildReport(result, 'test').peakStallRisk!.p).toBe(Math.max(...days.map((d) => d.p)));
    expect(runMetrics(result).meanStallRisk).toBeCloseTo(days.reduce((s, d) => s + d.p, 0) / days.length, 3);
  });

  it('tells the 300 runs of the bundled trust-and-hazard sweep apart', {timeout: 120_000}, async () => {
    const out = join(tempDir(), 'th.csv');
    const r = await parley(['sweep', 'trust-and-hazard', '--out', out, '--workers', '2', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = parse(readFileSync(out, 'utf8'), {columns: true}) as Record<string, string>[];
    expect(rows).toHaveLength(300);
    const peaks = new Set(rows.map((row) => row.peakStallRisk));
    const means = new Set(rows.map((row) => row.meanStallRisk));
    // Before, every row's peak was 1 (day 1) and the mean was pulled towards it.
    expect(peaks.size).toBeGreaterThan(1);
    expect(rows.filter((row) => row.peakStallRisk !== '1').length).toBeGreaterThan(0);
    expect(means.size).toBeGreaterThan(50);
    expect([...peaks, ...means].every((v) => v !== '' && Number(v) >= 0 && Number(v) <= 1)).toBe(true);
  });
});
