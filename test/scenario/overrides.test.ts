import fc from 'fast-check';
import {describe, expect, it, vi} from 'vitest';
import {parse as parseYaml} from 'yaml';
import {InputError} from '../../src/scenario/errors.js';
import {applyOverrides, parseOverride} from '../../src/scenario/overrides.js';
import {loadScenario, parseScenario} from '../../src/scenario/resolve.js';
import {rawScenario, type Raw} from '../helpers/scenario.js';

/** Freezes every object and array in `x`, so any write to it throws (ESM code is strict). */
function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null) {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

describe('parseOverride', () => {
  it('reads a decimal number exactly as YAML does (the fast path a sweep takes)', () => {
    const decimal = fc.oneof(
      fc.double({noNaN: true, noDefaultInfinity: true}).map(String),
      fc.integer().map(String),
      fc.tuple(fc.constantFrom('', '+', '-'), fc.nat(), fc.option(fc.nat()), fc.option(fc.integer({min: -30, max: 30}))).map(
        ([sign, int, frac, exp]) => `${sign}${int}${frac === null ? '' : `.${frac}`}${exp === null ? '' : `e${exp}`}`,
      ),
      fc.constantFrom('.5', '-.5', '5.', '1e3', '1E+3', '007', '0.0', '-0', '1e400'),
    );
    fc.assert(
      fc.property(decimal, (text) => {
        expect(parseOverride(`x=${text}`).value, text).toEqual(parseYaml(text));
      }),
      {numRuns: 1000},
    );
  });

  it.each([
    ['a.b.c=200', ['a', 'b', 'c'], 200],
    ['stall.confidence=0.95', ['stall', 'confidence'], 0.95],
    ['world.violence=-1.5', ['world', 'violence'], -1.5],
    ['agents.taliban.params.acceptUnilateral=true', ['agents', 'taliban', 'params', 'acceptUnilateral'], true],
    ['x=false', ['x'], false],
    ['agents.taliban.policy=ratio-releaser', ['agents', 'taliban', 'policy'], 'ratio-releaser'],
    ['world.trust.gov-tal=0.4', ['world', 'trust', 'gov-tal'], 0.4],
    ['events.0.day=3', ['events', '0', 'day'], 3],
    ['start=2020-03-01', ['start'], '2020-03-01'],
    ['name=two words', ['name'], 'two words'],
    ['note=a=b', ['note'], 'a=b'],
    ['name=', ['name'], ''],
    ['x=null', ['x'], null],
    ['list=[1, 2]', ['list'], [1, 2]],
    ['map={a: 1}', ['map'], {a: 1}],
  ])('%s', (text, path, value) => {
    expect(parseOverride(text)).toEqual({path, value, text});
  });

  it('refuses a YAML tag in a value, and Node prints no warning', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    try {
      expect(() => parseOverride('name=!custom x')).toThrow(new InputError('--set name=!custom x: unknown tag !custom: --set takes plain YAML values, without tags'));
      expect(() => parseOverride('seed={a: !!js/function f}')).toThrow(/unknown tag !!js\/function/);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
    expect(parseOverride('name=!!str 12').value).toBe('12');
  });

  it.each(['nothing', '=3', 'a..b=1', '.a=1', 'a.=1', '1a.b=2', 'a b=1', 'a/b=1'])('rejects %j', (text) => {
    expect(() => parseOverride(text)).toThrow(InputError);
    expect(() => parseOverride(text)).toThrow(text.split('=')[0]!.length > 0 && text.includes('=') ? /is not a field path/ : /expected path=value/);
  });
});

describe('applyOverrides', () => {
  it('never writes the data it is given (the rest of the copy is shared with it)', () => {
    const data = deepFreeze(rawScenario({agents: {government: {policy: 'phased-conditional', params: {batchSize: 120}}}}));
    const before = structuredClone(data);
    const overrides = ['agents.government.policy=boulware', 'agents.taliban.params.batchCap=12', 'world.trust.gov-tal=0.4', 'events.+={type: holiday, day: 30, days: 3}', 'stall.rollouts=0'].map(parseOverride);
    const {data: out} = applyOverrides(data, overrides) as {data: Raw & {agents: Record<string, Raw>}};
    expect(data).toEqual(before);
    expect(out.agents.government!.policy).toBe('boulware');
    expect(out.agents.government!.params).toBeUndefined();
    expect((out.events as unknown[]).length).toBe((((data as Raw).events as unknown[] | undefined)?.length ?? 0) + 1);
  });

  it('copies a section once however many overrides write into it, and never the frozen original', () => {
    const data = deepFreeze({agents: {government: {params: {a: 1, b: 2}}, us: {params: {c: 3}}}, shared: {x: 1}});
    const sets = ['agents.government.params.a=10', 'agents.government.params.b=20', 'agents.us.params.c=30', 'agents.government.params.d=40'].map(parseOverride);
    const {data: out} = applyOverrides(data, sets) as {data: typeof data & {agents: {government: {params: Record<string, number>}}}};
    expect(out.agents.government.params).toEqual({a: 10, b: 20, d: 40});
    expect(out.agents.us.params).toEqual({c: 30});
    expect(out.shared).toBe(data.shared); // not on any path written: shared
    expect(data.agents.government.params).toEqual({a: 1, b: 2});
    // A second application starts from the original again, not from the first one's copies.
    const again = applyOverrides(data, [parseOverride('agents.government.params.a=5')]).data as typeof out;
    expect(again.agents.government.params).toEqual({a: 5, b: 2});
  });

  it('sets values on a copy, creating sections as needed', () => {
    const data = {a: {b: 1}, keep: [1, 2]};
    const before = structuredClone(data);
    const {data: out, notes} = applyOverrides(data, [parseOverride('a.c.d=5'), parseOverride('a.b=2'), parseOverride('list.+={x: 1}')]);
    expect(out).toEqual({a: {b: 2, c: {d: 5}}, keep: [1, 2], list: [{x: 1}]});
    expect(notes).toEqual([]);
    expect(data).toEqual(before); // the input is untouched
  });

  it('applies overrides in order (the last one wins)', () => {
    const {data} = applyOverrides({}, [parseOverride('a=1'), parseOverride('a=2')]);
    expect(data).toEqual({a: 2});
  });

  it('appends to a list with a last segment +, creating the list if needed', () => {
    const {data, targets} = applyOverrides({events: [{type: 'a'}]}, [parseOverride('events.+={type: b}'), parseOverride('other.+=1')]);
    expect(data).toEqual({events: [{type: 'a'}, {type: 'b'}], other: [1]});
    expect([...targets.values()]).toEqual([['events', '1'], ['other', '0']]);
    expect(() => parseOverride('events.+.type=b')).toThrow(/is not a field path/);
    expect(() => parseOverride('+=1')).toThrow(/is not a field path/);
    expect(() => applyOverrides({days: {a: 1}}, [parseOverride('days.+=1')])).toThrow(/days is not a list/);
  });

  it('refuses an index past the end of a list at once, with one message (no list of holes)', () => {
    const events = Array.from({length: 12}, (_, day) => ({type: 'holiday', day}));
    const started = performance.now();
    expect(() => applyOverrides({events}, [parseOverride('events.10000000={type: ceasefire, day: 3}')])).toThrow(
      new InputError('--set events.10000000={type: ceasefire, day: 3}: events has 12 items: use events.+ to append'),
    );
    expect(performance.now() - started).toBeLessThan(100);
    expect(() => applyOverrides({events}, [parseOverride('events.12.day=3')])).toThrow(/events has 12 items: use events\.\+ to append/);
    expect(() => applyOverrides({}, [parseOverride('events.0.day=3')])).toThrow(/events has no items: use events\.\+ to append/);
    // An existing item is still set in place.
    const {data} = applyOverrides({events}, [parseOverride('events.11.day=30')]);
    expect((data as {events: {day: number}[]}).events[11]!.day).toBe(30);
  });

  it('refuses a name or a padded number as an item of a list (the list would keep it as a stray property)', () => {
    const events = [{type: 'holiday', day: 1}];
    expect(() => applyOverrides({events}, [parseOverride('events.day=3')])).toThrow(/events is a list: name an item by its index \(0 to 0\), or use events\.\+ to append/);
    expect(() => applyOverrides({events}, [parseOverride('events.00.day=3')])).toThrow(/events is a list/);
  });

  it('refuses to descend into a value', () => {
    expect(() => applyOverrides({days: 10}, [parseOverride('days.x=1')])).toThrow(InputError);
    expect(() => applyOverrides({days: 10}, [parseOverride('days.x=1')])).toThrow(/days is a value, not a section/);
  });

  it("switching a policy drops the file's params for the old one and says so", () => {
    const raw = {agents: {government: {policy: 'phased-conditional', params: {batchSize: 50}}}};
    const {data, notes} = applyOverrides(raw, [parseOverride('agents.government.policy=boulware')]);
    expect(data).toEqual({agents: {government: {policy: 'boulware'}}});
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('phased-conditional');
    expect(notes[0]).toContain('boulware');
    expect(notes[0]).toContain('agents.government');
  });

  it('keeps params when the policy is unchanged or the file gave none', () => {
    const same = applyOverrides({agents: {us: {policy: 'facilitator', params: {everyDays: 3}}}}, [parseOverride('agents.us.policy=facilitator')]);
    expect(same.data).toEqual({agents: {us: {policy: 'facilitator', params: {everyDays: 3}}}});
    expect(same.notes).toEqual([]);
    const none = applyOverrides({agents: {us: {policy: 'facilitator'}}}, [parseOverride('agents.us.policy=carrot-stick')]);
    expect(none.data).toEqual({agents: {us: {policy: 'carrot-stick'}}});
    expect(none.notes).toEqual([]);
  });
});

describe('--set through parseScenario', () => {
  const withParams = (): Raw => rawScenario({agents: {government: {policy: 'phased-conditional', params: {batchSize: 50}}, taliban: {policy: 'ratio-releaser'}, us: {policy: 'facilitator'}}});

  it('sets numbers, booleans and strings, validated like the file', () => {
    const {config} = parseScenario(withParams(), 'f.yaml', {
      set: ['agents.government.params.batchSize=200', 'agents.taliban.params.acceptUnilateral=false', 'stall.rollouts=50', 'talks=pending'],
    });
    expect(config.agents.government.params.batchSize).toBe(200);
    expect(config.agents.taliban.params.acceptUnilateral).toBe(false);
    expect(config.stall.rollouts).toBe(50);
    expect(config.talksStart).toBe('pending');
    expect(() => parseScenario(withParams(), 'f.yaml', {set: ['agents.government.params.batchSize=1']})).toThrow(/agents\.government\.params\.batchSize: /);
    expect(() => parseScenario(withParams(), 'f.yaml', {set: ['stall.bogus=1']})).toThrow(/stall: unknown field "bogus"/);
  });

  it('switches a policy with a note, and then takes params for the new one', () => {
    const loaded = parseScenario(withParams(), 'f.yaml', {set: ['agents.government.policy=boulware', 'agents.government.params.beta=2']});
    expect(loaded.config.agents.government.policy).toBe('boulware');
    expect(loaded.config.agents.government.params.beta).toBe(2);
    expect(loaded.config.agents.government.params).not.toHaveProperty('batchSize');
    expect(loaded.notes).toHaveLength(1);
    // Without the drop, batchSize (not a boulware parameter) would be rejected.
    const kept = withParams();
    ((kept.agents as Raw).government as Raw).policy = 'boulware';
    expect(() => parseScenario(kept, 'f.yaml')).toThrow(/agents\.government\.params: unknown field "batchSize"/);
    // Switching to another agent's policy is an unknown policy for this agent.
    expect(() => parseScenario(withParams(), 'f.yaml', {set: ['agents.government.policy=ratio-releaser']})).toThrow(/unknown policy "ratio-releaser"/);
  });

  it('--seed and --days win over --set and the file', () => {
    const {config} = parseScenario(withParams(), 'f.yaml', {set: ['seed=from-set', 'days=99'], seed: 'from-flag', days: 12});
    expect(config.seed).toBe('from-flag');
    expect(config.days).toBe(12);
  });

  it('names the flag the user wrote: --set days=1e7 is not --days', () => {
    expect(() => parseScenario(withParams(), 'f.yaml', {set: ['days=1e7']})).toThrow(/days: .* \(from --set days=1e7\)$/);
    expect(() => parseScenario(withParams(), 'f.yaml', {days: 10_000_000})).toThrow(/days: .* \(from --days 10000000\)$/);
  });

  it('a million-index --set gives one message, at once', () => {
    const started = performance.now();
    let message = '';
    try {
      parseScenario(withParams(), 'f.yaml', {set: ['events.1000000={type: ceasefire, day: 3}']});
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split('\n')).toEqual(['--set events.1000000={type: ceasefire, day: 3}: events has no items: use events.+ to append']);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('rejects bad paths', () => {
    expect(() => parseScenario(withParams(), 'f.yaml', {set: ['no-equals-sign']})).toThrow(InputError);
    expect(() => parseScenario(withParams(), 'f.yaml', {set: ['days.x=1']})).toThrow(/not a section/);
    expect(() => parseScenario(withParams(), 'f.yaml', {set: ['worlds.violence=1']})).toThrow(/unknown field "worlds"/);
  });

  it('works on a bundled scenario', () => {
    const {config} = loadScenario('baseline', {set: ['agents.taliban.policy=obstinate-list', 'stall.rollouts=0']});
    expect(config.agents.taliban.policy).toBe('obstinate-list');
    expect(config.stall.rollouts).toBe(0);
  });
});
