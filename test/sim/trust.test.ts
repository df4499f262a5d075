import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {WorldParams} from '../../src/sim/config.js';
import {T_GOV_TAL, T_GOV_US, T_TAL_GOV, T_TAL_US, T_US_GOV, T_US_TAL, initialTrust, nudge, observe, trustIndex, trustOf} from '../../src/sim/trust.js';
import {TRUST_PAIRS, type TrustPair} from '../../src/sim/types.js';
import {configOf, rawScenario} from '../helpers/scenario.js';

const TRUST: Record<TrustPair, number> = {'gov-tal': 0.3, 'tal-gov': 0.25, 'gov-us': 0.6, 'us-gov': 0.65, 'tal-us': 0.1, 'us-tal': 0.9};

function world(patch: Partial<WorldParams> = {}): WorldParams {
  return {...configOf(rawScenario()).world, trust: TRUST, trustPriorWeight: 4, trustForgetting: 0.9, ...patch};
}

describe('trust', () => {
  it('indexes the six directed pairs as distinct (alpha, beta) slots', () => {
    const idx = TRUST_PAIRS.map(trustIndex);
    expect(idx).toEqual([0, 2, 4, 6, 8, 10]);
    expect([T_GOV_TAL, T_TAL_GOV, T_GOV_US, T_US_GOV, T_TAL_US, T_US_TAL]).toEqual(
      (['gov-tal', 'tal-gov', 'gov-us', 'us-gov', 'tal-us', 'us-tal'] as const).map(trustIndex),
    );
  });

  it('starts at the prior: alpha = trust * w, beta = (1 - trust) * w', () => {
    const w = world();
    const t = initialTrust(w);
    expect(t.length).toBe(12);
    for (const pair of TRUST_PAIRS) {
      const i = trustIndex(pair);
      expect(t[i]).toBeCloseTo(TRUST[pair] * 4, 12);
      expect(t[i + 1]).toBeCloseTo((1 - TRUST[pair]) * 4, 12);
      expect(trustOf(t, i)).toBeCloseTo(TRUST[pair], 12);
    }
  });

  it('observe: forgets towards the prior, then adds the evidence (hand-computed)', () => {
    const t = new Float64Array(12);
    t[T_TAL_GOV] = 2;
    t[T_TAL_GOV + 1] = 6;
    const untouched = t.slice();
    // lambda 0.9, prior 0.3, weight 4: alpha = 0.9*2 + 0.1*0.3*4 + 1, beta = 0.9*6 + 0.1*0.7*4 + 0.5
    observe(t, T_TAL_GOV, 0.3, world(), 1, 0.5);
    expect(t[T_TAL_GOV]).toBeCloseTo(2.92, 12);
    expect(t[T_TAL_GOV + 1]).toBeCloseTo(6.18, 12);
    for (let i = 0; i < 12; i++) if (i !== T_TAL_GOV && i !== T_TAL_GOV + 1) expect(t[i]).toBe(untouched[i]);
  });

  it('nudge: adds evidence to one pair only', () => {
    const t = initialTrust(world());
    const before = t.slice();
    nudge(t, T_GOV_US, 0.5, 1.25);
    expect(t[T_GOV_US]).toBe(before[T_GOV_US]! + 0.5);
    expect(t[T_GOV_US + 1]).toBe(before[T_GOV_US + 1]! + 1.25);
    for (let i = 0; i < 12; i++) if (i !== T_GOV_US && i !== T_GOV_US + 1) expect(t[i]).toBe(before[i]);
    nudge(t, T_GOV_US, 2, 0);
    expect(trustOf(t, T_GOV_US)).toBeGreaterThan(trustOf(before, T_GOV_US));
  });

  it('without evidence, old evidence fades geometrically back to the prior', () => {
    const w = world({trustForgetting: 0.8});
    const t = new Float64Array(12);
    t[T_GOV_TAL] = 30; // strong positive evidence
    t[T_GOV_TAL + 1] = 1;
    const prior = w.trust['gov-tal'];
    for (let k = 1; k <= 60; k++) {
      observe(t, T_GOV_TAL, prior, w, 0, 0);
      expect(t[T_GOV_TAL]).toBeCloseTo(prior * 4 + Math.pow(0.8, k) * (30 - prior * 4), 9);
      expect(t[T_GOV_TAL + 1]).toBeCloseTo((1 - prior) * 4 + Math.pow(0.8, k) * (1 - (1 - prior) * 4), 9);
    }
    expect(trustOf(t, T_GOV_TAL)).toBeCloseTo(prior, 4);
    expect(t[T_GOV_TAL]! + t[T_GOV_TAL + 1]!).toBeCloseTo(4, 4);
  });

  it('with no forgetting, evidence accumulates', () => {
    const w = world({trustForgetting: 1});
    const t = initialTrust(w);
    for (let k = 0; k < 10; k++) observe(t, T_US_TAL, 0.9, w, 1, 0);
    expect(t[T_US_TAL]).toBeCloseTo(0.9 * 4 + 10, 12);
    expect(t[T_US_TAL + 1]).toBeCloseTo(0.1 * 4, 12);
  });

  it('keeps trust in [0, 1] and the counts non-negative for any non-negative evidence', () => {
    fc.assert(
      fc.property(
        fc.double({min: 0.5, max: 1, noNaN: true}),
        fc.double({min: 0.5, max: 100, noNaN: true}),
        fc.double({min: 0, max: 1, noNaN: true}),
        fc.array(fc.tuple(fc.double({min: 0, max: 5, noNaN: true}), fc.double({min: 0, max: 5, noNaN: true})), {maxLength: 50}),
        (lambda, weight, prior, evidence) => {
          const w = world({trustForgetting: lambda, trustPriorWeight: weight});
          const t = initialTrust({...w, trust: {...TRUST, 'gov-tal': prior}});
          for (const [pos, neg] of evidence) {
            observe(t, T_GOV_TAL, prior, w, pos, neg);
            expect(t[T_GOV_TAL]).toBeGreaterThanOrEqual(0);
            expect(t[T_GOV_TAL + 1]).toBeGreaterThanOrEqual(0);
            const x = trustOf(t, T_GOV_TAL);
            expect(x >= 0 && x <= 1).toBe(true);
          }
        },
      ),
      {numRuns: 200},
    );
  });
});
