import {describe, expect, it} from 'vitest';
import {fighterWorth, isVulnerable, normaliseWorth, VULNERABLE_AGE, VULNERABLE_HEALTH} from '../../src/sim/prisoner-worth.js';

describe('prisoner worth', () => {
  it('values a fit fighter of fighting age most, the old and the sick little (hand-computed)', () => {
    expect(fighterWorth(0, 25, 100)).toBe(1);
    expect(fighterWorth(0, 40, 100)).toBe(1);
    // 60: 1 - 20/40 = 0.5; health 80: x 0.8.
    expect(fighterWorth(0, 60, 80)).toBeCloseTo(0.4, 12);
    // Past 72 the age factor stays at its floor of 0.2.
    expect(fighterWorth(0, 72, 100)).toBeCloseTo(0.2, 12);
    expect(fighterWorth(0, 90, 100)).toBeCloseTo(0.2, 12);
    expect(fighterWorth(0, 30, 10)).toBeCloseTo(0.1, 12);
  });

  it('weighs a commander twice and a priority commander three times a rank-and-file fighter', () => {
    expect(fighterWorth(1, 30, 90)).toBeCloseTo(2 * fighterWorth(0, 30, 90), 12);
    expect(fighterWorth(2, 50, 90)).toBeCloseTo(3 * fighterWorth(0, 50, 90), 12);
  });

  it('counts the old or the sick as vulnerable to COVID-19', () => {
    expect(isVulnerable(VULNERABLE_AGE, 100)).toBe(true);
    expect(isVulnerable(VULNERABLE_AGE - 1, 100)).toBe(false);
    expect(isVulnerable(20, VULNERABLE_HEALTH - 1)).toBe(true);
    expect(isVulnerable(20, VULNERABLE_HEALTH)).toBe(false);
  });

  it('normalises so the reference category averages 1, or everyone when it is empty', () => {
    const raw = Float32Array.from([2, 4, 1, 9]);
    normaliseWorth(raw, Uint8Array.from([1, 1, 0, 3]), 1);
    expect(Array.from(raw)).toEqual([2 / 3, 4 / 3, 1 / 3, 3].map(Math.fround));
    const all = Float32Array.from([1, 3]);
    normaliseWorth(all, Uint8Array.from([0, 0]), 1);
    expect(Array.from(all)).toEqual([0.5, 1.5]);
  });
});
