// COVID-19 pressure in the government's batches (agents/government/covid.ts), and the
// ratio-reciprocator's once-a-ceasefire gesture.
import {describe, expect, it} from 'vitest';
import {covidBatch} from '../../src/agents/government/covid.js';
import {runSimulation} from '../../src/sim/run.js';
import {configOf, rawScenario, type Raw} from '../helpers/scenario.js';

const COVID = {type: 'covid-pressure', day: 1, level: 0.5};

function governmentBatches(raw: Raw) {
  const {state} = runSimulation(configOf(raw));
  const releases = state.log!.filter((e) => e.actor === 'government' && e.type === 'release');
  return {state, counts: state.batches!.filter((b) => b.from === 'government').map((b) => b.count), reasons: releases.map((e) => e.reason)};
}

describe('COVID-19 relief in government batches', () => {
  it('adds weight x pressure to a batch, rounded down', () => {
    expect(covidBatch(100, 0.3, 0.5)).toBe(115);
    expect(covidBatch(150, 1, 0.5)).toBe(225);
    expect(covidBatch(100, 0, 0.5)).toBe(100);
    expect(covidBatch(100.7, 0.3, 0)).toBe(100);
  });

  for (const policy of ['phased-conditional', 'boulware', 'ratio-reciprocator']) {
    it(`${policy}: a larger first batch under COVID-19 pressure, said so, and none with weight 0`, () => {
      const agents = (weight: number) => ({
        government: {policy, params: {humanitarianWeight: weight, verificationDays: 0, ...(policy === 'phased-conditional' ? {offerSize: 0} : {})}},
        taliban: {policy: 'ratio-releaser'},
        us: {policy: 'facilitator'},
      });
      const base = {days: 40, talks: 'active', seed: 'covid'};
      const without = governmentBatches(rawScenario({...base, agents: agents(1)}));
      const covid = governmentBatches(rawScenario({...base, agents: agents(1), events: [COVID]}));
      const unweighted = governmentBatches(rawScenario({...base, agents: agents(0), events: [COVID]}));
      expect(covid.counts[0]).toBeGreaterThan(without.counts[0]!);
      expect(unweighted.counts[0]).toBe(without.counts[0]);
      expect(covid.reasons.some((r) => r.includes('COVID-19'))).toBe(true);
      expect(without.reasons.some((r) => r.includes('COVID-19'))).toBe(false);
    });
  }

  it('ratio-reciprocator does not count the relief as matched: it frees more over the run', () => {
    const agents = (weight: number) => ({government: {policy: 'ratio-reciprocator', params: {humanitarianWeight: weight, verificationDays: 0}}, taliban: {policy: 'ratio-releaser'}, us: {policy: 'facilitator'}});
    const raw = (weight: number) => rawScenario({days: 40, talks: 'active', seed: 'covid', agents: agents(weight), events: [COVID]});
    const relief = runSimulation(configOf(raw(1))).state;
    const none = runSimulation(configOf(raw(0))).state;
    expect(relief.gov.memory.covidFreed).toBeGreaterThan(0);
    expect(none.gov.memory.covidFreed).toBe(0);
    // The relief comes on top of the matching: more freed over the run, and what it matched
    // (everything but the relief) stays within the opening batch plus the ratio of what the
    // Taliban freed, and one batch.
    expect(relief.counters.govReleased).toBeGreaterThan(none.counters.govReleased);
    const matched = relief.counters.govReleased - (relief.gov.memory.covidFreed as number);
    expect(matched).toBeLessThanOrEqual(200 + 5 * relief.counters.talReleased + 500); // openingBatch, ratio, maxBatch
  });

  it('the criterion decides how fast the relief ends: freeing the old and sick first ends it soonest', () => {
    const run = (criteria: string) =>
      runSimulation(
        configOf(rawScenario({days: 40, talks: 'active', seed: 'covid', agents: {government: {policy: 'phased-conditional', params: {criteria, verificationDays: 0}}, taliban: {policy: 'ratio-releaser'}, us: {policy: 'facilitator'}}, events: [COVID]})),
      ).state;
    const old = run('humanitarian');
    const listed = run('list-order');
    expect(old.gov.humanitarian).toBeLessThan(listed.gov.humanitarian);
  });
});

describe('ratio-reciprocator in a ceasefire', () => {
  it('makes its goodwill gesture once in each ceasefire, even after a batch on its first day', () => {
    const raw = rawScenario({
      days: 40,
      talks: 'active',
      seed: 'ceasefire',
      agents: {government: {policy: 'ratio-reciprocator', params: {verificationDays: 0, ceasefireBatch: 321, lagDays: 1}}, taliban: {policy: 'ratio-releaser'}, us: {policy: 'facilitator'}},
      events: [
        {type: 'ceasefire', day: 10, days: 3},
        {type: 'ceasefire', day: 25, days: 3},
      ],
    });
    const {state} = runSimulation(configOf(raw));
    const gestures = state.log!.filter((e) => e.actor === 'government' && e.type === 'release' && e.reason.includes('during the ceasefire'));
    expect(gestures.map((e) => e.day)).toHaveLength(2);
    expect(gestures.every((e) => (e.day >= 10 && e.day <= 12) || (e.day >= 25 && e.day <= 27))).toBe(true);
  });
});
