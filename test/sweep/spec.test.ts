// Sweep specs: validated like scenarios (file and field named, exit 2 at the CLI), and the plan
// they make: run ids to points, replicates and seeds that re-run alone.
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {InputError} from '../../src/scenario/errors.js';
import {loadScenario} from '../../src/scenario/resolve.js';
import {runSimulation} from '../../src/sim/run.js';
import {runMetrics} from '../../src/sweep/metrics.js';
import {sweepSchema} from '../../src/sweep/spec.js';
import {bundledSweepNames, loadSweep, pointOverrides, runCoordinates, sweepRunner} from '../../src/sweep/plan.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-spec-'));
function specFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}
const problems = (file: string): string => {
  try {
    loadSweep(file);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected an InputError');
};

describe('sweep specs', () => {
  it('the bundled specs are valid', () => {
    expect(bundledSweepNames()).toEqual(expect.arrayContaining(['pace-and-patience', 'policy-matchups', 'trust-and-hazard']));
    for (const name of bundledSweepNames()) expect(loadSweep(name).runs).toBeGreaterThan(0);
  });

  it('names the file and every bad field', () => {
    const file = specFile('bad.yaml', 'name: bad\nscenario: baseline\nseed: 1\ndesign: cube\nreplicates: 0\nvary: {}\nextra: 1\n');
    const msg = problems(file);
    expect(msg).toContain(file);
    expect(msg).toMatch(/design/);
    expect(msg).toMatch(/replicates/);
    expect(msg).toMatch(/vary/);
    expect(msg).toMatch(/extra/);
  });

  it('asks for points in sampled designs, and steps or values in grids', () => {
    expect(problems(specFile('a.yaml', "name: a\nscenario: baseline\nseed: 1\ndesign: random\nvary: {world.violence: {min: 0, max: 2}}\n"))).toMatch(/points/);
    expect(problems(specFile('b.yaml', "name: b\nscenario: baseline\nseed: 1\nvary: {world.violence: {min: 0, max: 2}}\n"))).toMatch(/vary\.world\.violence\.step|step/);
  });

  it('refuses designs too large to hold, before building them, naming the field', () => {
    const grid = problems(specFile('big.yaml', 'name: big\nscenario: baseline\nseed: 1\nvary:\n  a.b: {min: 1, max: 100000, step: 1}\n  c.d: {values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101]}\n'));
    expect(grid).toMatch(/vary: the grid of these values has 10,100,000 points; at most 10,000,000/);
    const fine = problems(specFile('fine.yaml', 'name: fine\nscenario: baseline\nseed: 1\ndesign: random\npoints: 10\nvary: {world.violence: {min: 0, max: 1, step: 1e-12}}\n'));
    expect(fine).toMatch(/vary\.world\.violence\.step: 1,000,000,000,001 values from min to max at this step; at most 10,000,000/);
    // At the limit a grid is valid (checked on the schema alone: its design would take 80 MB).
    const edge = {name: 'edge', scenario: 'baseline', seed: 1, vary: {'a.b': {min: 1, max: 100000, step: 1}, 'c.d': {min: 1, max: 100, step: 1}}};
    expect(sweepSchema.safeParse(edge).success).toBe(true);
  });

  it('refuses whole numbers from a range that holds none', () => {
    const msg = problems(specFile('w.yaml', 'name: w\nscenario: baseline\nseed: 1\ndesign: random\npoints: 5\nvary: {world.violence: {min: 0.2, max: 0.8, integer: true}}\n'));
    expect(msg).toMatch(/vary\.world\.violence\.integer: no whole number from 0\.2 to 0\.8/);
  });

  it('beyond 2,000 points, checks a stepped range by its ends and second value: a fractional step on a whole-number field is refused up front', () => {
    const big = (name: string, range: string) =>
      specFile(`${name}.yaml`, `name: ${name}\nscenario: baseline\nseed: 1\ndesign: random\npoints: 3000\nset: [stall.rollouts=0]\nvary: {agents.government.params.batchSize: ${range}}\n`);
    expect(problems(big('half', '{min: 50, max: 1000, step: 0.5}'))).toMatch(/vary\.agents\.government\.params\.batchSize: the value 50\.5 makes an invalid scenario/);
    expect(problems(big('over', '{min: 50, max: 1000000, step: 1}'))).toMatch(/the value 1000000 makes an invalid scenario/);
    expect(loadSweep(big('fine', '{min: 10, max: 2000, step: 1}')).runs).toBe(3000);
  });

  it('rejects values the scenario would reject, naming the point and the parameter', () => {
    const msg = problems(specFile('c.yaml', 'name: c\nscenario: baseline\nseed: 1\nvary: {agents.government.params.batchSize: {values: [100, -5]}}\n'));
    expect(msg).toContain('point 1');
    expect(msg).toContain('agents.government.params.batchSize');
    expect(problems(specFile('d.yaml', 'name: d\nscenario: baseline\nseed: 1\nvary: {agents.taliban.policy: {values: [no-such-policy]}}\n'))).toMatch(/no-such-policy/);
  });

  it('maps run ids to points and replicates, with seeds from the master seed and the coordinates', () => {
    const plan = loadSweep(specFile('e.yaml', 'name: e\nscenario: baseline\nseed: m\nreplicates: 3\nset: [stall.rollouts=0]\nvary: {world.violence: {values: [1, 2]}}\n'));
    expect(plan.runs).toBe(6);
    expect([0, 1, 2, 3, 4, 5].map((r) => runCoordinates(plan, r))).toEqual([
      {point: 0, replicate: 0, seed: 'm-p0-r0'},
      {point: 0, replicate: 1, seed: 'm-p0-r1'},
      {point: 0, replicate: 2, seed: 'm-p0-r2'},
      {point: 1, replicate: 0, seed: 'm-p1-r0'},
      {point: 1, replicate: 1, seed: 'm-p1-r1'},
      {point: 1, replicate: 2, seed: 'm-p1-r2'},
    ]);
    // stall.rollouts=0: no stall-risk columns (columns.test.ts).
    expect(plan.columns).toEqual(['run', 'point', 'replicate', 'seed', 'world.violence', 'status', 'completionDay', 'releasedByGovernment', 'releasedByTaliban', 'batches', 'walkouts', 'stallEpisodes', 'stalledDays', 'peakViolence']);
  });

  it('a row is the same in any order, and re-runs alone from its seed and overrides', () => {
    const plan = loadSweep(specFile('f.yaml', 'name: f\nscenario: baseline\nseed: m\nreplicates: 4\nset: [stall.rollouts=0]\nvary: {agents.government.params.batchSize: {values: [50, 300]}}\n'));
    const forward = Array.from({length: plan.runs}, (_, r) => sweepRunner(plan)(r));
    const run = sweepRunner(plan);
    const backward = Array.from({length: plan.runs}, (_, r) => run(plan.runs - 1 - r)).reverse();
    expect(backward).toEqual(forward);
    const row = forward[6]!;
    const alone = loadScenario('baseline', {set: pointOverrides(plan, row.point as number), seed: row.seed as string}).config;
    const metrics = runMetrics(runSimulation(alone));
    for (const m of plan.metrics) expect(row[m]).toEqual(metrics[m]);
  });

  it('keeps only the metrics asked for, in the fixed order', () => {
    const plan = loadSweep(specFile('g.yaml', 'name: g\nscenario: baseline\nseed: m\nset: [stall.rollouts=0]\nmetrics: [walkouts, status]\nvary: {world.violence: {values: [1]}}\n'));
    expect(plan.columns).toEqual(['run', 'point', 'replicate', 'seed', 'world.violence', 'status', 'walkouts']);
    expect(Object.keys(sweepRunner(plan)(0))).toEqual(plan.columns);
  });
});
