// Designs: which points a sweep runs. Grids enumerate, sampled designs draw from the master seed.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {createRng} from '../../src/sim/rng.js';
import {designPoints, gridPoints, latinHypercubePoints, randomPoints, valuesToCheck, type Design} from '../../src/sweep/design.js';
import {steppedValues} from '../../src/sweep/param-count.js';
import {sweepSchema} from '../../src/sweep/spec.js';

const range = (min: number, max: number, extra: Record<string, unknown> = {}) => ({min, max, integer: false, ...extra});
const pointsOf = (d: Design) => Array.from({length: d.size}, (_, i) => d.point(i));

describe('designs', () => {
  it('steps a range without float drift, including max when it falls on the grid', () => {
    expect(steppedValues(7, 28, 7)).toEqual([7, 14, 21, 28]);
    expect(steppedValues(0, 1, 0.1)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(steppedValues(0, 10, 4)).toEqual([0, 4, 8]);
  });

  it('a grid is the full product, first parameter slowest', () => {
    const pts = pointsOf(gridPoints([{values: ['a', 'b']}, range(1, 3, {step: 1})]));
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
    const pts = pointsOf(randomPoints([range(2, 5), range(1, 10, {integer: true}), {values: [true, false]}], 500, createRng('r')));
    for (const [x, k, b] of pts) {
      expect(x).toBeGreaterThanOrEqual(2);
      expect(x).toBeLessThan(5);
      expect(Number.isInteger(k)).toBe(true);
      expect(k).toBeGreaterThanOrEqual(1);
      expect(k).toBeLessThanOrEqual(10);
      expect([true, false]).toContain(b);
    }
  });

  it('whole numbers drawn from a range with fractional ends stay inside it', () => {
    const drawn = new Set(pointsOf(randomPoints([range(0.4, 2.6, {integer: true})], 2000, createRng('w'))).map(([k]) => k));
    expect([...drawn].sort()).toEqual([1, 2]);
  });

  it('checks a few values that stand for each parameter, never a whole stepped range', () => {
    expect(valuesToCheck({values: ['a', 3, true]})).toEqual(['a', 3, true]);
    expect(valuesToCheck(range(50, 1_000_000, {step: 0.5}))).toEqual([50, 50.5, 1_000_000]);
    expect(valuesToCheck(range(0, 1, {step: 0.1}))).toEqual([0, 0.1, 1]);
    expect(valuesToCheck(range(0, 10, {step: 4}))).toEqual([0, 4, 8]); // the last value on the grid, not max
    expect(valuesToCheck(range(3, 3, {step: 1}))).toEqual([3]);
    expect(valuesToCheck(range(3, 4, {step: 1}))).toEqual([3, 4]);
    expect(valuesToCheck(range(-1.5, 2.5))).toEqual([-1.5, 2.5]);
    expect(valuesToCheck(range(0.4, 10.7, {integer: true}))).toEqual([1, 10]);
  });

  it('a Latin hypercube puts exactly one point in each of the n strata of every parameter', () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 60}), fc.string(), (n, seed) => {
        const pts = pointsOf(latinHypercubePoints([range(0, 1), range(-5, 5)], n, createRng(seed)));
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
    expect(pointsOf(designPoints(spec('a')))).toEqual(pointsOf(designPoints(spec('a'))));
    expect(pointsOf(designPoints(spec('a')))).not.toEqual(pointsOf(designPoints(spec('b'))));
  });

  it('stores listed values as indexes into their list and continuous ones as numbers, whatever their type', () => {
    const params = [{values: ['tit-for-tat', 'hardline']}, {values: [true, false]}, range(0, 1, {step: 0.25}), range(-1, 1), {values: [0.5, 'x', false]}];
    const d = randomPoints(params, 300, createRng('mixed'));
    expect(d.byteLength).toBe(300 * (4 + 4 + 4 + 8 + 4));
    // What the lists of values take on the heap, which sizes a worker's heap: 8 bytes a listed value.
    expect(d.listBytes).toBe(8 * (2 + 2 + 5 + 3));
    for (const p of pointsOf(d)) {
      expect(['tit-for-tat', 'hardline']).toContain(p[0]);
      expect(typeof p[1]).toBe('boolean');
      expect([0, 0.25, 0.5, 0.75, 1]).toContain(p[2]);
      expect(p[3]).toBeGreaterThanOrEqual(-1);
      expect(p[3]).toBeLessThan(1);
      expect([0.5, 'x', false]).toContain(p[4]);
    }
    // Every listed value turns up, each in its own type.
    expect(new Set(pointsOf(d).map((p) => p[4]))).toEqual(new Set([0.5, 'x', false]));
  });

  it('a grid holds every combination once, in nested-loop order, for any list lengths', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({min: 1, max: 5}), {minLength: 1, maxLength: 4}), (lengths) => {
        const params = lengths.map((k, j) => ({values: Array.from({length: k}, (_, v) => `${j}:${v}`)}));
        const expected = lengths.reduce<string[][]>((pts, k, j) => pts.flatMap((pt) => Array.from({length: k}, (_, v) => [...pt, `${j}:${v}`])), [[]]);
        expect(pointsOf(gridPoints(params))).toEqual(expected);
      }),
      {numRuns: 100},
    );
  });
});
