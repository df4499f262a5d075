// Second-order Sobol indices against analytic values: Ishigami's only interaction is x1 × x3,
// S13 = 8 b² π⁸ / 225 / V = 0.2437 (a = 7, b = 0.1), with S12 = S23 = 0; a function of two
// multiplied inputs and an additive third has its interaction share exactly where the algebra puts it.
import {describe, expect, it} from 'vitest';
import {createRng} from '../../src/sim/rng.js';
import {saltelli, type SaltelliDesign} from '../../src/stats/saltelli.js';
import {secondOrderIndices} from '../../src/stats/sobol-second-order.js';

const uniform = (seed: string) => {
  const rng = createRng(seed);
  return () => rng.next();
};

function pairs(d: SaltelliDesign, f: (x: Float64Array) => number, seed: string) {
  const run = (m: Float64Array) => Float64Array.from({length: d.n}, (_, j) => f(m.subarray(j * d.k, (j + 1) * d.k)));
  return secondOrderIndices(run(d.a), run(d.b), d.ab.map(run), d.ba!.map(run), uniform(`${seed}/bootstrap`), {resamples: 300});
}

const ishigami = (u: Float64Array) => {
  const [x1, x2, x3] = [...u].map((v) => Math.PI * (2 * v - 1)) as [number, number, number];
  return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
};
const V = 49 / 8 + (0.1 * Math.PI ** 4) / 5 + (0.01 * Math.PI ** 8) / 18 + 0.5;
const S13 = (8 * 0.01 * Math.PI ** 8) / 225 / V;

describe('secondOrderIndices', () => {
  it(`Ishigami: S12 = 0, S13 = ${S13.toFixed(4)}, S23 = 0, each within its 95% interval and 0.03`, () => {
    expect(S13).toBeCloseTo(0.2437, 4);
    const got = pairs(saltelli(10_000, 3, uniform('ishigami-2'), true), ishigami, 'ishigami-2');
    expect(got.map((p) => [p.i, p.j])).toEqual([[0, 1], [0, 2], [1, 2]]);
    [0, S13, 0].forEach((want, p) => {
      expect(got[p]!.lo, `pair ${p}`).toBeLessThanOrEqual(want);
      expect(got[p]!.hi, `pair ${p}`).toBeGreaterThanOrEqual(want);
      expect(Math.abs(got[p]!.s2 - want), `pair ${p}`).toBeLessThan(0.03);
    });
  });

  it('f = x1·x2 + x3 on U(0,1): S12 = (1/144) / V, the other pairs 0', () => {
    // Var(x1 x2) = 1/9 − 1/16 = 7/144, of which the interaction is Var(x1)Var(x2) = 1/144; Var(x3) = 1/12.
    const v = 7 / 144 + 1 / 12;
    const got = pairs(saltelli(20_000, 3, uniform('product'), true), (x) => x[0]! * x[1]! + x[2]!, 'product');
    expect(Math.abs(got[0]!.s2 - 1 / 144 / v)).toBeLessThan(0.02);
    for (const p of got.slice(1)) expect(Math.abs(p.s2)).toBeLessThan(0.02);
  });

  it('a constant output gives 0; a missing B_A matrix is refused', () => {
    const c = new Float64Array(10).fill(2);
    expect(secondOrderIndices(c, c, [c, c], [c, c], uniform('c')).map((p) => [p.s2, p.lo, p.hi])).toEqual([[0, 0, 0]]);
    expect(() => secondOrderIndices(c, c, [c, c], [c], uniform('c'))).toThrow(/one f\(B_A\^\(i\)\) per input \(2\), got 1/);
  });
});
