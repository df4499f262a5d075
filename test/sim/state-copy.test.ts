// copyState is written field by field for speed; this test makes sure no field is forgotten,
// including fields added later: every own field of a state (but the generator and the
// recording arrays) must be equal after a copy.
import {describe, expect, it} from 'vitest';
import {loadScenario} from '../../src/scenario/resolve.js';
import {copyState, createState} from '../../src/sim/state.js';
import {step} from '../../src/sim/step.js';
import {createStepper} from '../../src/sim/stepper.js';
import {AGENTS, PART_OF, type WorldState} from '../../src/sim/types.js';

const NOT_COPIED = new Set(['rng', 'log', 'batches', 'walkouts', 'episodes']);

function simulated(s: WorldState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) if (!NOT_COPIED.has(k)) out[k] = v;
  return out;
}

/** Overwrites every scalar field with a value no real state has, so a skipped field shows. */
function stale(s: WorldState): void {
  const spoil = (o: Record<string, unknown>): void => {
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'number') o[k] = -98765;
      else if (typeof v === 'boolean') o[k] = !v;
      else if (typeof v === 'string' || v === null) o[k] = '__stale__';
      else if (v instanceof Float64Array || v instanceof Int32Array || v instanceof Uint8Array) v.fill(7);
    }
  };
  spoil(s as unknown as Record<string, unknown>);
  for (const part of [s.gov, s.tal, s.us, s.counters, s.govPool, s.talPool]) spoil(part as unknown as Record<string, unknown>);
  for (const part of [s.gov, s.tal, s.us]) spoil(part.memory);
}

describe('copyState', () => {
  it('copies every simulated field, deeply, for each bundled scenario', () => {
    for (const name of ['baseline', 'afghanistan-2020', 'us-pressure', 'goodwill-cascade', 'hardline-government']) {
      const {config} = loadScenario(name, {seed: 'copy'});
      const s = createState(config);
      const st = createStepper(config, s);
      for (let d = 0; d < 90 && s.outcome === 'ongoing'; d++) step(s, config, st);
      const dst = createState(config, {record: false});
      stale(dst);
      copyState(dst, s);
      expect(simulated(dst)).toEqual(simulated(s));
      // Agents: every key of the source exists in the copy with the same value.
      for (const agent of ['gov', 'tal', 'us', 'counters'] as const) {
        expect(Object.keys(dst[agent]).sort()).toEqual(Object.keys(s[agent]).sort());
      }
    }
  });

  it('does not share buffers with the source', () => {
    const {config} = loadScenario('baseline', {seed: 'copy'});
    const s = createState(config);
    const dst = createState(config, {record: false});
    copyState(dst, s);
    for (const part of ['gov', 'tal', 'us'] as const) expect(dst[part].memory).not.toBe(s[part].memory);
    expect(dst.trust).not.toBe(s.trust);
    expect(dst.govPool.released).not.toBe(s.govPool.released);
  });

  it('copies what each policy remembers, every field, whatever the policies', () => {
    const set = ['agents.government.policy=phased-conditional', 'agents.taliban.policy=obstinate-list', 'agents.us.policy=carrot-stick'];
    for (const [name, options] of [['afghanistan-2020', {}], ['baseline', {set}]] as const) {
      const {config} = loadScenario(name, {seed: 'memory', ...options});
      const s = createState(config);
      const st = createStepper(config, s);
      for (let d = 0; d < 120 && s.outcome === 'ongoing'; d++) step(s, config, st);
      // The policies have remembered something by now: the copy must not pass by starting equal.
      for (const agent of AGENTS) expect(s[PART_OF[agent]].memory, `${name} ${agent}`).not.toEqual(config.agents[agent].memory);
      const dst = createState(config, {record: false});
      stale(dst);
      copyState(dst, s);
      for (const part of ['gov', 'tal', 'us'] as const) expect(dst[part].memory, `${name} ${part}`).toEqual(s[part].memory);
    }
  });
});
