import {describe, expect, it} from 'vitest';
import {invalid, MAX_PROBLEMS} from '../../src/scenario/errors.js';
import {parseScenario} from '../../src/scenario/resolve.js';
import {rawScenario} from '../helpers/scenario.js';

describe('problem lists', () => {
  it('list the first 20 problems, then how many more', () => {
    const problems = Array.from({length: 1000}, (_, i) => `events[${i}]: bad`);
    const lines = invalid('f.yaml', problems).message.split('\n');
    expect(MAX_PROBLEMS).toBe(20);
    expect(lines).toHaveLength(1 + 20 + 1);
    expect(lines[0]).toBe('f.yaml: invalid scenario');
    expect(lines[20]).toBe('  - events[19]: bad');
    expect(lines[21]).toBe('  - and 980 more');
    expect(invalid('f.yaml', problems.slice(0, 20)).message.split('\n')).toHaveLength(21);
  });

  it('a scenario wrong in a thousand places says so in 22 lines', () => {
    const events = Array.from({length: 1000}, () => ({type: 'ceasefire', day: -1}));
    let message = '';
    try {
      parseScenario(rawScenario({events}), 'many.yaml');
    } catch (e) {
      message = (e as Error).message;
    }
    const lines = message.split('\n');
    expect(lines).toHaveLength(22);
    expect(lines.at(-1)).toBe('  - and 980 more');
  });
});
