// What `parley list` shows: the bundled scenarios and sweep specs and every policy with its
// parameters, as plain data (this is the --json document; src/text/catalog.ts formats it as text).
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {z} from 'zod';
import {POLICIES} from '../agents/registry.js';
import {InputError} from '../scenario/errors.js';
import {bundledScenarioNames, readDataFile, SCENARIO_DIR} from '../scenario/load.js';
import {bundledSweepNames, SWEEP_DIR} from '../sweep/plan.js';

export interface Catalog {
  scenarios: {name: string; description: string; file: string}[];
  sweeps: {name: string; description: string; file: string}[];
  policies: {agent: string; name: string; summary: string; theory: string; params: ParamInfo[]}[];
}

export interface ParamInfo {
  name: string;
  type: string;
  default: unknown;
  min: number | null;
  max: number | null;
  description: string;
  /** The choices of an enumerated parameter. */
  values?: string[];
}

interface JsonSchemaProperty {
  type?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  description?: string;
  enum?: string[];
}

export function catalog(): Catalog {
  return {
    scenarios: bundledScenarioNames().map((name) => bundledEntry(SCENARIO_DIR, name)),
    sweeps: bundledSweepNames().map((name) => bundledEntry(SWEEP_DIR, name)),
    policies: POLICIES.map(policyEntry),
  };
}

/** Reads only the description, so one broken bundled file does not break the listing. */
function bundledEntry(dir: string, name: string): Catalog['scenarios'][number] {
  const file = ['.yaml', '.yml', '.json'].map((ext) => join(dir, name + ext)).find((f) => existsSync(f)) ?? join(dir, name);
  try {
    const data = readDataFile(file) as {description?: unknown} | null;
    const description = typeof data?.description === 'string' ? data.description.trim() : '';
    return {name, description, file};
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return {name, description: `(unreadable: ${e.message})`, file};
  }
}

function policyEntry(def: (typeof POLICIES)[number]): Catalog['policies'][number] {
  const schema = z.toJSONSchema(def.params, {io: 'input'}) as {properties?: Record<string, JsonSchemaProperty>};
  const params = Object.entries(schema.properties ?? {}).map(([name, p]): ParamInfo => ({
    name,
    type: p.type ?? 'unknown',
    default: p.default,
    min: p.minimum ?? null,
    max: p.maximum ?? null,
    description: p.description ?? '',
    ...(p.enum ? {values: p.enum} : {}),
  }));
  return {agent: def.agent, name: def.name, summary: def.summary, theory: def.theory, params};
}
