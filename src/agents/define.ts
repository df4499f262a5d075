// How a policy is declared: a name, the agent it drives, a zod schema of its parameters (every
// field has a default, a range and a description), what it remembers between rounds (its
// memory, with the values it starts from) and a decide function that sees those parameters and
// that memory with their own types. The registry (registry.ts) lists them; adding a policy is
// one file plus one line there.
import {z} from 'zod';
import {ActionBuffer} from '../sim/actions.js';
import type {ResolvedAgent, Seat, SimConfig} from '../sim/config.js';
import type {DecisionContext, WorldView} from '../sim/policy.js';
import {byAssignment, sharedStrings} from '../sim/shape.js';
import {PART_OF, type AgentId, type Memory, type WorldState} from '../sim/types.js';

/** A declared memory's type: an inline `false` is a flag, not the literal type `false`. */
export type Remembered<M extends Memory> = {[K in keyof M]: M[K] extends boolean ? boolean : M[K]};

/** What a policy file declares. */
export interface PolicySpec<S extends z.ZodObject, M extends Memory> {
  readonly name: string;
  readonly agent: AgentId;
  /** One line a student understands. */
  readonly summary: string;
  /** The theory behind it (see docs/model.md). */
  readonly theory: string;
  readonly params: S;
  /** What it remembers from round to round, as a run starts (flat: numbers, flags, words). */
  readonly memory: M;
  /** Reads the state, may write its memory, and adds its actions for the round to `ctx.act`. */
  decide(ctx: DecisionContext<z.output<S>, Remembered<M>>): void;
}

/** A declared policy, as the registry lists it and the scenario binds it. */
export interface PolicyDefinition {
  readonly name: string;
  readonly agent: AgentId;
  readonly summary: string;
  readonly theory: string;
  /** The schema of its parameters (scenario files, `parley list`, the defaults). */
  readonly params: z.ZodObject;
  readonly memory: Readonly<Memory>;
  /** The policy with these parameters (validated again here, so they have the policy's types). */
  bind(params: unknown): ResolvedAgent;
}

export function definePolicy<S extends z.ZodObject, M extends Memory>(spec: PolicySpec<S, M>): PolicyDefinition {
  const memory = Object.freeze(byAssignment(spec.memory));
  return {
    name: spec.name,
    agent: spec.agent,
    summary: spec.summary,
    theory: spec.theory,
    params: spec.params,
    memory,
    bind(raw) {
      const params = Object.freeze(sharedStrings(byAssignment(spec.params.parse(raw))));
      // Built by assignment, as every object a sweep makes anew at each point (sim/shape.ts).
      return byAssignment<ResolvedAgent>({
        policy: spec.name,
        params,
        memory,
        seat: (config, state) => new PolicySeat(spec, params, config, state),
      });
    },
  };
}

/**
 * One run's seat of a policy: a decision context made once and pointed at the state each round.
 * The memory it hands the policy is the state's copy of the policy's own declaration (createState
 * copies `memory` above into it), hence of type M.
 */
class PolicySeat<P, M extends Memory> implements Seat {
  readonly act = new ActionBuffer();
  private readonly part: (typeof PART_OF)[AgentId];
  private readonly ctx: {state: WorldView; config: SimConfig; params: Readonly<P>; memory: M; act: ActionBuffer};

  constructor(
    private readonly spec: {readonly agent: AgentId; decide(ctx: DecisionContext<P, M>): void},
    params: Readonly<P>,
    config: SimConfig,
    state: WorldState,
  ) {
    this.part = PART_OF[spec.agent];
    this.ctx = {state, config, params, memory: this.memoryOf(state), act: this.act};
  }

  decide(state: WorldState): void {
    const ctx = this.ctx;
    // A seat serves the state it was made for (copies keep its memory object): rarely another.
    if (ctx.state !== state) {
      ctx.state = state;
      ctx.memory = this.memoryOf(state);
    }
    this.spec.decide(ctx);
  }

  private memoryOf(state: WorldState): M {
    return state[this.part].memory as M;
  }
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
