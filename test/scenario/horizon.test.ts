// Events and dates beyond what a run can reach: late events are named on stderr (notes), days no
// scenario reaches and dates past 9999-12-31 are refused.
import {describe, expect, it} from 'vitest';
import {parseScenario} from '../../src/scenario/resolve.js';
import {rawScenario, refusal} from '../helpers/scenario.js';


describe('events past the horizon', () => {
  it('an event on day 1,000,000,000,000 is refused, naming the field and the most rounds', () => {
    const raw = rawScenario({days: 240, events: [{type: 'ceasefire', day: 1e12}]});
    expect(refusal(() => parseScenario(raw, 'far.yaml'))).toBe('far.yaml: invalid scenario\n  - events[0].day: at most 5000, the most rounds a scenario runs');
  });

  it('an event after the last day is named in a note, with how many more there are', () => {
    const events = [
      {type: 'holiday', day: 10},
      {type: 'ceasefire', day: 61},
      {type: 'deadline', date: '2020-12-01'},
    ];
    const {notes, config} = parseScenario(rawScenario({days: 60, events}), 'late.yaml');
    expect(config.events).toHaveLength(3); // the run is the same: late events just never fire
    expect(notes).toEqual(['events[1] (ceasefire on day 61) and 1 more come after the last day (60): they never happen']);
    const one = parseScenario(rawScenario({days: 60, events: events.slice(0, 2)}), 'late.yaml');
    expect(one.notes).toEqual(['events[1] (ceasefire on day 61) comes after the last day (60): it never happens']);
    // An event on the last day fires (round 60 is simulated).
    expect(parseScenario(rawScenario({days: 61, events}), 'late.yaml', {set: ['events.2.date=2020-05-01']}).notes).toEqual([]);
  });

  it('an event before the start is still refused', () => {
    const raw = rawScenario({events: [{type: 'holiday', date: '2020-02-01'}]});
    expect(refusal(() => parseScenario(raw, 'early.yaml'))).toMatch(/events\[0\]\.date: 2020-02-01 is before the scenario starts/);
  });
});

describe('dates past 9999-12-31', () => {
  it('a start whose run ends after 9999-12-31 is refused (it would print 10000-03-14)', () => {
    expect(refusal(() => parseScenario(rawScenario({start: '9999-12-31', days: 240}), 'y10k.yaml'))).toBe(
      'y10k.yaml: invalid scenario\n  - days: 240 rounds of 1 day from start 9999-12-31 end in the year 10000; the last date parley writes is 9999-12-31',
    );
    expect(refusal(() => parseScenario(rawScenario({start: '9999-01-01', days: 100, roundDays: 7}), 'y10k.yaml'))).toMatch(/100 rounds of 7 days from start 9999-01-01 end in the year 10000/);
    expect(refusal(() => parseScenario(rawScenario({start: '9999-01-01'}), 'y10k.yaml', {days: 365}))).toMatch(/\(from --days 365\)$/);
  });

  it('a run that ends on 9999-12-31 is fine', () => {
    expect(parseScenario(rawScenario({start: '9999-01-01', days: 364}), 'y9999.yaml').config.days).toBe(364);
  });
});
