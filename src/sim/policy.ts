// The contract between the engine and agent policies. A policy reads the world, which it cannot
// write (a type error), remembers what it needs in its own memory, and returns its actions for
// the round in a preallocated buffer; the engine resolves them.
import type {ActionBuffer} from './actions.js';
import type {SimConfig} from './config.js';
import type {Memory, WorldState} from './types.js';

/** `T` with every field read-only, all the way down (functions are left as they are). */
export type DeepReadonly<T> = T extends (...args: never[]) => unknown ? T : T extends object ? {readonly [K in keyof T]: DeepReadonly<T[K]>} : T;

/** The world as a policy sees it. */
export type WorldView = DeepReadonly<WorldState>;

export interface DecisionContext<P = Readonly<Record<string, unknown>>, M extends Memory = Memory> {
  /** The world at the start of the agent's phase. */
  readonly state: WorldView;
  readonly config: DeepReadonly<SimConfig>;
  readonly params: Readonly<P>;
  /** The policy's own memory (declared with the policy, src/agents/define.ts): it may write it. */
  readonly memory: M;
  /** Where the policy's actions for the round go. */
  readonly act: ActionBuffer;
}
