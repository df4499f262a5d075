// Morris screening on functions whose answer is known: a linear function (every effect is its
// coefficient), Sobol's g-function (inputs with a large a do nothing), and an interaction.
import {describe, expect, it} from 'vitest';
import {createRng} from '../../src/sim/rng.js';
import {morrisDesign, type MorrisDesign} from '../../src/stats/morris-design.js';
import {elementaryEffects, morrisIndices} from '../../src/stats/morris-effects.js';

const uniform = (seed: string): (() => number) => {
  const rng = createRng(seed);
  return () => rng.next();
};

/** The model at every row of the design. */
function evaluate(d: MorrisDesign, f: (x: Float64Array) => number): Float64Array {
  const y = new Float64Array(d.r * (d.k + 1));
  for (let n = 0; n < y.length; n++) y[n] = f(d.points.subarray(n * d.k, (n + 1) * d.k));
  return y;
}

function screen(k: number, r: number, f: (x: Float64Array) => number, seed = 'screen') {
  const d = morrisDesign(k, r, 4, uniform(`${seed}/design`));
  const ee = elementaryEffects(d, evaluate(d, f));
  return {ee, idx: morrisIndices(ee, k, uniform(`${seed}/boot`), {resamples: 500})};
}

describe('Morris elementary effects', () => {
  it('linear f = Σ c_i x_i: every effect of input i is c_i, so mu = c_i, mu* = |c_i|, sigma = 0', () => {
    const c = [3, -2, 0.5, 0, 7];
    const {ee, idx} = screen(c.length, 12, (x) => c.reduce((s, ci, i) => s + ci * x[i]!, 0));
    for (let t = 0; t < 12; t++) for (let i = 0; i < c.length; i++) expect(ee[t * c.length + i]).toBeCloseTo(c[i]!, 12);
    idx.forEach((m, i) => {
      expect(m.mu).toBeCloseTo(c[i]!, 12);
      expect(m.muStar).toBeCloseTo(Math.abs(c[i]!), 12);
      expect(m.sigma).toBeLessThan(1e-12);
      // Every resample has the same mu*: the interval collapses onto it.
      expect(m.muStarLo).toBeCloseTo(Math.abs(c[i]!), 12);
      expect(m.muStarHi).toBeCloseTo(Math.abs(c[i]!), 12);
    });
  });

  it("Sobol's g-function, a = [0, 1, 4.5, 9, 99, 99, 99, 99]: the four a = 99 inputs are near 0 and rank last", () => {
    const a = [0, 1, 4.5, 9, 99, 99, 99, 99];
    const g = (x: Float64Array): number => a.reduce((prod, ai, i) => (prod * (Math.abs(4 * x[i]! - 2) + ai)) / (1 + ai), 1);
    const {idx} = screen(a.length, 50, g);
    const ranked = idx.map((m, i) => ({i, m})).sort((u, v) => v.m.muStar - u.m.muStar).map((e) => e.i);
    // Importance falls as a grows: x1, x2, x3, x4, then the inert ones in any order.
    expect(ranked.slice(0, 4)).toEqual([0, 1, 2, 3]);
    expect(ranked.slice(4).sort()).toEqual([4, 5, 6, 7]);
    const top = idx[0]!.muStar;
    for (const m of idx.slice(4)) {
      expect(m.muStar).toBeLessThan(0.02 * top);
      // Separated beyond the bootstrap interval from the least important active input.
      expect(m.muStarHi).toBeLessThan(idx[3]!.muStarLo);
    }
    for (const m of idx) {
      expect(m.muStarLo).toBeLessThanOrEqual(m.muStar);
      expect(m.muStarHi).toBeGreaterThanOrEqual(m.muStar);
    }
  });

  it('f = x1·x2 + x3: the interacting inputs have sigma > 0, the additive one sigma = 0 and mu = 1', () => {
    const {idx} = screen(3, 20, (x) => x[0]! * x[1]! + x[2]!);
    // The effect of x1 is the value of x2 at the time (and back): it varies between trajectories.
    expect(idx[0]!.sigma).toBeGreaterThan(0.1);
    expect(idx[1]!.sigma).toBeGreaterThan(0.1);
    expect(idx[2]!.sigma).toBeLessThan(1e-12);
    expect(idx[2]!.mu).toBeCloseTo(1, 12);
  });

  it('by hand: effects −1 and 3 give mu = 1, mu* = 2, sigma = √8 (sample sd, r − 1)', () => {
    const [m] = morrisIndices(Float64Array.of(-1, 3), 1, uniform('h'), {resamples: 200});
    expect(m!.mu).toBe(1);
    expect(m!.muStar).toBe(2);
    expect(m!.sigma).toBeCloseTo(Math.sqrt(8), 14);
    // Resamples of two trajectories: mu* is 1, 2 or 3, and the 95% interval reaches both ends.
    expect([m!.muStarLo, m!.muStarHi]).toEqual([1, 3]);
  });

  it('the same seeds give the same indices and intervals', () => {
    const f = (x: Float64Array): number => Math.sin(6 * x[0]!) + x[1]! * x[2]!;
    expect(screen(3, 15, f, 'same')).toEqual(screen(3, 15, f, 'same'));
    expect(screen(3, 15, f, 'same').idx).not.toEqual(screen(3, 15, f, 'other').idx);
  });

  it('a wider confidence gives a wider interval', () => {
    const d = morrisDesign(2, 30, 4, uniform('ci'));
    const ee = elementaryEffects(d, evaluate(d, (x) => x[0]! * x[1]!));
    const narrow = morrisIndices(ee, 2, uniform('b'), {confidence: 0.5})[0]!;
    const wide = morrisIndices(ee, 2, uniform('b'), {confidence: 0.99})[0]!;
    expect(wide.muStarHi - wide.muStarLo).toBeGreaterThan(narrow.muStarHi - narrow.muStarLo);
  });

  it('refuses outputs of the wrong length and too few trajectories, saying what it expected', () => {
    const d = morrisDesign(3, 4, 4, uniform('x'));
    expect(() => elementaryEffects(d, new Float64Array(15))).toThrow(/expected 16 outputs/);
    expect(() => morrisIndices(new Float64Array(3), 3, uniform('x'))).toThrow(/at least 2 trajectories/);
    expect(() => morrisIndices(new Float64Array(6), 3, uniform('x'), {confidence: 1})).toThrow(/confidence/);
  });
});

describe('morrisIndices: the paired comparison with a reference input', () => {
  it('the interval of mu* minus the reference\'s: exact for a linear function, [0, 0] for the reference itself', () => {
    const c = [3, -2, 0.5, 0];
    const d = morrisDesign(c.length, 20, 4, uniform('ref/design'));
    const ee = elementaryEffects(d, evaluate(d, (x) => c.reduce((s, ci, i) => s + ci * x[i]!, 0)));
    const idx = morrisIndices(ee, c.length, uniform('ref/boot'), {resamples: 300, reference: 3});
    // Every trajectory gives each input the same effect, so every resample gives |c_i| − 0.
    c.forEach((ci, i) => {
      expect(idx[i]!.diffLo).toBeCloseTo(Math.abs(ci), 12);
      expect(idx[i]!.diffHi).toBeCloseTo(Math.abs(ci), 12);
    });
    expect(() => morrisIndices(ee, c.length, uniform('x'), {reference: -1})).toThrow(/reference must be an input from 0 to 3, got -1/);
  });
});
