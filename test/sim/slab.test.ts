import {describe, expect, it} from 'vitest';
import {loadScenario} from '../../src/scenario/resolve.js';
import {Slab, slabSize} from '../../src/sim/slab.js';
import {createState} from '../../src/sim/state.js';
import type {WorldState} from '../../src/sim/types.js';

describe('Slab', () => {
  it('hands out aligned views that do not overlap and fill the buffer exactly', () => {
    const slab = new Slab(slabSize({f64: 3, i32: 5, u8: 7}, {f64: 1, i32: 0, u8: 2}));
    const views = [slab.u8(4), slab.f64(2), slab.i32(5), slab.i8(5), slab.f64(2)];
    expect(views.map((v) => v.byteOffset % v.BYTES_PER_ELEMENT)).toEqual([0, 0, 0, 0, 0]);
    const spans = views.map((v) => [v.byteOffset, v.byteOffset + v.byteLength] as const).sort((p, q) => p[0] - q[0]);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
    expect(spans.at(-1)![1]).toBe(views[0]!.buffer.byteLength);
    // One more view of any kind does not fit.
    expect(() => slab.u8(1)).toThrow(RangeError);
  });

  it('refuses a view past its own width\'s region, though the buffer has room after it', () => {
    const slab = new Slab({f64: 1, i32: 2, u8: 16});
    slab.i32(2);
    expect(() => slab.i32(1)).toThrow(RangeError);
    expect(() => slab.f64(2)).toThrow(RangeError);
    expect(slab.u8(16).byteOffset).toBe(16);
  });
});

describe('a world state cut from one slab', () => {
  const arrays = (s: WorldState) => [s.trust, s.eventTriggered, s.eventFired, s.govPool.released, s.govPool.cursors, s.govPool.orderUsed, s.govPool.remaining, s.talPool.released, s.talPool.cursors, s.talPool.orderUsed, s.talPool.remaining];

  it('shares one buffer, and writing one array changes no other', () => {
    const s = createState(loadScenario('afghanistan-2020').config, {record: false});
    const all = arrays(s);
    expect(new Set(all.map((a) => a.buffer)).size).toBe(1);
    const before = all.map((a) => Array.from(a));
    all.forEach((a, i) => {
      a.fill(7);
      all.forEach((b, j) => {
        if (j !== i) expect(Array.from(b)).toEqual(before[j]);
      });
      a.set(before[i]!);
    });
  });

  it('starts as before: trust from the priors, nobody released, categories full', () => {
    const cfg = loadScenario('afghanistan-2020').config;
    const s = createState(cfg, {record: false});
    expect(s.govPool.released.every((v) => v === 0)).toBe(true);
    expect(s.govPool.orderUsed.every((v) => v === -1)).toBe(true);
    expect(s.eventTriggered.every((v) => v === -1)).toBe(true);
    expect(s.govPool.remaining.reduce((a, b) => a + b, 0)).toBe(s.govPool.released.length);
    expect(s.trust[0]! / (s.trust[0]! + s.trust[1]!)).toBeCloseTo(cfg.world.trust['gov-tal'], 12);
  });
});
