import {describe, expect, it} from 'vitest';
import {byAssignment, sharedStrings} from '../../src/sim/shape.js';

describe('byAssignment', () => {
  it('copies the fields onto a new object', () => {
    const o = {a: 1, b: 'x'};
    const c = byAssignment(o);
    expect(c).toEqual(o);
    expect(c).not.toBe(o);
  });
});

describe('sharedStrings', () => {
  it('keeps every value and the structure, in place', () => {
    const words = ['act', 'ive'];
    const o = {talks: words.join(''), events: [{type: `rel${'ease'}`, day: 3}], n: 2, none: null, list: new Uint8Array([1, 2])};
    const before = structuredClone(o);
    const out = sharedStrings(o);
    expect(out).toBe(o);
    expect(out).toEqual(before);
    expect(out.list).toBeInstanceOf(Uint8Array);
  });

  it('leaves frozen objects, functions and class instances alone', () => {
    const frozen = Object.freeze({a: 'x'});
    const f = (): number => 1;
    class Box {
      constructor(public word: string) {}
    }
    const box = new Box('y');
    const o = {frozen, f, box};
    sharedStrings(o);
    expect(o.frozen).toBe(frozen);
    expect(o.f).toBe(f);
    expect(o.box).toBe(box);
  });

  it('returns a string equal to the one given', () => {
    const s = ['only-high', '-tier-left'].join('');
    expect(sharedStrings(s)).toBe('only-high-tier-left');
  });
});
