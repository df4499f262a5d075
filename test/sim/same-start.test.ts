// RunArena keeps a point's states for the next point when sameStart says both start alike: it
// must name every config field createState reads, and a run after a kept state must be the run
// made afresh.
import {describe, expect, it} from 'vitest';
import {loadScenario} from '../../src/scenario/resolve.js';
import {scenarioVariants} from '../../src/scenario/variants.js';
import {readDataFile, resolveScenarioPath} from '../../src/scenario/load.js';
import {parseOverride} from '../../src/scenario/overrides.js';
import type {SimConfig} from '../../src/sim/config.js';
import {RunArena} from '../../src/sim/run.js';
import {createState, sameStart} from '../../src/sim/state.js';
import {runMetrics} from '../../src/sweep/metrics.js';

/** The config, with every field createState reads recorded as a path. */
function recording(cfg: SimConfig, read: Set<string>): SimConfig {
  const watch = <T extends object>(o: T, path: string): T =>
    new Proxy(o, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (typeof key !== 'string') return value;
        const at = path ? `${path}.${key}` : key;
        read.add(at);
        return typeof value === 'object' && value !== null && (at === 'agents' || /^agents\.\w+$/.test(at)) ? watch(value, at) : value;
      },
    });
  return watch(cfg, '');
}

describe('sameStart', () => {
  const cfg = loadScenario('afghanistan-2020').config;

  it('names every config field createState reads (the generator comes from the run)', () => {
    const read = new Set<string>();
    createState(recording(cfg, read), {record: false});
    const agentsRead = [...read].filter((k) => k.startsWith('agents.') && k.split('.').length === 3);
    expect(agentsRead.sort()).toEqual(['agents.government.memory', 'agents.taliban.memory', 'agents.us.memory']);
    const top = [...read].filter((k) => !k.includes('.')).sort();
    expect(top).toEqual(['agents', 'events', 'govPool', 'seed', 'talPool', 'talksStart', 'world']);
  });

  it('holds between variants that differ in parameters, not when a section or a policy differs', () => {
    const file = resolveScenarioPath('afghanistan-2020');
    const variant = scenarioVariants(readDataFile(file), file, {});
    const base = variant([]);
    const other = variant([parseOverride('agents.taliban.params.patienceGrowth=2')]);
    expect(sameStart(base, other)).toBe(true);
    expect(sameStart(base, variant([parseOverride('world.violence=0.9')]))).toBe(false);
    expect(sameStart(base, variant([parseOverride('agents.us.policy=facilitator')]))).toBe(false);
  });

  it('a run after the arena kept its states is the run made afresh', () => {
    const file = resolveScenarioPath('afghanistan-2020');
    const variant = scenarioVariants(readDataFile(file), file, {set: ['stall.rollouts=0']});
    const configs = [1, 1.5, 2, 3].map((g) => variant([parseOverride(`agents.taliban.params.patienceGrowth=${g}`)]));
    const kept = new RunArena();
    for (const c of configs) {
      const seed = `s-${c.agents.taliban.params.patienceGrowth}`;
      expect(runMetrics(kept.run(c, seed))).toEqual(runMetrics(new RunArena().run(c, seed)));
    }
  });
});
