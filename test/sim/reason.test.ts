import {describe, expect, it} from 'vitest';
import {ActionBuffer} from '../../src/sim/actions.js';
import {explain} from '../../src/sim/reason.js';

const reason = (text: string, ...args: (string | number | undefined)[]) => explain({reason: text, reasonArgs: args});

describe('explain', () => {
  it('fills each slot with its value as a template literal would', () => {
    expect(reason('frees {0} government captives (owed {1} at {2}:1)', 40, 212, 5)).toBe('frees 40 government captives (owed 212 at 5:1)');
    expect(reason('frees a batch of {0} chosen by {1}', 110, 'humanitarian')).toBe('frees a batch of 110 chosen by humanitarian');
    expect(reason('{0}{0}', 'a')).toBe('aa');
    expect(reason('ratio {0}:1', 2.5)).toBe(`ratio ${2.5}:1`);
  });

  it('rounds a number to the digits a slot asks for', () => {
    expect(reason('below {0:.1} (now {1:.1})', 1.5, 1.6666)).toBe('below 1.5 (now 1.7)');
    expect(reason('trust is {0:.2}', 0.456)).toBe('trust is 0.46');
  });

  it('leaves a text without slots as it is', () => {
    expect(reason('between phases of the release schedule')).toBe('between phases of the release schedule');
  });

  it('fails on a slot without a value rather than print "undefined"', () => {
    expect(() => reason('holding the last {0}: waiting for {1}', 3)).toThrow(/no value for \{1\}/);
  });

  it('is what an action buffer stores: the values of the last add, not of an earlier one', () => {
    const buf = new ActionBuffer();
    buf.add('hold', 'holding: {0} owed is less than a batch {1}', 7, 'x');
    buf.clear();
    const a = buf.add('hold', 'holding: waiting for the Taliban to free {0} more', 12);
    expect(explain(a)).toBe('holding: waiting for the Taliban to free 12 more');
    expect(a.reasonArgs).toEqual([12, undefined, undefined]);
  });
});
