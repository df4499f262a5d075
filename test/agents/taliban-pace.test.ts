// The Taliban's pace answers the state (taliban/common.ts, releaseOwed): a batch is at most
// batchCap, or the share catchUp of the captives owed when that is more; once the government
// has freed every low-tier prisoner on the list, the rest of the regulars are owed.
import {describe, expect, it} from 'vitest';
import {loadScenario} from '../../src/scenario/resolve.js';
import {runSimulation} from '../../src/sim/run.js';

const SEEDS = Array.from({length: 8}, (_, i) => `pace-${i}`);

function talibanBatches(set: string[], seed: string) {
  const {config} = loadScenario('afghanistan-2020', {seed, set: ['stall.rollouts=0', ...set]});
  const {state} = runSimulation(config);
  return {state, batches: state.batches!.filter((b) => b.from === 'taliban' && !b.criteria.includes('special'))};
}

describe("the Taliban's pace", () => {
  it('with catchUp 0 no batch of regulars is larger than batchCap', () => {
    for (const seed of SEEDS) {
      const {batches} = talibanBatches(['agents.taliban.params.catchUp=0', 'agents.taliban.params.batchCap=30'], seed);
      expect(batches.length).toBeGreaterThan(0);
      for (const b of batches) expect(b.count).toBeLessThanOrEqual(30);
    }
  });

  it('with catchUp 1 the arrears are repaid in larger batches, and the Taliban finish sooner', () => {
    let larger = 0;
    let doneFast = 0;
    let doneSlow = 0;
    for (const seed of SEEDS) {
      const fast = talibanBatches(['agents.taliban.params.catchUp=1', 'agents.taliban.params.batchCap=30'], seed);
      const slow = talibanBatches(['agents.taliban.params.catchUp=0', 'agents.taliban.params.batchCap=30'], seed);
      if (fast.batches.some((b) => b.count > 30)) larger++;
      doneFast += fast.state.counters.talReleased;
      doneSlow += slow.state.counters.talReleased;
    }
    expect(larger).toBeGreaterThan(SEEDS.length / 2);
    expect(doneFast).toBeGreaterThan(doneSlow);
  });

  it('once only contested prisoners are left on the list, the Taliban owe the rest of their regulars', () => {
    let endGames = 0;
    for (const seed of SEEDS) {
      const {state} = talibanBatches([], seed);
      const end = state.log!.filter((e) => e.actor === 'taliban' && e.reason.includes('only high-value prisoners are left'));
      endGames += end.length > 0 ? 1 : 0;
      for (const e of end) expect(e.day).toBeGreaterThan(0);
    }
    expect(endGames).toBeGreaterThan(0);
  });
});
