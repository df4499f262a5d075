// Designs: which points a sweep runs. Grids enumerate, sampled designs draw from the master seed.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {createRng} from '../../src/sim/rng.js';
import {designPoints, gridPoints, latinHypercubePoints, randomPoints, steppedValues} from '../../src/sweep/design.js';
import {sweepSchema} from '../../src/sweep/spec.js';

const range = (min: number, max: number, extra: Record<string, unknown> = {}) => ({min, max, integer: false, ...extra});

describe('designs', () => {
  it('steps a range without float drift, including max when it falls on the grid', () => {
    expect(steppedValues(7, 28, 7)).toEqual([7, 14, 21, 28]);
    expect(steppedValues(0, 1, 0.1)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(steppedValues(0, 10, 4)).toEqual([0, 4, 8]);
  });

  it('a grid is the full product, first parameter slowest', () => {
    const pts = gridPoints([{values: ['a', 'b']}, range(1, 3, {step: 1})]);
    expect(pts).toEqual([
      ['a', 1],
      ['a', 2],
      ['a', 3],
      ['b', 1],
      ['b', 2],
      ['b', 3],
    ]);
  });

  it('random points stay in their ranges and lists, integers when asked', () => {
    const pts = randomPoints([range(2, 5), range(1, 10, {integer: true}), {values: [true, false]}], 500, createRng('r'));
    for (const [x, k, b] of pts) {
      expect(x).toBeGreaterThanOrEqual(2);
      expect(x).toBeLessThan(5);
      expect(Number.isInteger(k)).toBe(true);
      expect(k).toBeGreaterThanOrEqual(1);
      expect(k).toBeLessThanOrEqual(10);
      expect([true, false]).toContain(b);
    }
  });

  it('a Latin hypercube puts exactly one point in each of the n strata of every parameter', () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 60}), fc.string(), (n, seed) => {
        const pts = latinHypercubePoints([range(0, 1), range(-5, 5)], n, createRng(seed));
        expect(pts).toHaveLength(n);
        for (const [j, [lo, hi]] of [[0, [0, 1]], [1, [-5, 5]]] as const) {
          const strata = pts.map((p) => Math.floor((((p[j] as number) - lo) / (hi - lo)) * n)).sort((a, b) => a - b);
          expect(strata).toEqual(Array.from({length: n}, (_, i) => i));
        }
      }),
      {numRuns: 100},
    );
  });

  it('the same spec gives the same points; another master seed other points', () => {
    const spec = (seed: string) =>
      sweepSchema.parse({name: 'x', scenario: 'baseline', vary: {'world.violence': {min: 0, max: 2}}, design: 'latin-hypercube', points: 20, seed});
    expect(designPoints(spec('a'))).toEqual(designPoints(spec('a')));
    expect(designPoints(spec('a'))).not.toEqual(designPoints(spec('b')));
  });
});
