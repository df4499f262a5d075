// The standard normal quantile against known values, its symmetry, and its domain.
import {describe, expect, it} from 'vitest';
import {normalQuantile} from '../../src/stats/normal-quantile.js';

describe('normalQuantile', () => {
  it('matches known quantiles', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514715, 8);
    expect(normalQuantile(0.975)).toBeCloseTo(1.9599639845400536, 8);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489004, 8);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.3263478740408408, 8); // lower tail branch
    expect(normalQuantile(1e-6)).toBeCloseTo(-4.753424308822899, 7);
    expect(normalQuantile(1 - 1e-6)).toBeCloseTo(4.753424308822899, 7); // upper tail branch
  });

  it('is antisymmetric and increasing', () => {
    let prev = -Infinity;
    for (let i = 1; i < 1000; i++) {
      const p = i / 1000;
      const q = normalQuantile(p);
      expect(q).toBeGreaterThan(prev);
      expect(q + normalQuantile(1 - p)).toBeCloseTo(0, 8);
      prev = q;
    }
  });

  it.each([0, 1, -0.1, 1.1])('rejects p = %d', (p) => {
    expect(() => normalQuantile(p)).toThrow(RangeError);
  });
});
