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
    expect(plan.columns).toEqual(['run', 'point', 'replicate', 'seed', 'world.violence', 'status', 'completionDay', 'releasedByGovernment', 'releasedByTaliban', 'batches', 'walkouts', 'stallEpisodes', 'stalledDays', 'peakStallRisk', 'meanStallRisk', 'peakViolence']);
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
