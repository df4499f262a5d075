// Invariants of Morris trajectories, for any size and seed: on the grid, one input per step by
// exactly Δ, each input once per trajectory, and the same design from the same seed.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {createRng} from '../../src/sim/rng.js';
import {morrisDelta, morrisDesign} from '../../src/stats/morris-design.js';

const uniform = (seed: string): (() => number) => {
  const rng = createRng(seed);
  return () => rng.next();
};

describe('morrisDesign', () => {
  it('Δ = p / (2(p − 1)): 2/3 on four levels, 1 on two', () => {
    expect(morrisDelta(4)).toBeCloseTo(2 / 3, 15);
    expect(morrisDelta(2)).toBe(1);
  });

  it('every point is on the grid; each step moves one input, the one recorded, by the recorded ±Δ; each input moves once', () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 12}), fc.integer({min: 1, max: 6}), fc.constantFrom(2, 4, 6, 8), fc.string(), (k, r, p, seed) => {
        const d = morrisDesign(k, r, p, uniform(seed));
        expect(d.points.length).toBe(r * (k + 1) * k);
        const at = (row: number, i: number): number => d.points[row * k + i]!;
        for (const x of d.points) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
          expect(x).toBe(Math.round(x * (p - 1)) / (p - 1));
        }
        for (let t = 0; t < r; t++) {
          const movedHere = new Set<number>();
          for (let s = 0; s < k; s++) {
            const row = t * (k + 1) + s;
            const changed = [...Array(k).keys()].filter((i) => at(row + 1, i) !== at(row, i));
            const i = d.moved[t * k + s]!;
            expect(changed).toEqual([i]);
            // In whole levels the step is exactly p/2; in the unit scale, Δ up to rounding.
            expect(Math.round((at(row + 1, i) - at(row, i)) * (p - 1))).toBe(d.sign[t * k + s]! * (p / 2));
            expect(Math.abs(at(row + 1, i) - at(row, i) - d.sign[t * k + s]! * d.delta)).toBeLessThan(1e-12);
            movedHere.add(i);
          }
          expect(movedHere.size).toBe(k);
        }
      }),
      {numRuns: 100},
    );
  });

  it('starts anywhere on the grid, moves both ways, and in every order', () => {
    const d = morrisDesign(3, 200, 4, uniform('starts'));
    const starts = new Set<number>();
    for (let t = 0; t < d.r; t++) for (let i = 0; i < d.k; i++) starts.add(d.points[t * (d.k + 1) * d.k + i]!);
    expect([...starts].sort()).toEqual([0, 1 / 3, 2 / 3, 1]);
    expect(new Set(d.sign)).toEqual(new Set([1, -1]));
    const orders = new Set<string>();
    for (let t = 0; t < d.r; t++) orders.add(Array.from(d.moved.subarray(t * d.k, (t + 1) * d.k)).join(''));
    expect(orders.size).toBe(6);
  });

  it('the same seed gives the same design; another seed another one', () => {
    const a = morrisDesign(5, 10, 4, uniform('s'));
    expect(morrisDesign(5, 10, 4, uniform('s'))).toEqual(a);
    expect(morrisDesign(5, 10, 4, uniform('t')).points).not.toEqual(a.points);
  });

  it('refuses sizes it cannot build, naming the argument', () => {
    const next = uniform('x');
    expect(() => morrisDesign(0, 4, 4, next)).toThrow(/k must be/);
    expect(() => morrisDesign(3, 1.5, 4, next)).toThrow(/r must be/);
    expect(() => morrisDesign(3, 4, 5, next)).toThrow(/p must be an even/);
  });
});
