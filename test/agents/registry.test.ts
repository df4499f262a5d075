import {describe, expect, it} from 'vitest';
import {z} from 'zod';
import {findPolicy, policiesFor, POLICIES} from '../../src/agents/registry.js';
import {AGENTS} from '../../src/sim/types.js';

interface JsonProp {
  type?: string;
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
}

describe('policy registry', () => {
  it('has at least four policies per agent, each for a known agent', () => {
    for (const p of POLICIES) expect(AGENTS).toContain(p.agent);
    for (const agent of AGENTS) expect(policiesFor(agent).length, agent).toBeGreaterThanOrEqual(4);
    expect(AGENTS.reduce((n, a) => n + policiesFor(a).length, 0)).toBe(POLICIES.length);
  });

  it('has unique, kebab-case names', () => {
    const names = POLICIES.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('finds policies by agent and name only', () => {
    for (const p of POLICIES) {
      expect(findPolicy(p.agent, p.name)).toBe(p);
      for (const other of AGENTS.filter((a) => a !== p.agent)) expect(findPolicy(other, p.name)).toBeUndefined();
    }
    expect(findPolicy('government', 'no-such-policy')).toBeUndefined();
  });

  it('describes every policy for a student', () => {
    for (const p of POLICIES) {
      expect(p.summary.trim().length, p.name).toBeGreaterThan(10);
      expect(p.theory.trim().length, p.name).toBeGreaterThan(5);
      expect(typeof p.bind).toBe('function');
    }
  });

  it('gives every parameter a default, a range or choices, and a description', () => {
    for (const p of POLICIES) {
      const schema = z.toJSONSchema(p.params, {io: 'input'}) as {properties?: Record<string, JsonProp>; required?: string[]};
      const props = Object.entries(schema.properties ?? {});
      expect(props.length, p.name).toBeGreaterThan(0);
      expect(schema.required ?? [], `${p.name}: every parameter is optional`).toEqual([]);
      for (const [name, prop] of props) {
        const where = `${p.name}.${name}`;
        expect(prop.description?.trim().length ?? 0, `${where} description`).toBeGreaterThan(0);
        expect(prop.default, `${where} default`).toBeDefined();
        if (prop.type === 'number' || prop.type === 'integer') {
          expect(Number.isFinite(prop.minimum), `${where} minimum`).toBe(true);
          expect(Number.isFinite(prop.maximum), `${where} maximum`).toBe(true);
          expect(prop.minimum!).toBeLessThanOrEqual(prop.maximum!);
          expect(prop.default as number, `${where} default in range`).toBeGreaterThanOrEqual(prop.minimum!);
          expect(prop.default as number, `${where} default in range`).toBeLessThanOrEqual(prop.maximum!);
          if (prop.type === 'integer') expect(Number.isInteger(prop.default), `${where} integer default`).toBe(true);
        } else if (prop.enum) {
          expect(prop.enum.length, `${where} choices`).toBeGreaterThan(1);
          expect(prop.enum, `${where} default is a choice`).toContain(prop.default);
        } else {
          expect(prop.type, `${where}: a number, an integer, a choice or a boolean`).toBe('boolean');
        }
      }
      // The defaults are what an empty parameter block gives.
      const parsed = p.params.parse({}) as Record<string, unknown>;
      for (const [name, prop] of props) expect(parsed[name], `${p.name}.${name}`).toEqual(prop.default);
    }
  });
});
