import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {z} from 'zod';
import {findPolicy, policiesFor, POLICIES} from '../../src/agents/registry.js';
import {InputError} from '../../src/scenario/errors.js';
import {bundledScenarioNames} from '../../src/scenario/load.js';
import {loadScenario, parseScenario} from '../../src/scenario/resolve.js';
import {scenarioJsonSchema} from '../../src/scenario/schema.js';
import {parseIsoDate} from '../../src/sim/calendar.js';
import {AGENTS, TRUST_PAIRS} from '../../src/sim/types.js';
import {rawScenario, type Raw} from '../helpers/scenario.js';

interface JsonSchema {
  type?: string | string[];
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
}

const minimal = (): Raw => ({
  name: 'minimal',
  description: 'only what is required',
  start: '2020-03-01',
  days: 30,
  seed: 'x',
  agents: {government: {policy: 'boulware'}, taliban: {policy: 'obstinate-list'}, us: {policy: 'carrot-stick'}},
});

/** The problems an invalid scenario reports, one string per line ("path: message"). */
function problems(raw: unknown, options: Parameters<typeof parseScenario>[2] = {}): string[] {
  try {
    parseScenario(raw, 'bad.yaml', options);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).file).toBe('bad.yaml');
    const [head, ...rest] = (e as Error).message.split('\n');
    expect(head).toBe('bad.yaml: invalid scenario');
    return rest.map((line) => line.replace(/^ {2}- /, ''));
  }
  throw new Error('expected the scenario to be rejected');
}

/** Every leaf default of the JSON Schema shows up in the parsed value. */
function checkDefaults(schema: JsonSchema, value: unknown, path: string): number {
  let checked = 0;
  if (schema.properties && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, sub] of Object.entries(schema.properties)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) checked += checkDefaults(sub, v, `${path}.${key}`);
    }
    return checked;
  }
  if (schema.default !== undefined) {
    expect(value, path).toEqual(schema.default);
    checked++;
  }
  return checked;
}

describe('scenario schema: defaults', () => {
  it('fills in every documented default', () => {
    const {scenario} = parseScenario(minimal(), 'min.yaml');
    const schema = scenarioJsonSchema() as JsonSchema;
    const {agents: _agents, ...rest} = schema.properties!;
    const checked = checkDefaults({properties: rest}, scenario, '');
    expect(checked).toBeGreaterThan(40);
    // Fields with documented values.
    expect(scenario.roundDays).toBe(1);
    expect(scenario.talks).toBe('active');
    expect(scenario.events).toEqual([]);
    expect(scenario.pools.government.onList).toBe(5000);
    expect(scenario.pools.taliban.size).toBe(1000);
    expect(Object.keys(scenario.world.trust).sort()).toEqual([...TRUST_PAIRS].sort());
  });

  it("fills in every policy's parameter defaults", () => {
    for (const def of POLICIES) {
      const raw = minimal();
      (raw.agents as Raw)[def.agent] = {policy: def.name};
      const {scenario, config} = parseScenario(raw, 'min.yaml');
      const params = scenario.agents[def.agent].params as Record<string, unknown>;
      const json = z.toJSONSchema(def.params, {io: 'input'}) as JsonSchema;
      expect(Object.keys(params).sort(), def.name).toEqual(Object.keys(json.properties!).sort());
      for (const [key, prop] of Object.entries(json.properties!)) expect(params[key], `${def.name}.${key}`).toEqual(prop.default);
      expect(config.agents[def.agent].policy).toBe(def.name);
      expect(config.agents[def.agent].params).toEqual(params);
      expect(Object.isFrozen(config.agents[def.agent].params)).toBe(true);
    }
  });

  it('keeps given values over defaults, and takes a numeric seed as a string', () => {
    const {config} = parseScenario(
      {...minimal(), seed: 42, roundDays: 7, talks: 'pending', agents: {...(minimal().agents as Raw), government: {policy: 'boulware', params: {beta: 2}}}},
      'min.yaml',
    );
    expect(config.seed).toBe('42');
    expect(config.calendar).toEqual({startEpoch: parseIsoDate('2020-03-01'), roundDays: 7});
    expect(config.talksStart).toBe('pending');
    expect(config.agents.government.params.beta).toBe(2);
    expect(config.agents.government.params.deadlineDays).toBe(findPolicy('government', 'boulware')!.params.parse({}).deadlineDays);
  });

  it('takes the pool seeds from the population seed, not the run seed', () => {
    const a = parseScenario({...minimal(), seed: 'a', pools: {seed: 'pop'}}, 'a.yaml').config;
    const b = parseScenario({...minimal(), seed: 'b', pools: {seed: 'pop'}}, 'b.yaml').config;
    expect(a.govPool).toEqual(b.govPool);
    expect(a.talPool).toEqual(b.talPool);
    expect(a.govPool.seed).not.toBe(a.talPool.seed);
    expect(parseScenario({...minimal(), pools: {seed: 'other'}}, 'c.yaml').config.govPool.seed).not.toBe(a.govPool.seed);
  });
});

describe('scenario schema: rejections', () => {
  it('rejects unknown fields, naming their path', () => {
    expect(problems({...minimal(), bogus: 1})).toContain('(top level): unknown field "bogus"');
    expect(problems({...minimal(), world: {trust: {'gov-xyz': 0.3}}})).toContain('world.trust: unknown field "gov-xyz"');
    expect(problems({...minimal(), pools: {government: {onlist: 10}}})).toContain('pools.government: unknown field "onlist"; did you mean onList?');
    expect(problems({...minimal(), stall: {rollout: 10}})).toContain('stall: unknown field "rollout"; did you mean rollouts?');
    expect(problems({...minimal(), agents: {...(minimal().agents as Raw), us: {policy: 'carrot-stick', params: {stalldays: 3}}}})).toContain(
      'agents.us.params: unknown field "stalldays"; did you mean stallDays?',
    );
    expect(problems({...minimal(), events: [{type: 'ceasefire', day: 3, lenght: 2}]})).toContain('events[0]: unknown field "lenght"');
  });

  it('rejects a missing required field', () => {
    for (const field of ['name', 'description', 'start', 'days', 'seed', 'agents']) {
      const raw = minimal();
      delete raw[field];
      expect(problems(raw).some((p) => p.startsWith(`${field}:`)), field).toBe(true);
    }
  });

  it('rejects every out-of-range parameter of every policy at agents.<agent>.params.<name>', () => {
    let checked = 0;
    for (const def of POLICIES) {
      const json = z.toJSONSchema(def.params, {io: 'input'}) as JsonSchema;
      for (const [name, prop] of Object.entries(json.properties!)) {
        const bad: unknown[] = [];
        if (prop.type === 'number' || prop.type === 'integer') {
          bad.push(prop.maximum! + 1, prop.minimum! - 1, 'five');
          if (prop.type === 'integer') bad.push(prop.minimum! + 0.5);
        } else if (prop.enum) {
          bad.push('not-a-choice');
        } else if (prop.type === 'boolean') {
          bad.push('yes');
        }
        for (const value of bad) {
          const raw = minimal();
          (raw.agents as Raw)[def.agent] = {policy: def.name, params: {[name]: value}};
          const found = problems(raw);
          expect(found.length, `${def.name}.${name}=${String(value)}`).toBe(1);
          expect(found[0]!.startsWith(`agents.${def.agent}.params.${name}: `), found[0]).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('names the choices when a policy is unknown', () => {
    for (const agent of AGENTS) {
      const raw = minimal();
      (raw.agents as Raw)[agent] = {policy: 'no-such-policy'};
      const [line] = problems(raw);
      expect(line).toContain(`agents.${agent}.policy`);
      expect(line).toContain('no-such-policy');
      for (const p of policiesFor(agent)) expect(line).toContain(p.name);
      for (const p of POLICIES.filter((q) => q.agent !== agent)) expect(line).not.toContain(p.name);
    }
  });

  it('events need exactly one of date and day', () => {
    expect(problems({...minimal(), events: [{type: 'ceasefire'}]})).toEqual([expect.stringMatching(/^events\[0\]: .*exactly one of date or day/)]);
    expect(problems({...minimal(), events: [{type: 'holiday', day: 2}, {type: 'ceasefire', day: 3, date: '2020-03-04'}]})).toEqual([
      expect.stringMatching(/^events\[1\]: .*exactly one of date or day/),
    ]);
    expect(parseScenario({...minimal(), events: [{type: 'ceasefire', date: '2020-03-04'}]}, 'ok.yaml').config.events[0]!.day).toBe(3);
  });

  it('rejects event dates before the start or not on the calendar', () => {
    const before = problems({...minimal(), events: [{type: 'deadline', date: '2020-03-01'}, {type: 'ceasefire', date: '2020-02-29'}]});
    expect(before).toHaveLength(1); // the start date itself is fine
    expect(before[0]).toMatch(/^events\[1\]\.date: .*before the scenario starts/);
    const unreal = problems({...minimal(), events: [{type: 'holiday', date: '2021-02-29'}]});
    expect(unreal).toHaveLength(1);
    expect(unreal[0]).toMatch(/^events\[0\]\.date: .*not a calendar date/);
    expect(problems({...minimal(), events: [{type: 'ceasefire', date: '4 March'}]})[0]).toMatch(/^events\[0\]\.date: /);
    expect(problems({...minimal(), events: [{type: 'ceasefire', day: -1}]})[0]).toMatch(/^events\[0\]\.day: /);
  });

  it('rejects unknown event types and missing required event fields', () => {
    expect(problems({...minimal(), events: [{type: 'earthquake', day: 1}]})[0]).toMatch(/^events\[0\]\.type: /);
    expect(problems({...minimal(), events: [{type: 'us-press', day: 1}]})[0]).toMatch(/^events\[0\]\.target: /);
  });

  it('takes a trigger on an event, and refuses an unknown state, a lag below 1 or a missing lag, naming the field', () => {
    const trigger = (t: unknown) => ({...minimal(), events: [{type: 'holiday', day: 2}, {type: 'ratification-assembly', day: 20, trigger: t}]});
    const ok = parseScenario(trigger({when: 'only-high-tier-left', lag: 7}), 'ok.yaml').config.events[1]!;
    expect(ok).toMatchObject({type: 'ratification-assembly', day: 20, trigger: {when: 'only-high-tier-left', lag: 7}});
    expect(parseScenario(trigger(undefined), 'ok.yaml').config.events[1]!.trigger).toBeNull();
    expect(problems(trigger({when: 'sunrise', lag: 7}))).toEqual([expect.stringMatching(/^events\[1\]\.trigger\.when: .*only-high-tier-left.*ratification-approved/)]);
    expect(problems(trigger({when: 'ratification-approved', lag: -3}))).toEqual([expect.stringMatching(/^events\[1\]\.trigger\.lag: .*>=1/)]);
    expect(problems(trigger({when: 'ratification-approved', lag: 0}))).toEqual([expect.stringMatching(/^events\[1\]\.trigger\.lag: /)]);
    expect(problems(trigger({when: 'ratification-approved', lag: 2.5}))).toEqual([expect.stringMatching(/^events\[1\]\.trigger\.lag: /)]);
    expect(problems(trigger({when: 'ratification-approved'}))).toEqual([expect.stringMatching(/^events\[1\]\.trigger\.lag: /)]);
    expect(problems(trigger({when: 'ratification-approved', lag: 2, after: 3}))).toEqual([expect.stringMatching(/^events\[1\]\.trigger: .*"after"/)]);
  });

  it('rejects inconsistent pools', () => {
    expect(problems({...minimal(), pools: {government: {onList: 100, priority: 50, commanders: 60}}})).toContainEqual(
      expect.stringMatching(/^pools\.government\.commanders: /),
    );
    expect(problems({...minimal(), pools: {government: {onList: 100, serious: 101, commanders: 10}}})[0]).toMatch(/^pools\.government\.serious: /);
    expect(problems({...minimal(), pools: {taliban: {size: 10, specialForces: 11}}})[0]).toMatch(/^pools\.taliban\.specialForces: /);
  });

  it('rejects a start that is not a calendar date, and days out of range', () => {
    expect(problems({...minimal(), start: '2021-02-29'})).toEqual([expect.stringMatching(/^start: .*not a calendar date/)]);
    expect(problems({...minimal(), start: 'March 2020'})[0]).toMatch(/^start: /);
    expect(problems({...minimal(), days: 0})[0]).toMatch(/^days: /);
    expect(problems({...minimal(), days: 10.5})[0]).toMatch(/^days: /);
  });

  it('takes an information date on or after the start; one before it or off the calendar is refused', () => {
    expect(parseScenario({...minimal(), information: '2020-03-01'}, 'ok.yaml').scenario.information).toBe('2020-03-01');
    expect(parseScenario(minimal(), 'ok.yaml').scenario.information).toBeUndefined();
    expect(problems({...minimal(), information: '2020-02-29'})).toEqual(['information: 2020-02-29 is before the scenario starts (2020-03-01)']);
    expect(problems({...minimal(), information: '2020-02-30'})).toEqual([expect.stringMatching(/^information: .*not a calendar date/)]);
    expect(problems({...minimal(), information: '30 June 2020'})[0]).toBe('information: expected a date as YYYY-MM-DD');
  });

  it('rejects data that is not a mapping', () => {
    for (const raw of [null, 42, 'text', [1, 2]]) expect(problems(raw)).toEqual(['(top level): expected a mapping of scenario fields']);
  });
});

describe('loading scenario files', () => {
  it('loads every bundled scenario', () => {
    const names = bundledScenarioNames();
    expect(names).toContain('baseline');
    for (const name of names) {
      const {config, notes} = loadScenario(name);
      expect(config.name.length).toBeGreaterThan(0);
      expect(notes).toEqual([]);
    }
  });

  it('loads a file by path (YAML or JSON), with --seed and --days', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-test-'));
    const yamlFile = join(dir, 'mine.yaml');
    writeFileSync(yamlFile, 'name: mine\ndescription: a file\nstart: 2020-03-01\ndays: 20\nseed: s\nagents:\n  government: {policy: boulware}\n  taliban: {policy: ratio-releaser}\n  us: {policy: facilitator}\n');
    const jsonFile = join(dir, 'mine.json');
    writeFileSync(jsonFile, JSON.stringify({...minimal(), name: 'json'}));
    const y = loadScenario(yamlFile, {seed: '7', days: 12});
    expect(y.file).toBe(yamlFile);
    expect(y.config.seed).toBe('7');
    expect(y.config.days).toBe(12);
    expect(loadScenario(jsonFile).config.name).toBe('json');
  });

  it('reports unreadable or invalid files and unknown names as input errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-test-'));
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'name: [unclosed\n');
    expect(() => loadScenario(broken)).toThrow(InputError);
    expect(() => loadScenario(broken)).toThrow(/not valid YAML/);
    const brokenJson = join(dir, 'broken.json');
    writeFileSync(brokenJson, '{"name": ');
    expect(() => loadScenario(brokenJson)).toThrow(/not valid JSON/);
    expect(() => loadScenario('no-such-scenario')).toThrow(InputError);
    expect(() => loadScenario('no-such-scenario')).toThrow(/baseline/); // lists the bundled ones
  });
});

describe('JSON Schema', () => {
  it('is serialisable and lists the required fields', () => {
    const schema = JSON.parse(JSON.stringify(scenarioJsonSchema())) as {required: string[]; properties: Record<string, unknown>};
    expect(schema.required.sort()).toEqual(['agents', 'days', 'description', 'name', 'seed', 'start']);
    expect(Object.keys(schema.properties)).toContain('events');
  });

  it('accepts the raw test scenario used throughout the tests', () => {
    expect(() => parseScenario(rawScenario(), 'raw.yaml')).not.toThrow();
  });
});
