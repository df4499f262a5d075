import {describe, expect, it} from 'vitest';
import {closest, didYouMean} from '../../src/scenario/suggest.js';

describe('closest', () => {
  it('finds the near miss', () => {
    expect(closest('rnu', ['run', 'replay', 'sweep'])).toBe('run');
    expect(closest('--sed', ['--seed', '--set', '--days'])).toBe('--seed');
    expect(closest('basline', ['baseline', 'hardline'])).toBe('baseline');
    expect(closest('batchSiz', ['batchSize', 'minBatch'])).toBe('batchSize');
  });
  it('offers nothing for a different word', () => {
    expect(closest('banana', ['run', 'replay', 'sweep'])).toBeUndefined();
    expect(closest('x', ['run'])).toBeUndefined();
  });
  it('words the suggestion', () => {
    expect(didYouMean('rnu', ['run'])).toBe('; did you mean run?');
    expect(didYouMean('zzz', ['run'])).toBe('');
  });
});
