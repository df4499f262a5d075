// The sensitivity plan: `all` expands to every parameter of the scenario's policies with its
// schema's range; the designs' points and shared seeds are laid out as the estimators read them.
import {afterAll, describe, expect, it} from 'vitest';
import {paramInfo} from '../../src/agents/param-info.js';
import {findPolicy} from '../../src/agents/registry.js';
import {loadSensitivity, SEED_FACTOR} from '../../src/sensitivity/plan.js';
import {runCoordinates} from '../../src/sweep/plan.js';
import {removeTempDirs, tempDir} from '../helpers/cli.js';
import {analyseInProcess, THREE_SPEC, writeSpec} from './sensitivity-helpers.js';

afterAll(removeTempDirs);


describe('parameters', () => {
  it('all: every parameter of the three policies, each over its schema range, in agent and schema order', () => {
    const file = writeSpec(tempDir(), 'all.yaml', 'name: all\nscenario: afghanistan-2020\nparameters: all\noutputs: [walkouts]\nseed: s\n');
    const plan = loadSensitivity(file, {check: false});
    const expected = (['government', 'taliban', 'us'] as const).flatMap((agent) => {
      const policy = findPolicy(agent, {government: 'two-level-ratifier', taliban: 'obstinate-list', us: 'deadline-hawk'}[agent])!;
      return paramInfo(policy).map((p) => `agents.${agent}.params.${p.name}`);
    });
    expect(plan.factors).toEqual([...expected, SEED_FACTOR]);
    expect(plan.sweep.spec.vary['agents.government.params.batchSize']).toEqual({min: 10, max: 2000, integer: true});
    expect(plan.sweep.spec.vary['agents.taliban.params.acceptUnilateral']).toEqual({values: [false, true]});
    expect(plan.sweep.spec.vary['agents.government.params.criteria']).toMatchObject({values: expect.arrayContaining(['humanitarian'])});
  });
});

describe('designs', () => {
  const file = writeSpec(tempDir(), 'three.yaml', THREE_SPEC);

  it('Morris: r(k + 2) points; a trajectory shares its seeds, and only the seed step changes them', () => {
    const plan = loadSensitivity(file, {method: 'morris', check: false});
    const k = 4; // 3 parameters and the seed
    expect(plan.sweep.design.size).toBe(6 * (k + 1));
    expect(plan.sweep.runs).toBe(6 * (k + 1) * 2);
    const d = plan.morris!;
    for (let t = 0; t < d.r; t++) {
      for (let s = 0; s < k; s++) {
        const before = t * (k + 1) + s;
        const seed = (p: number, rep: number) => runCoordinates(plan.sweep, p * 2 + rep).seed;
        const seedMoved = d.moved[t * k + s] === k - 1;
        expect(seed(before + 1, 0) !== seed(before, 0), `trajectory ${t} step ${s}`).toBe(seedMoved);
        expect(seed(before, 0)).not.toBe(seed(before, 1)); // replicates: other seeds
        expect(seed(before, 0)).toMatch(new RegExp(`^three, "quoted"-g${t}-v\\d-r0$`));
      }
    }
  });

  it('Sobol with second order: N(2K + 2) points; A_B and B_A take their columns and seeds as the estimators assume', () => {
    const plan = loadSensitivity(file, {method: 'sobol', check: false});
    const K = 4;
    const per = 2 * K + 2;
    expect(plan.perRow).toBe(per);
    expect(plan.sweep.design.size).toBe(8 * per);
    const values = (p: number) => plan.sweep.design.point(p);
    const variant = (p: number) => plan.sweep.design.seeds!.variant[p];
    for (let j = 0; j < 8; j++) {
      const at = (m: number) => j * per + m;
      const [a, b] = [values(at(0)), values(at(1))];
      expect([variant(at(0)), variant(at(1))]).toEqual([0, 1]);
      for (let i = 0; i < K; i++) {
        const ab = values(at(2 + i));
        const ba = values(at(2 + K + i));
        for (let c = 0; c < K - 1; c++) {
          expect(ab[c]).toEqual(c === i ? b[c] : a[c]);
          expect(ba[c]).toEqual(c === i ? a[c] : b[c]);
        }
        // The seed is the last factor: A's in A_B, B's in B_A, swapped in the seed's own.
        expect(variant(at(2 + i))).toBe(i === K - 1 ? 1 : 0);
        expect(variant(at(2 + K + i))).toBe(i === K - 1 ? 0 : 1);
      }
      for (let m = 0; m < per; m++) expect(plan.sweep.design.seeds!.group[at(m)]).toBe(j);
    }
  });

  it('Sobol with second order analyses every pair of parameters (not the seed), strongest first', () => {
    const {analysis} = analyseInProcess(file, 'sobol');
    const pairs = analysis.outputs[0]!.pairs!; // completionDay
    expect(pairs).toHaveLength(3);
    expect(pairs.flatMap((p) => p.factors)).not.toContain(SEED_FACTOR);
    expect(pairs.map((p) => p.s2)).toEqual([...pairs.map((p) => p.s2)].sort((x, y) => y - x));
  });
});
