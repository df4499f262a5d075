// The calibration spec made concrete: the record split at the information date (the fit sees
// nothing after it), reported points only by default, priors checked against the policy schema,
// and bad specs refused naming the file and the field.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {loadCalibration, runValue, stagePlan} from '../../src/calibration/plan.js';
import {loadHistory} from '../../src/history/load.js';
import {InputError} from '../../src/scenario/errors.js';
import {removeTempDirs, tempDir} from '../helpers/cli.js';

afterAll(removeTempDirs);

const dir = tempDir();
function spec(name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, body);
  return file;
}
const BASE = `name: t
scenario: afghanistan-2020
information: 2020-06-30
parameters:
  agents.government.params.batchSize: {uniform: [50, 200]}
  agents.taliban.params.lagDays: range
seed: t
`;

describe('loadCalibration', () => {
  const plan = loadCalibration(spec('ok.yaml', BASE));

  it('fits only what was reported on or before the information date, and scores only what came after', () => {
    expect(plan.information).toEqual({date: '2020-06-30', day: 122});
    expect(plan.fitted.length).toBeGreaterThan(0);
    expect(plan.fitted.every((p) => p.date <= '2020-06-30')).toBe(true);
    expect(plan.heldOut.every((p) => p.date > '2020-06-30')).toBe(true);
    const history = loadHistory('afghanistan-2020');
    const reported = (['government', 'taliban'] as const).flatMap((s) => history.series[s].filter((p) => p.basis === 'reported'));
    expect(plan.fitted.length + plan.heldOut.length).toBe(reported.length);
    // The record has constructed points; the default leaves them out.
    const all = loadCalibration(spec('all.yaml', `${BASE}observed: {basis: all}\n`));
    expect(all.fitted.length + all.heldOut.length).toBeGreaterThan(reported.length);
  });

  it('takes each prior from the spec or the policy schema, and knows which parameters are whole numbers', () => {
    expect(plan.params.map((p) => [p.path, p.prior, p.integer])).toEqual([
      ['agents.government.params.batchSize', {kind: 'uniform', lo: 50, hi: 200}, true],
      ['agents.taliban.params.lagDays', {kind: 'uniform', lo: 0, hi: 60}, true],
    ]);
    expect(runValue(plan.params[0]!, 99.6)).toBe(100);
    expect(runValue(plan.params[0]!, 9000)).toBe(2000);
  });

  it("makes a stage's sweep: one run a particle, the observed dates as columns, seeds of the stage", () => {
    const sweep = stagePlan(plan, {kind: 'generation', generation: 2}, Float64Array.from([60.4, 3.2, 150, 9.7]));
    expect(sweep.runs).toBe(2);
    expect(sweep.design.point(0)).toEqual([60, 3]);
    expect(sweep.design.point(1)).toEqual([150, 10]);
    expect(sweep.columns).toContain('government@2020-06-09');
    expect(sweep.spec.seed).toBe('t-g2');
    expect(sweep.spec.set[0]).toBe('stall.rollouts=0');
  });
});

describe('bad specs', () => {
  const refused = (body: string): string => {
    try {
      loadCalibration(spec('bad.yaml', body));
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as Error).message;
    }
    throw new Error('accepted');
  };
  it('names the file and the field', () => {
    expect(refused(BASE.replace('batchSize', 'batchSise'))).toMatch(/bad\.yaml.*parameters\.agents\.government\.params\.batchSise: two-level-ratifier .* has no parameter batchSise/s);
    expect(refused(BASE.replace('[50, 200]', '[5, 200]'))).toMatch(/parameters\.agents\.government\.params\.batchSize\.uniform: \[5, 200\] goes outside the schema's range \[10, 2000\]/);
    expect(refused(BASE.replace('information: 2020-06-30\n', ''))).toMatch(/information: .* has no information date/);
    expect(refused(BASE.replace('2020-06-30', '2020-09-30'))).toMatch(/information: 2020-09-30 must be .* before the record's end \(2020-09-12\)/);
    expect(refused(`${BASE}abc: {particles: 100, proposals: 50}\n`)).toMatch(/abc\.proposals.*at least particles/);
    expect(refused(`${BASE}extra: 1\n`)).toMatch(/bad\.yaml/);
  });
});
