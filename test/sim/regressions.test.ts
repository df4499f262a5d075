// Regressions: each test pins a bug found and fixed during development.
import {describe, expect, it} from 'vitest';
import {InputError, parseScenario} from '../../src/scenario/resolve.js';
import {govCriteriaIndex, GOV_TIER} from '../../src/sim/pools.js';
import {govPool} from '../../src/sim/population.js';
import {wilson} from '../../src/stats/wilson.js';
import {configOf, rawScenario, runRaw} from '../helpers/scenario.js';

describe('regressions', () => {
  it('keeps lo <= p <= hi exactly at the edges of the Wilson interval', () => {
    for (const [hits, n, conf] of [[0, 5, 0.5], [50, 50, 0.95], [0, 1000, 0.9], [1000, 1000, 0.9], [1, 1, 0.99]] as const) {
      const w = wilson(hits, n, conf);
      expect(w.lo).toBeLessThanOrEqual(w.p);
      expect(w.hi).toBeGreaterThanOrEqual(w.p);
    }
  });

  it('fires events dated on the start day (day 0) in the first round', () => {
    const r = runRaw(rawScenario({talks: 'pending', days: 5, events: [{type: 'talks-convene', date: '2020-03-01'}, {type: 'ceasefire', day: 0, days: 3}]}));
    expect(r.state.convenedDay).toBe(1);
    expect(r.state.log!.map((e) => e.type)).toEqual(expect.arrayContaining(['talks-convene', 'ceasefire']));
    // The ceasefire window counts from its own day: days 0-2, so it holds in rounds 1 and 2.
    expect(r.daily.violence[0]).toBe(r.config.world.ceasefireViolence);
    expect(r.daily.violence[1]).toBe(r.config.world.ceasefireViolence);
    expect(r.daily.violence[2]).not.toBe(r.config.world.ceasefireViolence);
  });

  it('orders priority commanders first in the priority-first order of a large pool', () => {
    const pool = govPool({onList: 30000, offList: 0, priority: 15, commanders: 400, serious: 600, foreignShare: 0.03, seed: 'big'});
    const order = pool.orders[govCriteriaIndex('priority-first')]!;
    const firstTiers = Array.from(order.slice(0, 415), (i) => pool.tier[i]);
    expect(firstTiers.slice(0, 15).every((t) => t === GOV_TIER.priority)).toBe(true);
    expect(firstTiers.slice(15).every((t) => t === GOV_TIER.commander)).toBe(true);
  });

  it('rejects --set paths through __proto__ with an input error and pollutes nothing', () => {
    for (const path of ['__proto__.polluted', 'agents.constructor.x', 'prototype']) {
      expect(() => parseScenario(rawScenario(), 'test.yaml', {set: [`${path}=yes`]})).toThrow(InputError);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('logs a reason for scheduled events without a note', () => {
    const r = runRaw(rawScenario({days: 6, events: [{type: 'ceasefire', day: 2}, {type: 'deadline', day: 3, label: 'a deadline'}]}));
    for (const e of r.state.log!) expect(e.reason.length).toBeGreaterThan(0);
  });

  it('keeps a --set parameter given before the --set that switches the policy', () => {
    const cfg = configOf(rawScenario(), {set: ['agents.government.params.beta=0.9', 'agents.government.policy=boulware']});
    expect(cfg.agents.government.policy).toBe('boulware');
    expect(cfg.agents.government.params.beta).toBe(0.9);
  });
});
