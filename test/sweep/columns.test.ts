// A sweep's columns are those every run can fill: with stall risk off (stall.rollouts=0) at some
// or all points there are no stall-risk columns, which would be empty in every row and untyped
// for pandas, R and DuckDB; asked for by name, they are an error. Workers make the same columns.
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {InputError} from '../../src/scenario/errors.js';
import {STALL_RISK_METRICS} from '../../src/sweep/metrics.js';
import {loadSweep, planFromSource, planSource, sweepRunner} from '../../src/sweep/plan.js';
import {SMALL_SPEC} from './sweep-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-columns-'));
let n = 0;
function spec(text: string): string {
  const file = join(dir, `spec-${n++}.yaml`);
  writeFileSync(file, `name: c\nscenario: baseline\nseed: m\ndays: 20\n${text}`);
  return file;
}
const stallColumns = (columns: readonly string[]): string[] => columns.filter((c) => (STALL_RISK_METRICS as readonly string[]).includes(c));

describe('the columns of a sweep', () => {
  it('leave out the stall-risk metrics when stall risk is off, and say why', () => {
    const plan = loadSweep(spec('set: [stall.rollouts=0]\nvary: {world.violence: {values: [1, 2]}}\n'));
    expect(stallColumns(plan.columns)).toEqual([]);
    expect(plan.columns).toContain('peakViolence');
    expect(plan.omitted).toEqual({metrics: ['peakStallRisk', 'meanStallRisk'], why: 'stall risk is not estimated in this sweep (stall.rollouts is 0)'});
    // The rows hold exactly the columns.
    const row = sweepRunner(plan)(0);
    expect(Object.keys(row)).toEqual(plan.columns);
    expect(row.peakStallRisk).toBeUndefined();
  });

  it('keep them when every point estimates stall risk, set or varied', () => {
    const on = loadSweep(spec('set: [stall.rollouts=5]\nvary: {world.violence: {values: [1]}}\n'));
    expect(stallColumns(on.columns)).toEqual(['peakStallRisk', 'meanStallRisk']);
    expect(on.omitted).toBeNull();
    const varied = loadSweep(spec('vary: {stall.rollouts: {values: [3, 5]}}\n'));
    expect(stallColumns(varied.columns)).toEqual(['peakStallRisk', 'meanStallRisk']);
    expect(typeof sweepRunner(varied)(0).meanStallRisk).toBe('number');
  });

  it('leave them out when only some points estimate it (stall.rollouts varied through 0)', () => {
    for (const values of ['{values: [0, 5]}', '{min: 0, max: 10, step: 5}']) {
      const plan = loadSweep(spec(`vary: {stall.rollouts: ${values}}\n`));
      expect(stallColumns(plan.columns), values).toEqual([]);
      expect(plan.omitted?.why).toBe('stall risk is not estimated at every point (vary.stall.rollouts has values of 0)');
    }
    const none = loadSweep(spec('vary: {stall.rollouts: {values: [0]}}\n'));
    expect(none.omitted?.why).toBe('stall risk is not estimated in this sweep (stall.rollouts is 0)');
  });

  it('refuse a stall-risk metric asked for by name that some run cannot fill, naming the field', () => {
    const file = spec('set: [stall.rollouts=0]\nmetrics: [status, meanStallRisk]\nvary: {world.violence: {values: [1]}}\n');
    expect(() => loadSweep(file)).toThrow(InputError);
    expect(() => loadSweep(file)).toThrow(`${file}: invalid sweep spec\n  - metrics[1]: meanStallRisk cannot be computed: stall risk is not estimated in this sweep (stall.rollouts is 0); set stall.rollouts above 0 at every point, or leave meanStallRisk out`);
    expect(() => loadSweep(file, {check: false})).toThrow(/metrics\[1\]: meanStallRisk cannot be computed/);
    // Asked for where every run fills it: kept.
    expect(loadSweep(spec('set: [stall.rollouts=5]\nmetrics: [meanStallRisk]\nvary: {world.violence: {values: [1]}}\n')).metrics).toEqual(['meanStallRisk']);
  });

  it('are the same in a worker, made from what the main thread read', () => {
    const file = join(dir, 'small.yaml');
    writeFileSync(file, SMALL_SPEC);
    const plan = loadSweep(file);
    const again = planFromSource(planSource(plan));
    expect(again.columns).toEqual(plan.columns);
    expect(again.omitted).toEqual(plan.omitted);
    expect(stallColumns(again.columns)).toEqual([]);
  });
});
