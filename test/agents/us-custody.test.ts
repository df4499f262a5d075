// Third-country custody comes from the state under every US policy (us/common.ts,
// offerCustodyWhenBlocked): on afghanistan-2020, where France and Australia object to 6
// prisoners, each US policy arranges custody once they alone block completion, and the exchange
// completes in some runs under each.
import {describe, expect, it} from 'vitest';
import {loadScenario} from '../../src/scenario/resolve.js';
import {runSimulation} from '../../src/sim/run.js';

const US_POLICIES = ['deadline-hawk', 'facilitator', 'carrot-stick', 'biased-guarantor'];
const SEEDS = Array.from({length: 12}, (_, i) => `custody-${i}`);

describe('custody under every US policy', () => {
  it.each(US_POLICIES)('%s arranges custody for the contested prisoners, and some runs complete', (policy) => {
    let completed = 0;
    for (const seed of SEEDS) {
      const set = ['stall.rollouts=0', ...(policy === 'deadline-hawk' ? [] : [`agents.us.policy=${policy}`])];
      const {config} = loadScenario('afghanistan-2020', {seed, set});
      const {state} = runSimulation(config);
      const objectionDay = state.log!.find((e) => e.type === 'foreign-objection')?.day ?? Infinity;
      // An objection that comes after the government freed its last prisoners blocks nothing.
      const objected = objectionDay <= state.counters.govLastReleaseDay;
      const arranged = state.log!.filter((e) => e.actor === 'us' && e.type === 'guarantee' && e.reason.includes('contested prisoners'));
      if (state.outcome === 'complete') {
        completed++;
        // Completion after the objection needs the guarantee: nothing else frees the contested 6.
        if (objected) expect(arranged.length).toBe(1);
      }
      expect(arranged.length).toBeLessThanOrEqual(1);
    }
    expect(completed).toBeGreaterThan(0);
  });

  it('custodySlots=0 leaves the contested prisoners blocked: no run completes after the objection', () => {
    for (const seed of SEEDS.slice(0, 6)) {
      const {config} = loadScenario('afghanistan-2020', {seed, set: ['stall.rollouts=0', 'agents.us.policy=facilitator', 'agents.us.params.custodySlots=0']});
      const {state} = runSimulation(config);
      const objectionDay = state.log!.find((e) => e.type === 'foreign-objection')?.day ?? Infinity;
      // Completing after the objection needs the list done before it (the Taliban finishing later).
      if (state.outcome === 'complete' && state.outcomeDay! >= objectionDay) expect(state.counters.govLastReleaseDay).toBeLessThan(objectionDay);
    }
  });
});
