// Φ against scipy.stats.norm.cdf (both tails, the crossover of the two expansions at z = ±2√2),
// and its symmetry.
import {describe, expect, it} from 'vitest';
import {normalCdf} from '../../src/stats/normal-cdf.js';

// scipy 1.17 norm.cdf, printed with repr.
const SCIPY: [number, number][] = [
  [-8, 6.22096057427174e-16],
  [-5, 2.866515718791933e-7],
  [-3, 0.0013498980316300933],
  [-2.5, 0.006209665325776132],
  [-1, 0.15865525393145707],
  [-0.5, 0.3085375387259869],
  [0, 0.5],
  [0.3, 0.6179114221889526],
  [1, 0.8413447460685429],
  [1.96, 0.9750021048517795],
  [2.5, 0.9937903346742238],
  [3, 0.9986501019683699],
  [5, 0.9999997133484281],
  [6, 0.9999999990134123],
];

describe('normalCdf', () => {
  it.each(SCIPY)('Φ(%d) matches scipy to 1e-13 relative', (z, p) => {
    expect(Math.abs(normalCdf(z) - p) / p).toBeLessThan(1e-13);
  });

  it('matches scipy on both sides of z = −2√2, where the series hands over to the continued fraction', () => {
    const edge: [number, number][] = [
      [-2.8284271257461904, 0.002338867483216745],
      [-2.8284271247461903, 0.0023388674905236288],
      [-2.82842712374619, 0.0023388674978305143],
    ];
    for (const [z, p] of edge) expect(Math.abs(normalCdf(z) - p) / p).toBeLessThan(1e-13);
  });

  it('Φ(z) + Φ(−z) = 1', () => {
    for (let z = -6; z <= 6; z += 0.25) expect(normalCdf(z) + normalCdf(-z)).toBeCloseTo(1, 14);
  });

  it('is 0 and 1 at the infinities, and NaN at NaN', () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(NaN)).toBeNaN();
  });
});
