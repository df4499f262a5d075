// The Level-II cost of a release a scenario imposes before ratification (Putnam 1988): the
// government's cohesion falls with the share of the high tier freed without approval.
import {describe, expect, it} from 'vitest';
import {createStepper} from '../../src/sim/stepper.js';
import {createState} from '../../src/sim/state.js';
import {highTierTotal} from '../../src/sim/unratified.js';
import {configOf, rawScenario, stateAfter, type Raw} from '../helpers/scenario.js';

const release = (patch: Raw = {}) => ({type: 'release', day: 5, side: 'government', count: 15, ...patch});
const quiet = (events: Raw[], world: Raw = {}) => configOf(rawScenario({talks: 'pending', days: 30, events, world}));

describe('releases without ratification', () => {
  it('cost cohesion in proportion to the high tier freed, and say so in the log', () => {
    const cfg = quiet([release()]);
    const total = highTierTotal(createStepper(cfg, createState(cfg)).govPool);
    expect(total).toBeGreaterThan(15);
    const s = stateAfter(cfg, 5);
    expect(s.counters.govReleasedPriority).toBe(15);
    expect(s.gov.cohesion).toBeCloseTo(1 - (0.5 * 15) / total, 12);
    const line = s.log!.find((e) => e.type === 'unratified-release')!;
    expect(line).toMatchObject({day: 5, actor: 'government', count: 15});
    expect(line.reason).toMatch(new RegExp(`^freeing 15 of the ${total} high-value prisoners without the assembly's approval .*cohesion 100% → `));
    // Twice the prisoners, twice the cost; a larger world.unratifiedCost, a larger one.
    expect(1 - stateAfter(quiet([release({count: 30})]), 5).gov.cohesion).toBeCloseTo((0.5 * 30) / total, 12);
    expect(1 - stateAfter(quiet([release()], {unratifiedCost: 1}), 5).gov.cohesion).toBeCloseTo(15 / total, 12);
  });

  it('cost nothing once the assembly has approved, or at a cost of 0', () => {
    const approved = quiet([{type: 'ratification-assembly', day: 2, days: 1}, release()], {ratification: {base: 10, pressure: 0, trust: 0, violence: 0}});
    const s = stateAfter(approved, 6);
    expect(s.gov.ratification).toBe('approved');
    expect(s.counters.govReleasedPriority).toBe(15);
    expect(s.gov.cohesion).toBe(1);
    expect(s.log!.some((e) => e.type === 'unratified-release')).toBe(false);
    expect(stateAfter(quiet([release()], {unratifiedCost: 0}), 6).gov.cohesion).toBe(1);
  });

  it('count only the high tier: low-threat prisoners and Taliban releases cost nothing', () => {
    // A list without commanders or serious cases has no high tier to free.
    const flat = configOf(rawScenario({talks: 'pending', days: 10, pools: {government: {onList: 200, offList: 0, priority: 0, commanders: 0, serious: 0}}, events: [release({count: 50})]}));
    expect(stateAfter(flat, 6).counters.govReleased).toBe(50);
    expect(stateAfter(flat, 6).gov.cohesion).toBe(1);
    expect(stateAfter(quiet([release({side: 'taliban', count: 40})]), 6).gov.cohesion).toBe(1);
  });

  it('shrink the batches the government decides afterwards', () => {
    // Cohesion scales every batch (resolve-government.ts): the same run frees fewer with the cost.
    const run = (cost: number) => {
      const cfg = configOf(rawScenario({days: 40, events: [release({day: 1, count: 300})], world: {unratifiedCost: cost}}));
      const s = stateAfter(cfg, 40);
      return {cohesion: s.gov.cohesion, policyReleased: s.counters.govReleased - 300};
    };
    const free = run(0);
    const costly = run(1);
    expect(costly.cohesion).toBeLessThan(0.8);
    expect(costly.policyReleased).toBeLessThan(free.policyReleased);
  });
});
