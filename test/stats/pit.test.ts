// The randomised PIT: by hand, uniform for observations drawn from the forecast (continuous, and
// discrete with ties), U-shaped for a forecast too narrow; and its histogram.
import {describe, expect, it} from 'vitest';
import {createRng} from '../../src/sim/rng.js';
import {normalQuantile} from '../../src/stats/normal-quantile.js';
import {pitHistogram, randomisedPit} from '../../src/stats/pit.js';
import {sortEnsemble} from '../../src/stats/ensemble.js';

const uniform = (seed: string): (() => number) => {
  const rng = createRng(seed);
  return () => rng.next();
};

/** Pearson's statistic of the counts against equal expected counts. */
function chiSquare(counts: readonly number[]): number {
  const n = counts.reduce((a, b) => a + b, 0);
  const e = n / counts.length;
  return counts.reduce((s, c) => s + (c - e) ** 2 / e, 0);
}
/** The 99.9% point of chi-square with 9 degrees of freedom (ten bins): a calibrated forecast exceeds it one time in 1,000. */
const CHI2_9_999 = 27.877;

const normals = (m: number, sigma: number): Float64Array => Float64Array.from({length: m}, (_, i) => sigma * normalQuantile((i + 0.5) / m));

describe('randomisedPit', () => {
  it('by hand: the share below, plus u times the share equal', () => {
    const ens = [1, 2, 2, 2, 5];
    expect(randomisedPit(ens, 2, () => 0.5)).toBeCloseTo((1 + 0.5 * 3) / 5, 14);
    expect(randomisedPit(ens, 2, () => 0)).toBeCloseTo(0.2, 14);
    expect(randomisedPit(ens, 3, () => 0.9)).toBeCloseTo(0.8, 14); // no ties: u does nothing
    expect(randomisedPit(ens, 0, () => 0.9)).toBe(0);
    expect(randomisedPit(ens, 9, () => 0.9)).toBe(1);
  });

  it('draws one u a call, ties or not', () => {
    let draws = 0;
    const next = (): number => (draws++, 0.25);
    for (const y of [0, 2, 3, 9]) randomisedPit([1, 2, 2, 2, 5], y, next);
    expect(draws).toBe(4);
  });

  it('is uniform for observations drawn from the forecast distribution', () => {
    const draw = uniform('pit/uniform');
    const pits: number[] = [];
    for (let j = 0; j < 2000; j++) {
      // A fresh ensemble of 200 draws and an observation from the same normal.
      const ens = sortEnsemble(Array.from({length: 200}, () => normalQuantile(draw())));
      pits.push(randomisedPit(ens, normalQuantile(draw()), draw));
    }
    expect(chiSquare(pitHistogram(pits, 10))).toBeLessThan(CHI2_9_999);
    // Kolmogorov–Smirnov: the 99% bound 1.63/√n.
    const sorted = [...pits].sort((a, b) => a - b);
    const ks = sorted.reduce((d, p, i) => Math.max(d, Math.abs(p - i / sorted.length), Math.abs(p - (i + 1) / sorted.length)), 0);
    expect(ks).toBeLessThan(1.63 / Math.sqrt(pits.length));
  });

  it('is uniform for a discrete forecast with ties only when randomised', () => {
    // P(0, 1, 2, 3) = 0.1, 0.4, 0.3, 0.2, as ten members; observations from the same distribution.
    const ens = [0, 1, 1, 1, 1, 2, 2, 2, 3, 3];
    const draw = uniform('pit/discrete');
    const ys = Array.from({length: 3000}, () => ens[Math.floor(draw() * ens.length)]!);
    const randomised = pitHistogram(ys.map((y) => randomisedPit(ens, y, draw)), 10);
    expect(chiSquare(randomised)).toBeLessThan(CHI2_9_999);
    // Without the randomisation (u = 0) the PIT takes only 0, 0.1, 0.5 and 0.8.
    const plain = pitHistogram(ys.map((y) => randomisedPit(ens, y, () => 0)), 10);
    expect(plain.filter((c) => c > 0)).toHaveLength(4);
    expect(chiSquare(plain)).toBeGreaterThan(100 * CHI2_9_999);
  });

  it('is U-shaped for a forecast too narrow (σ = 0.5 against observations of σ = 1)', () => {
    const ens = normals(1000, 0.5);
    const draw = uniform('pit/narrow');
    const h = pitHistogram(Array.from({length: 2000}, () => randomisedPit(ens, normalQuantile(draw()), draw)), 10);
    const expected = 200;
    expect(h[0]).toBeGreaterThan(2 * expected);
    expect(h[9]).toBeGreaterThan(2 * expected);
    for (const middle of h.slice(2, 8)) expect(middle).toBeLessThan(expected);
  });
});

describe('pitHistogram', () => {
  it('counts in equal bins, 1 in the last', () => {
    expect(pitHistogram([0, 0.05, 0.1, 0.35, 0.999, 1], 10)).toEqual([2, 1, 0, 1, 0, 0, 0, 0, 0, 2]);
    expect(pitHistogram([0.5, 0.49], 2)).toEqual([1, 1]);
    expect(pitHistogram([], 3)).toEqual([0, 0, 0]);
  });

  it('refuses a value outside [0, 1] and a bad bin count', () => {
    expect(() => pitHistogram([1.2], 10)).toThrow(RangeError);
    expect(() => pitHistogram([0.5], 0)).toThrow(RangeError);
    expect(() => pitHistogram([0.5], 2.5)).toThrow(RangeError);
  });
});
