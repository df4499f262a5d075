// The Saltelli design: shapes, which columns each A_B^(i) (and B_A^(i)) takes from where, the run
// count, prefixes, and reproducibility from the caller's source.
import {describe, expect, it} from 'vitest';
import {createRng} from '../../src/sim/rng.js';
import {saltelli, saltelliRuns} from '../../src/stats/saltelli.js';

const uniform = (seed: string) => {
  const rng = createRng(seed);
  return () => rng.next();
};

describe('saltelli', () => {
  const n = 50;
  const k = 4;
  const d = saltelli(n, k, uniform('design'), true);

  it('A and B are N×k row-major samples of the unit cube, and differ', () => {
    expect(d.a.length).toBe(n * k);
    expect(d.b.length).toBe(n * k);
    for (const m of [d.a, d.b]) for (const x of m) expect(x >= 0 && x < 1).toBe(true);
    expect(d.a.some((x, p) => x !== d.b[p])).toBe(true);
    // Independent draws: no shared values at all.
    expect(new Set([...d.a, ...d.b]).size).toBe(2 * n * k);
  });

  it('A_B^(i) is A with exactly column i from B; B_A^(i) is B with column i from A', () => {
    expect(d.ab).toHaveLength(k);
    expect(d.ba).toHaveLength(k);
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < n; j++) {
        for (let c = 0; c < k; c++) {
          const p = j * k + c;
          expect(d.ab[i]![p]).toBe(c === i ? d.b[p] : d.a[p]);
          expect(d.ba![i]![p]).toBe(c === i ? d.a[p] : d.b[p]);
        }
      }
    }
  });

  it('without the flag there is no second-order design; runs N(k+2), or N(2k+2) with it', () => {
    expect(saltelli(3, 2, uniform('x')).ba).toBeUndefined();
    expect(saltelliRuns(1000, 3)).toBe(5000);
    expect(saltelliRuns(1000, 3, true)).toBe(8000);
  });

  it('the first rows of a bigger design from the same source are the smaller design', () => {
    const small = saltelli(20, k, uniform('prefix'));
    const big = saltelli(60, k, uniform('prefix'));
    expect(big.a.subarray(0, 20 * k)).toEqual(small.a);
    expect(big.b.subarray(0, 20 * k)).toEqual(small.b);
    expect(big.ab[2]!.subarray(0, 20 * k)).toEqual(small.ab[2]);
  });

  it('same source, same design; another seed, another design', () => {
    const again = saltelli(n, k, uniform('design'), true);
    expect(again).toEqual(d);
    expect(saltelli(n, k, uniform('other')).a).not.toEqual(d.a);
  });

  it('refuses sizes that are not positive integers', () => {
    expect(() => saltelli(0, 2, uniform('x'))).toThrow(/N must be a positive integer/);
    expect(() => saltelli(5, 1.5, uniform('x'))).toThrow(/k must be a positive integer/);
  });
});
