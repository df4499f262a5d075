// How a policy is declared: a name, the agent it drives, a zod schema of its parameters (every
// field has a default, a range and a description) and a decide function. The registry
// (registry.ts) lists them; adding a policy is one file plus one line there.
import {z} from 'zod';
import type {DecisionContext} from '../sim/policy.js';
import type {AgentId} from '../sim/types.js';

export interface PolicyDefinition<S extends z.ZodObject = z.ZodObject> {
  readonly name: string;
  readonly agent: AgentId;
  /** One line a student understands. */
  readonly summary: string;
  /** The theory behind it (see docs/model.md). */
  readonly theory: string;
  readonly params: S;
  decide(ctx: DecisionContext<z.output<S>>): void;
}

export function definePolicy<S extends z.ZodObject>(def: PolicyDefinition<S>): PolicyDefinition<S> {
  return def;
}

/** A bounded number parameter with a default. */
export const num = (def: number, min: number, max: number, description: string) =>
  z.number().min(min).max(max).default(def).describe(description);

/** A bounded whole-number parameter with a default. */
export const int = (def: number, min: number, max: number, description: string) =>
  z.int().min(min).max(max).default(def).describe(description);

export const bool = (def: boolean, description: string) => z.boolean().default(def).describe(description);

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, def: NoInfer<T[number]>, description: string) =>
  z.enum(values).default(def as never).describe(description);
