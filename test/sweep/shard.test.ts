// --shard k/N: parsing, and blocks that partition the runs in order whatever R and N.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseShard, shardRange} from '../../src/sweep/shard.js';

describe('parseShard', () => {
  it('takes k/N with 1 ≤ k ≤ N', () => {
    expect(parseShard('1/3')).toEqual({k: 1, n: 3});
    expect(parseShard(' 3 / 3 ')).toEqual({k: 3, n: 3});
    for (const bad of ['0/3', '4/3', '3', '1/0', '-1/3', '1.5/3', 'a/b', '1/3/4', '']) expect(parseShard(bad), bad).toBeNull();
  });
});

describe('shardRange', () => {
  it('is the whole sweep without a shard', () => {
    expect(shardRange(200, null)).toEqual({start: 0, end: 200});
  });

  it('splits 200 runs into 3 blocks of floor((k-1)R/N)..floor(kR/N)-1', () => {
    expect([1, 2, 3].map((k) => shardRange(200, {k, n: 3}))).toEqual([
      {start: 0, end: 66},
      {start: 66, end: 133},
      {start: 133, end: 200},
    ]);
  });

  it('the N blocks are contiguous, disjoint and cover every run, with sizes within one', () => {
    fc.assert(
      fc.property(fc.integer({min: 0, max: 10_000}), fc.integer({min: 1, max: 300}), (runs, n) => {
        const blocks = Array.from({length: n}, (_, i) => shardRange(runs, {k: i + 1, n}));
        expect(blocks[0]!.start).toBe(0);
        expect(blocks[n - 1]!.end).toBe(runs);
        blocks.slice(1).forEach((b, i) => expect(b.start).toBe(blocks[i]!.end));
        const sizes = blocks.map((b) => b.end - b.start);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('stays exact beyond 2^53 products', () => {
    const runs = 9_000_000_000_000;
    expect(shardRange(runs, {k: 1000, n: 1000}).end).toBe(runs);
    expect(shardRange(runs, {k: 1, n: 7}).end).toBe(1_285_714_285_714);
  });
});
