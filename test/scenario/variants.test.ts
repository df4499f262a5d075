// scenarioVariants gives the config parseScenario would, for less: the agents' parameters of a
// variant validated alone, the rest of the base shared. Checked against parseScenario on random
// parameter values (inside and outside the schemas' ranges), policy switches, other sections and
// an invalid base; and a sensitivity design's rows against the same runs made alone.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {paramInfo} from '../../src/agents/param-info.js';
import {findPolicy} from '../../src/agents/registry.js';
import {loadSensitivity} from '../../src/sensitivity/plan.js';
import {readDataFile, resolveScenarioPath} from '../../src/scenario/load.js';
import {parseOverride, type Override} from '../../src/scenario/overrides.js';
import {InputError, loadScenario, parseScenario} from '../../src/scenario/resolve.js';
import {scenarioVariants} from '../../src/scenario/variants.js';
import type {SimConfig} from '../../src/sim/config.js';
import {runSimulation} from '../../src/sim/run.js';
import {AGENTS} from '../../src/sim/types.js';
import {runMetrics} from '../../src/sweep/metrics.js';
import {pointOverrides, runCoordinates, sweepRunner} from '../../src/sweep/plan.js';

const FILE = resolveScenarioPath('afghanistan-2020');
const RAW = readDataFile(FILE);
const BASE = {set: ['stall.rollouts=0', 'agents.us.params.pressThreshold=0.4'], days: 200};

/** A config as data: the seats are closures made anew by each bind, so they are left out. */
const plain = (c: SimConfig): unknown => ({...c, agents: Object.fromEntries(AGENTS.map((a) => [a, {...c.agents[a], seat: undefined}]))});

/** What parseScenario makes of the overrides: the config, or the message it refuses them with. */
function whole(overrides: readonly Override[]): unknown {
  try {
    return plain(parseScenario(RAW, FILE, {...BASE, overrides}).config);
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
}

function fast(variant: (o: readonly Override[]) => SimConfig, overrides: readonly Override[]): unknown {
  try {
    return plain(variant(overrides));
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
}

const baseConfig = parseScenario(RAW, FILE, BASE).config;
/** Every parameter of the base's three policies, with its schema's range. */
const PARAMS = AGENTS.flatMap((agent) => paramInfo(findPolicy(agent, baseConfig.agents[agent].policy)!).map((p) => ({agent, ...p})));

/** A value for a parameter: mostly in its range, sometimes out of it or of the wrong type. */
const valueFor = (p: (typeof PARAMS)[number]): fc.Arbitrary<unknown> => {
  const inRange =
    p.values !== undefined
      ? fc.constantFrom(...p.values)
      : p.type === 'boolean'
        ? fc.boolean()
        : p.type === 'integer'
          ? fc.integer({min: p.min ?? -10, max: p.max ?? 1000})
          : fc.double({min: p.min ?? -10, max: p.max ?? 1000, noNaN: true});
  return fc.oneof({weight: 8, arbitrary: inRange}, {weight: 1, arbitrary: fc.constantFrom(-1e9, 1e9, 'nonsense', true, 2.5)});
};

const override = (path: string, value: unknown): Override => ({path: path.split('.'), value, text: `${path}=${JSON.stringify(value)}`});

describe('scenarioVariants', () => {
  const variant = scenarioVariants(RAW, FILE, BASE);

  it('gives parseScenario\'s config, or its message, for any agents\' parameters', () => {
    const overrides = fc.array(
      fc.integer({min: 0, max: PARAMS.length - 1}).chain((i) => valueFor(PARAMS[i]!).map((v) => override(`agents.${PARAMS[i]!.agent}.params.${PARAMS[i]!.name}`, v))),
      {maxLength: 12},
    );
    fc.assert(
      fc.property(overrides, (os) => {
        const expected = whole(os);
        expect(fast(variant, os)).toEqual(expected);
        // A valid variant took the short way: it shares the base's pools.
        if (typeof expected !== 'string') expect(variant(os).govPool).toBe(variant([]).govPool);
      }),
      {numRuns: 300},
    );
  });

  it('shares the base\'s sections and rebinds only the agents written', () => {
    const p = PARAMS.find((q) => q.agent === 'taliban' && q.type === 'number')!;
    const a = variant([override(`agents.taliban.params.${p.name}`, p.default)]);
    expect(a.govPool).toBe(variant([]).govPool);
    expect(a.agents.government).toBe(variant([]).agents.government);
    expect(a.agents.taliban).not.toBe(variant([]).agents.taliban);
    expect(Object.keys(a)).toEqual(Object.keys(baseConfig));
  });

  it('anything else is validated whole: a policy switched, another section, an unknown field', () => {
    const other = findPolicy('us', baseConfig.agents.us.policy)!.name === 'deadline-hawk' ? 'facilitator' : 'deadline-hawk';
    for (const os of [
      [parseOverride(`agents.us.policy=${other}`)],
      [override('world.violence', 0.9)],
      [override('pools.government.commanders', 1e6)],
      [override('agents.government.params.noSuchParam', 1)],
      [override('agents.nobody.params.x', 1)],
    ]) {
      expect(fast(variant, os)).toEqual(whole(os));
    }
  });

  it('an invalid base still makes the variants that repair it, each validated whole', () => {
    const broken = {set: ['agents.government.params.' + PARAMS.find((p) => p.agent === 'government' && p.max !== null)!.name + '=1e9'], days: 200};
    expect(() => parseScenario(RAW, FILE, broken)).toThrow(InputError);
    const v = scenarioVariants(RAW, FILE, broken);
    const name = broken.set[0]!.split('=')[0]!;
    const repaired = [override(name, PARAMS.find((p) => `agents.government.params.${p.name}` === name)!.default)];
    expect(plain(v(repaired))).toEqual(plain(parseScenario(RAW, FILE, {...broken, overrides: repaired}).config));
    expect(() => v([])).toThrow(InputError);
  });
});

describe('a sensitivity design\'s rows', () => {
  it('are the runs made alone from the point\'s --set overrides and seed', () => {
    const {sweep: plan} = loadSensitivity('afghanistan-2020-all', {method: 'morris', check: false});
    const run = sweepRunner(plan);
    for (const id of [0, 1, 7, 40 * 4 + 3, 997, 5_001, plan.runs - 1]) {
      const row = run(id);
      const {point, seed} = runCoordinates(plan, id);
      const alone = loadScenario(plan.scenario, {set: pointOverrides(plan, point), days: plan.spec.days, seed}).config;
      const metrics = runMetrics(runSimulation(alone));
      for (const m of plan.metrics) expect(row[m], `run ${id}: ${m}`).toEqual(metrics[m]);
    }
  });
});
