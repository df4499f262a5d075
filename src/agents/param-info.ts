// A policy's parameters as plain data, read from its zod schema: name, type, default, range,
// description and, for an enumerated one, its choices. `parley list` shows them, and a
// sensitivity spec's `all` varies each over this range.
import {z} from 'zod';
import type {PolicyDefinition} from './define.js';

export interface ParamInfo {
  name: string;
  /** JSON Schema type: number, integer, boolean or string. */
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

export function paramInfo(def: PolicyDefinition): ParamInfo[] {
  const schema = z.toJSONSchema(def.params, {io: 'input'}) as {properties?: Record<string, JsonSchemaProperty>};
  return Object.entries(schema.properties ?? {}).map(([name, p]): ParamInfo => ({
    name,
    type: p.type ?? (p.enum ? 'string' : 'unknown'),
    default: p.default,
    min: p.minimum ?? null,
    max: p.maximum ?? null,
    description: p.description ?? '',
    ...(p.enum ? {values: p.enum} : {}),
  }));
}
