// "Did you mean …?" for mistyped fields and kinds: in --set paths, scenario files and sweep specs.
import {describe, expect, it} from 'vitest';
import {z} from 'zod';
import {zodProblems} from '../../src/scenario/errors.js';
import {fieldsAt} from '../../src/scenario/fields.js';
import {parseScenario} from '../../src/scenario/resolve.js';
import {scenarioSchema} from '../../src/scenario/schema.js';
import {sweepSchema} from '../../src/sweep/spec.js';
import {rawScenario, refusal} from '../helpers/scenario.js';


describe('field suggestions', () => {
  it('--set agents.government.params.batchSiz=3: did you mean batchSize?', () => {
    expect(refusal(() => parseScenario(rawScenario(), 'f.yaml', {set: ['agents.government.params.batchSiz=3']}))).toBe(
      'f.yaml: invalid scenario\n  - agents.government.params: unknown field "batchSiz"; did you mean batchSize? (from --set agents.government.params.batchSiz=3)',
    );
  });

  it('a --set that writes into an unknown section is named, with the section it meant', () => {
    expect(refusal(() => parseScenario(rawScenario(), 'f.yaml', {set: ['agents.governmnt.policy=boulware', 'worlds.violence=1']}))).toBe(
      [
        'f.yaml: invalid scenario',
        '  - agents: unknown field "governmnt"; did you mean government? (from --set agents.governmnt.policy=boulware)',
        '  - (top level): unknown field "worlds"; did you mean world? (from --set worlds.violence=1)',
      ].join('\n'),
    );
  });

  it('an unknown event type gets the nearest, or the list of types', () => {
    expect(refusal(() => parseScenario(rawScenario({events: [{type: 'ceasfire', day: 3}]}), 'f.yaml'))).toContain('events[0].type: unknown value "ceasfire"; did you mean ceasefire?');
    expect(refusal(() => parseScenario(rawScenario({events: [{type: 'truce', day: 3}]}), 'f.yaml'))).toMatch(/events\[0\]\.type: unknown value "truce"; expected one of aid-cut, .*, release$/m);
  });

  it('an unknown policy gets the nearest', () => {
    expect(refusal(() => parseScenario(rawScenario(), 'f.yaml', {set: ['agents.taliban.policy=ratio-relaser']}))).toMatch(/unknown policy "ratio-relaser"; expected one of .*; did you mean ratio-releaser\?$/);
  });

  it('no suggestion for a word that is not a near miss', () => {
    expect(refusal(() => parseScenario(rawScenario({bogus: 1}), 'f.yaml'))).toBe('f.yaml: invalid scenario\n  - (top level): unknown field "bogus"');
  });

  it('sweep spec fields', () => {
    const spec = {name: 's', scenario: 'baseline', seed: 'x', vary: {'stall.rollouts': {values: [0]}}, replicate: 3, metrix: ['outcome']};
    const parsed = sweepSchema.safeParse(spec);
    expect(parsed.success).toBe(false);
    expect(zodProblems(parsed.error!, {schema: sweepSchema, data: spec})).toEqual(['(top level): unknown fields "replicate" (did you mean replicates?), "metrix" (did you mean metrics?)']);
  });

  it('fieldsAt follows objects, lists, defaults and the option a discriminated union picks', () => {
    const data = {agents: {us: {policy: 'facilitator'}}, events: [{type: 'holiday'}]};
    expect(fieldsAt(scenarioSchema, data, ['stall'])).toContain('rollouts');
    expect(fieldsAt(scenarioSchema, data, ['events', 0])).toEqual(['type', 'date', 'day', 'note', 'source', 'trigger', 'days', 'name']);
    expect(fieldsAt(scenarioSchema, data, ['agents', 'us'])).toEqual(['policy', 'params']);
    expect(fieldsAt(scenarioSchema, data, ['nowhere', 'at', 'all'])).toEqual([]);
    expect(fieldsAt(z.union([z.object({a: z.number()}), z.object({b: z.number()})]), {}, [])).toEqual([]);
  });
});
