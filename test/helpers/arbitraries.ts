// fast-check arbitraries for whole scenarios, derived from the schemas themselves so that new
// policies, parameters and event types are covered without editing the tests.
import fc from 'fast-check';
import {z} from 'zod';
import {policiesFor} from '../../src/agents/registry.js';
import type {PolicyDefinition} from '../../src/agents/define.js';
import {scenarioJsonSchema} from '../../src/scenario/schema.js';
import {formatIsoDate, parseIsoDate} from '../../src/sim/calendar.js';
import {GOV_CRITERIA, TAL_CRITERIA, TRUST_PAIRS, type AgentId} from '../../src/sim/types.js';
import type {Raw} from './scenario.js';

interface JsonProp {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonProp>;
  required?: string[];
}

/** A value within a JSON Schema leaf: [min, max] for numbers (ints for integers), a choice for enums. */
export function leafArb(prop: JsonProp, where: string): fc.Arbitrary<unknown> {
  if (prop.const !== undefined) return fc.constant(prop.const);
  if (prop.enum) return fc.constantFrom(...prop.enum);
  switch (prop.type) {
    case 'boolean':
      return fc.boolean();
    case 'string':
      return fc.string({maxLength: 12});
    case 'integer':
    case 'number': {
      if (!Number.isFinite(prop.minimum) || !Number.isFinite(prop.maximum)) throw new Error(`${where}: no finite range`);
      const min = prop.minimum!;
      const max = prop.maximum!;
      if (prop.type === 'integer') return fc.integer({min, max});
      // Mostly anywhere in the range, sometimes exactly at an end.
      return fc.oneof({weight: 8, arbitrary: fc.double({min, max, noNaN: true, noDefaultInfinity: true})}, {weight: 1, arbitrary: fc.constantFrom(min, max)});
    }
    case 'object': {
      // A nested object (an event's trigger): each field within its range, the required ones always.
      const fields: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, p] of Object.entries(prop.properties ?? {})) fields[name] = leafArb(p, `${where}.${name}`);
      return fc.record(fields, {requiredKeys: prop.required ?? []});
    }
    default:
      throw new Error(`${where}: no arbitrary for ${JSON.stringify(prop)}`);
  }
}

/** Some of a policy's parameters (the rest left to their defaults), each within its range. */
export function paramsArb(def: PolicyDefinition): fc.Arbitrary<Raw> {
  const schema = z.toJSONSchema(def.params, {io: 'input'}) as JsonProp;
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, prop] of Object.entries(schema.properties ?? {})) fields[name] = leafArb(prop, `${def.name}.${name}`);
  return fc.record(fields, {requiredKeys: []}) as fc.Arbitrary<Raw>;
}

export function agentArb(agent: AgentId): fc.Arbitrary<{policy: string; params: Raw}> {
  return fc.constantFrom(...policiesFor(agent)).chain((def) => paramsArb(def).map((params) => ({policy: def.name, params})));
}

let eventSchemas: JsonProp[] | undefined;

/** The event types of the scenario schema with their fields (other than when and what). */
function eventOptions(): JsonProp[] {
  if (!eventSchemas) {
    const events = (scenarioJsonSchema() as {properties: Record<string, {items: {oneOf?: JsonProp[]; anyOf?: JsonProp[]}}>}).properties.events!.items;
    eventSchemas = events.oneOf ?? events.anyOf ?? [];
  }
  return eventSchemas;
}

const WHEN = new Set(['type', 'date', 'day', 'note', 'source']);

/** A scheduled event on a round in [0, days], given by day or by date. */
export function eventArb(start: string, days: number, roundDays: number): fc.Arbitrary<Raw> {
  const startEpoch = parseIsoDate(start)!;
  const options = eventOptions().map((option) => {
    const props = option.properties!;
    const required: Record<string, fc.Arbitrary<unknown>> = {type: fc.constant(props.type!.const)};
    const optional: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [name, prop] of Object.entries(props)) {
      if (WHEN.has(name)) continue;
      if (option.required?.includes(name)) required[name] = leafArb(prop, `event ${String(props.type!.const)}.${name}`);
      else optional[name] = leafArb(prop, `event ${String(props.type!.const)}.${name}`);
    }
    return fc.record({...required, fields: fc.record(optional, {requiredKeys: []})}).map(({fields, ...rest}) => ({...rest, ...(fields as Raw)}));
  });
  if (options.length === 0) throw new Error('no event types found in the scenario schema');
  return fc
    .record({
      event: fc.oneof(...options),
      day: fc.integer({min: 0, max: days}),
      offset: fc.integer({min: 0, max: roundDays - 1}),
      byDate: fc.boolean(),
      // Always a note: an event without one logs an empty reason (reported to the lead).
      note: fc.string({maxLength: 10}).map((s) => `note ${s}`),
    })
    .map(({event, day, offset, byDate, note}) => ({
      ...sideCriteria(event),
      ...(byDate ? {date: formatIsoDate(startEpoch + day * roundDays + offset)} : {day}),
      note,
    }));
}

/** The schema lists both sides' release criteria; a release keeps only one of its own side. */
function sideCriteria(event: Raw): Raw {
  if (event.type !== 'release' || event.criteria === undefined) return event;
  const own: readonly unknown[] = event.side === 'government' ? GOV_CRITERIA : TAL_CRITERIA;
  if (own.includes(event.criteria)) return event;
  const {criteria: _criteria, ...rest} = event;
  return rest;
}

const shareArb = fc.double({min: 0, max: 1, noNaN: true});

const govPoolArb = fc
  .record({
    onList: fc.integer({min: 20, max: 5000}),
    offList: fc.integer({min: 0, max: 500}),
    priority: fc.integer({min: 0, max: 30}),
    commanders: fc.double({min: 0, max: 0.3, noNaN: true}),
    serious: fc.double({min: 0, max: 0.5, noNaN: true}),
    foreignShare: fc.double({min: 0, max: 0.2, noNaN: true}),
  })
  .map(({onList, offList, priority, commanders, serious, foreignShare}) => {
    const pr = Math.min(priority, onList);
    return {onList, offList, priority: pr, commanders: Math.floor(commanders * (onList - pr)), serious: Math.floor(serious * onList), foreignShare};
  });

const talPoolArb = fc
  .record({size: fc.integer({min: 5, max: 1000}), specialForces: fc.double({min: 0, max: 0.1, noNaN: true}), civilianShare: shareArb})
  .map(({size, specialForces, civilianShare}) => ({size, specialForces: Math.floor(specialForces * size), civilianShare}));

const trustArb = fc.record(Object.fromEntries(TRUST_PAIRS.map((p) => [p, shareArb])) as Record<(typeof TRUST_PAIRS)[number], fc.Arbitrary<number>>);

export interface ScenarioArbOptions {
  maxDays: number;
}

/** A whole random scenario as raw data, valid by construction (parseScenario must accept it). */
export function scenarioArb({maxDays}: ScenarioArbOptions): fc.Arbitrary<Raw> {
  const head = fc.record({
    start: fc.integer({min: parseIsoDate('2019-01-01')!, max: parseIsoDate('2021-12-31')!}).map(formatIsoDate),
    // Mostly long enough for the exchange to get going; sometimes very short.
    days: fc.oneof({weight: 1, arbitrary: fc.integer({min: 1, max: 30})}, {weight: 3, arbitrary: fc.integer({min: Math.min(60, maxDays), max: maxDays})}),
    roundDays: fc.oneof({weight: 4, arbitrary: fc.constant(1)}, {weight: 1, arbitrary: fc.integer({min: 2, max: 7})}),
  });
  return head.chain(({start, days, roundDays}) =>
    fc
      .record({
        seed: fc.oneof(fc.string({maxLength: 12}), fc.integer({min: 0, max: 1e6})),
        talks: fc.constantFrom('pending', 'active', 'active'),
        government: agentArb('government'),
        taliban: agentArb('taliban'),
        us: agentArb('us'),
        poolSeed: fc.string({maxLength: 8}),
        gov: govPoolArb,
        tal: talPoolArb,
        trust: trustArb,
        world: fc.record(
          {
            violence: fc.double({min: 0, max: 3, noNaN: true}),
            trustForgetting: fc.double({min: 0.5, max: 1, noNaN: true}),
            ratio: fc.double({min: 1, max: 20, noNaN: true}),
            violenceNoise: fc.double({min: 0, max: 1, noNaN: true}),
          },
          {requiredKeys: []},
        ),
        stall: fc.record(
          {
            walkoutDays: fc.integer({min: 1, max: 30}),
            noProgressDays: fc.integer({min: 1, max: 30}),
            confidence: fc.double({min: 0.5, max: 0.999, noNaN: true}),
          },
          {requiredKeys: []},
        ),
        completion: fc.record({government: fc.double({min: 0.3, max: 1, noNaN: true}), taliban: fc.double({min: 0.3, max: 1, noNaN: true})}, {requiredKeys: []}),
        events: fc.array(eventArb(start, days, roundDays), {maxLength: 10}),
        // Pending talks usually convene at some point.
        convene: fc.option(fc.integer({min: 1, max: 40}), {freq: 4, nil: null}),
      })
      .map(
        (r): Raw => ({
          name: 'random',
          description: 'a generated scenario',
          start,
          days,
          roundDays,
          seed: r.seed,
          talks: r.talks,
          agents: {government: r.government, taliban: r.taliban, us: r.us},
          pools: {seed: r.poolSeed, government: r.gov, taliban: r.tal},
          world: {...r.world, trust: r.trust},
          stall: {...r.stall, rollouts: 0},
          completion: r.completion,
          events: r.talks === 'pending' && r.convene !== null ? [...r.events, {type: 'talks-convene', day: r.convene, note: 'the teams meet'}] : r.events,
        }),
      ),
  );
}
