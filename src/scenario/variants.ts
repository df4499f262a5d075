// Many scenarios that differ from one base only in their agents' parameters: a sweep's points, a
// sensitivity design's. Validating each whole (zod over every section and event, then building
// the engine's config) took a sweep worker about 30% of its time on the bundled sensitivity
// spec, more than the runs of a point. Here the base is validated once, and a variant whose
// overrides all write `agents.<agent>.params.*` validates only the agents it touches and shares
// the rest of the base's config. The scenario schema's sections are validated independently
// and its cross-field checks (dates, pools, events) read no agent, so the config is the one
// parseScenario would build. Anything else (a policy switched, another section, an invalid
// value) goes through parseScenario whole: same config, same messages.
import {z} from 'zod';
import type {PolicyDefinition} from '../agents/define.js';
import {findPolicy} from '../agents/registry.js';
import type {SimConfig} from '../sim/config.js';
import {byAssignment} from '../sim/shape.js';
import {AGENTS, type AgentId} from '../sim/types.js';
import {applyOverrides, type Override} from './overrides.js';
import {InputError} from './errors.js';
import {optionOverrides, parseScenario, type LoadedScenario, type LoadOptions} from './resolve.js';

/** The agent whose parameter a fast variant's override writes (agents.<agent>.params.<name>), or null when it writes anything else. */
function paramsAgent(o: Override): AgentId | null {
  const [section, agent, params] = o.path;
  if (section !== 'agents' || params !== 'params' || o.path.length !== 4) return null;
  return (AGENTS as readonly string[]).includes(agent!) ? (agent as AgentId) : null;
}

/**
 * The configs of the scenario `raw` (from `file`) with `base` options applied, each with more
 * overrides. Throws parseScenario's InputError when the base, or a variant, is invalid.
 */
export function scenarioVariants(raw: unknown, file: string, base: Pick<LoadOptions, 'set' | 'days'>): (overrides: readonly Override[]) => SimConfig {
  const whole = (overrides: readonly Override[]): SimConfig => parseScenario(raw, file, {...base, overrides}).config;
  let loaded: LoadedScenario;
  try {
    loaded = parseScenario(raw, file, base);
  } catch (e) {
    // An invalid base can still make valid variants (a point's value repairing what `set` broke):
    // each is then validated whole, as it would be alone.
    if (e instanceof InputError) return whole;
    throw e;
  }
  const baseConfig = loaded.config;
  // Each agent's policy (a fast variant switches none) and the base's data as parseScenario
  // validated it: the file with `set` and `days` written in.
  const policies = {government: policyOf(loaded, 'government'), taliban: policyOf(loaded, 'taliban'), us: policyOf(loaded, 'us')};
  const {data: baseData} = applyOverrides(raw, optionOverrides(base));
  const paramsOf = (agent: AgentId): Record<string, unknown> => ((baseData as {agents: Record<AgentId, {params?: Record<string, unknown>}>}).agents[agent].params ?? {});
  const baseParams = {government: paramsOf('government'), taliban: paramsOf('taliban'), us: paramsOf('us')};
  return (overrides) => {
    const touched = new Set<AgentId>();
    for (const o of overrides) {
      const agent = paramsAgent(o);
      // The scenario schema refuses a parameter its policy does not have (the policy's own schema strips it).
      if (agent === null || !Object.hasOwn(policies[agent].params.shape, o.path[3]!)) return whole(overrides);
      touched.add(agent);
    }
    if (touched.size === 0) return baseConfig;
    // The touched agents' parameters as the file and `set` give them, with the overrides written in
    // (what applyOverrides would make of paths this short, without copying the rest).
    const written: Partial<Record<AgentId, Record<string, unknown>>> = {};
    for (const agent of touched) written[agent] = {...baseParams[agent]};
    for (const o of overrides) written[o.path[1] as AgentId]![o.path[3]!] = o.value;
    const agents = byAssignment(baseConfig.agents);
    for (const agent of touched) {
      const params = written[agent];
      // bind validates the parameters with the policy's schema, as the scenario schema does;
      // parseScenario then says what is wrong, in its words.
      try {
        agents[agent] = policies[agent].bind(params);
      } catch (e) {
        if (e instanceof z.ZodError) return whole(overrides);
        throw e;
      }
    }
    // Built by assignment, in the base's field order, as every object a sweep makes anew at each point (sim/shape.ts).
    return Object.assign({}, baseConfig, {agents});
  };
}

const policyOf = (loaded: LoadedScenario, agent: AgentId): PolicyDefinition => findPolicy(agent, loaded.scenario.agents[agent].policy)!;
