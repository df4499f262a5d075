// The Cholesky factor against a textbook example, L Lᵀ = A on random positive definite
// matrices, the refusal of singular and indefinite ones, and |L⁻¹ d|² = dᵀ A⁻¹ d.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {cholesky, solvedNormSquared} from '../../src/stats/cholesky.js';

/** B Bᵀ + I for a random n × n B: positive definite. */
const spd = (n: number) =>
  fc.array(fc.double({min: -3, max: 3, noNaN: true}), {minLength: n * n, maxLength: n * n}).map((b) => {
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) a[i * n + j] = a[i * n + j]! + b[i * n + k]! * b[j * n + k]!;
    for (let i = 0; i < n; i++) a[i * n + i] = a[i * n + i]! + 1;
    return a;
  });

describe('cholesky', () => {
  it('factors the classic 3 × 3 example exactly', () => {
    // A = [[4, 12, −16], [12, 37, −43], [−16, −43, 98]] = L Lᵀ with L = [[2, 0, 0], [6, 1, 0], [−8, 5, 3]].
    expect([...cholesky([4, 12, -16, 12, 37, -43, -16, -43, 98], 3)!]).toEqual([2, 0, 0, 6, 1, 0, -8, 5, 3]);
  });

  it('L Lᵀ = A, with L lower triangular and a positive diagonal', () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 5}).chain((n) => spd(n).map((a) => [n, a] as const)), ([n, a]) => {
        const l = cholesky(a, n)!;
        for (let i = 0; i < n; i++) {
          expect(l[i * n + i]).toBeGreaterThan(0);
          for (let j = i + 1; j < n; j++) expect(l[i * n + j]).toBe(0);
          for (let j = 0; j < n; j++) {
            let s = 0;
            for (let k = 0; k < n; k++) s += l[i * n + k]! * l[j * n + k]!;
            expect(Math.abs(s - a[i * n + j]!)).toBeLessThan(1e-9 * (1 + Math.abs(a[i * n + j]!)));
          }
        }
      }),
    );
  });

  it('refuses singular, indefinite and non-finite matrices, and a wrong size', () => {
    expect(cholesky([1, 2, 2, 4], 2)).toBeNull(); // rank 1
    expect(cholesky([1, 2, 2, 1], 2)).toBeNull(); // eigenvalues 3 and −1
    expect(cholesky([0, 0, 0, 1], 2)).toBeNull();
    expect(cholesky([NaN, 0, 0, 1], 2)).toBeNull();
    expect(() => cholesky([1, 0, 0], 2)).toThrow(RangeError);
  });

  it('|L⁻¹ d|² is dᵀ A⁻¹ d', () => {
    // A = [[4, 2], [2, 3]], A⁻¹ = [[3, −2], [−2, 4]] / 8.
    const l = cholesky([4, 2, 2, 3], 2)!;
    const d = [1.5, -0.5];
    const expected = (3 * 1.5 * 1.5 - 2 * 2 * 1.5 * -0.5 + 4 * 0.25) / 8;
    expect(solvedNormSquared(l, 2, d, new Float64Array(2))).toBeCloseTo(expected, 14);
  });
});
