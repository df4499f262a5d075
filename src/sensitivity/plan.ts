// A sensitivity spec made concrete: its parameters with their ranges, the Morris or Saltelli
// design over them and the seed (the design's last factor), and the sweep plan that runs it.
// The sweep machinery then runs, resumes, shards and checks it as any sweep: the rows of a
// sensitivity analysis are a sweep's rows, with seeds shared along a trajectory or a row.
import {resolve} from 'node:path';
import {paramInfo} from '../agents/param-info.js';
import {findPolicy} from '../agents/registry.js';
import {invalid, zodProblems} from '../scenario/errors.js';
import {bundledNames, readDataFile, readScenarioFile, resolveDataPath, SCENARIO_DIR} from '../scenario/load.js';
import {InputError, parseScenario} from '../scenario/resolve.js';
import type {AgentId} from '../sim/types.js';
import {createRng} from '../sim/rng.js';
import {morrisDesign, type MorrisDesign} from '../stats/morris-design.js';
import {saltelli} from '../stats/saltelli.js';
import {Design, unitCubePoints, type SeedKeys} from '../sweep/design.js';
import {assemblePlan, finishPlan, specScenario, type PlanSource, type SweepPlan} from '../sweep/plan.js';
import {MAX_POINTS, type ParamSpec, type SweepSpec} from '../sweep/spec.js';
import type {Metric} from '../sweep/metrics.js';
import {groupDigits} from '../fmt/group-digits.js';
import {AGENTS, sensitivitySchema, type Method, type SensitivitySpec} from './spec.js';

export const SENSITIVITY_DIR = resolve(SCENARIO_DIR, 'sensitivity');
export const bundledSensitivityNames = (): string[] => bundledNames(SENSITIVITY_DIR);

/** The factor that stands for the seed: the design's last, so its effect is the seed noise. */
export const SEED_FACTOR = 'seed';

export interface SensitivityPlan {
  file: string;
  spec: SensitivitySpec;
  method: Method;
  /** The runs, as a sweep: its params are the parameters, its metrics the outputs' columns. */
  sweep: SweepPlan;
  /** The parameters' --set paths, then SEED_FACTOR. */
  factors: string[];
  /** The Morris design over the factors (Morris only): points in trajectory order. */
  morris: MorrisDesign | null;
  /**
   * Base sample size N (Sobol only). Row j of the design is `perRow` consecutive points: A (m = 0),
   * B (1), A_B^(m−2) for each factor, then with second order B_A^(m−2−K) for each factor.
   */
  samples: number | null;
  perRow: number;
  secondOrder: boolean;
}

/** Reads and validates a sensitivity spec; problems name the file and the field. `check: false` skips checking each point's scenario. */
export function loadSensitivity(ref: string, options: {method?: Method; check?: boolean} = {}): SensitivityPlan {
  const file = resolveDataPath(ref, SENSITIVITY_DIR, 'sensitivity spec');
  return planFromData(file, readDataFile(file), options.method, undefined, options.check ?? true);
}

/** The plan of a worker thread: the spec, scenario and design as the main thread made them (PlanSource). */
export function sensitivityPlanFromSource(source: PlanSource): SweepPlan {
  const {method} = source.spec as {method: Method};
  const raw = (source.spec as {spec: unknown}).spec;
  const {spec, scenario, base, ranges} = parts(source.file, raw, {scenario: source.scenario, base: source.base});
  return sweepOf(source.file, spec, raw, method, ranges, Design.fromData(source.design), scenario, base, false);
}

function planFromData(file: string, raw: unknown, method: Method | undefined, from: {scenario: string; base: {file: string; data: unknown}} | undefined, check: boolean): SensitivityPlan {
  const {spec, scenario, base, ranges} = parts(file, raw, from);
  method ??= spec.method;
  const factors = [...Object.keys(ranges), SEED_FACTOR];
  const {u, seeds, morris, samples, perRow} = designOf(file, spec, method, factors.length);
  const design = unitCubePoints(Object.values(ranges), u, seeds);
  const sweep = sweepOf(file, spec, raw, method, ranges, design, scenario, base, check);
  const secondOrder = method === 'sobol' && spec.sobol.secondOrder;
  return {file, spec, method, sweep, factors, morris, samples, perRow, secondOrder};
}

/** The validated spec, its base scenario and its parameters' ranges. */
function parts(file: string, raw: unknown, from: {scenario: string; base: {file: string; data: unknown}} | undefined) {
  const parsed = sensitivitySchema.safeParse(raw);
  if (!parsed.success) throw invalid(file, zodProblems(parsed.error, {schema: sensitivitySchema, data: raw}), 'sensitivity spec');
  const spec = parsed.data;
  const scenario = from?.scenario ?? specScenario(file, spec.scenario);
  const base = from?.base ?? readScenarioFile(scenario);
  return {spec, scenario, base, ranges: parameterRanges(file, spec, base)};
}

/** The sweep the design's runs are: its points come from `design`, not from a sweep design. */
function sweepOf(file: string, spec: SensitivitySpec, raw: unknown, method: Method, ranges: Record<string, ParamSpec>, design: Design, scenario: string, base: {file: string; data: unknown}, check: boolean): SweepPlan {
  const sweepSpec: SweepSpec = {
    name: spec.name,
    description: spec.description,
    scenario: spec.scenario,
    set: spec.set,
    days: spec.days,
    vary: ranges,
    design: 'random',
    points: design.size,
    replicates: spec.replicates,
    seed: spec.seed,
    metrics: outputMetrics(spec),
  };
  // Workers get the spec's data and the method chosen, and make the same plan from them.
  const sweep = assemblePlan({file, spec: sweepSpec, design, raw: {spec: raw, method}, kind: 'sensitivity', scenario, base});
  return finishSweep(file, sweep, check);
}

/**
 * finishPlan, with its complaints about the sweep's metrics put in the spec's terms: the metrics
 * are the outputs, in order, so metrics[i] is outputs[i].
 */
function finishSweep(file: string, sweep: SweepPlan, check: boolean): SweepPlan {
  try {
    return finishPlan(sweep, check);
  } catch (e) {
    const head = `${file}: invalid sweep spec`;
    if (e instanceof InputError && e.message.startsWith(head)) throw new InputError(`${file}: invalid sensitivity spec${e.message.slice(head.length).replace(/^( {2}- )metrics\[/gm, '$1outputs[')}`, file);
    throw e;
  }
}

/** The sweep metrics the outputs read. */
function outputMetrics(spec: SensitivitySpec): Metric[] {
  return spec.outputs.map((o) => o as Metric);
}

/** Each parameter's --set path and range, in spec order (an agent's `all`: its policy's parameters in schema order). */
function parameterRanges(file: string, spec: SensitivitySpec, base: {file: string; data: unknown}): Record<string, ParamSpec> {
  let config;
  try {
    config = parseScenario(base.data, base.file, {set: spec.set, days: spec.days}).config;
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`${file}: the base scenario with set makes an invalid scenario:\n${e.message}`, file);
    throw e;
  }
  const policyOf = (agent: AgentId) => findPolicy(agent, config.agents[agent].policy)!;
  const entries = spec.parameters === 'all' ? AGENTS.map((a) => [a, 'all'] as const) : Object.entries(spec.parameters);
  const out: Record<string, ParamSpec> = {};
  const add = (path: string, range: ParamSpec, field: string): void => {
    if (Object.hasOwn(out, path)) throw invalid(file, [`${field}: ${path} is already among the parameters`], 'sensitivity spec');
    // Every run's seed comes from the design (its last factor), whatever the scenario's seed field says.
    if (path === SEED_FACTOR) throw invalid(file, [`${field}: the seed is the design's own factor (its effect is the seed noise), not a parameter`], 'sensitivity spec');
    out[path] = range;
  };
  for (const [key, value] of entries) {
    const field = spec.parameters === 'all' ? 'parameters' : `parameters.${key}`;
    if (value === 'all') {
      const agent = key as AgentId;
      for (const p of paramInfo(policyOf(agent))) add(`agents.${agent}.params.${p.name}`, schemaRange(file, field, `${agent}'s policy ${policyOf(agent).name}`, p), field);
    } else if (value === 'range') {
      const m = /^agents\.(government|taliban|us)\.params\.([\w$]+)$/.exec(key);
      if (!m) throw invalid(file, [`${field}: range (the policy schema's own) is for agents.<agent>.params.<name>; give min and max for other paths`], 'sensitivity spec');
      const policy = policyOf(m[1] as AgentId);
      const p = paramInfo(policy).find((q) => q.name === m[2]);
      if (!p) throw invalid(file, [`${field}: ${policy.name} (the ${m[1]}'s policy) has no parameter ${m[2]}; it has ${paramInfo(policy).map((q) => q.name).join(', ')}`], 'sensitivity spec');
      add(key, schemaRange(file, field, `${m[1]}'s policy ${policy.name}`, p), field);
    } else {
      add(key, value, field);
    }
  }
  return out;
}

function schemaRange(file: string, field: string, whose: string, p: ReturnType<typeof paramInfo>[number]): ParamSpec {
  if (p.values) return {values: p.values};
  if (p.type === 'boolean') return {values: [false, true]};
  if ((p.type === 'number' || p.type === 'integer') && p.min !== null && p.max !== null) return {min: p.min, max: p.max, integer: p.type === 'integer'};
  throw invalid(file, [`${field}: ${p.name} of the ${whose} has no range in its schema: name it with min and max`], 'sensitivity spec');
}

/** The design on the unit cube (one row a point, one column a factor, the seed last), and the seeds its points share. */
function designOf(file: string, spec: SensitivitySpec, method: Method, k: number): {u: Float64Array; seeds: SeedKeys; morris: MorrisDesign | null; samples: number | null; perRow: number} {
  const rng = createRng(`${spec.seed}/${method}`);
  const next = (): number => rng.next();
  const params = k - 1;
  if (method === 'morris') {
    const {trajectories: r, levels: p} = spec.morris;
    checkSize(file, 'morris.trajectories', r * (k + 1), `${r} trajectories of ${params} parameters and the seed`);
    const d = morrisDesign(k, r, p, next);
    const rows = r * (k + 1);
    const u = new Float64Array(rows * params);
    const group = new Uint32Array(rows);
    const variant = new Uint8Array(rows);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < params; j++) u[i * params + j] = d.points[i * k + j]!;
      group[i] = Math.floor(i / (k + 1));
      // The seed factor's level picks one of p seeds of the trajectory.
      variant[i] = Math.round(d.points[i * k + params]! * (p - 1));
    }
    return {u, seeds: {group, variant}, morris: d, samples: null, perRow: k + 1};
  }
  const n = spec.sobol.samples;
  const second = spec.sobol.secondOrder;
  const per = second ? 2 * k + 2 : k + 2;
  checkSize(file, 'sobol.samples', n * per, `a base sample of ${n} for ${params} parameters and the seed`);
  const d = saltelli(n, k, next, second);
  const rows = n * per;
  const u = new Float64Array(rows * params);
  const group = new Uint32Array(rows);
  const variant = new Uint8Array(rows);
  for (let j = 0; j < n; j++) {
    const matrices = [d.a, d.b, ...d.ab, ...(d.ba ?? [])];
    matrices.forEach((m, mi) => {
      const row = j * per + mi;
      for (let c = 0; c < params; c++) u[row * params + c] = m[j * k + c]!;
      group[row] = j;
      // The seed (last) column comes from A in A and A_B^(i), from B in B and B_A^(i), and from
      // the other matrix in A_B and B_A of the seed itself.
      const fromB = mi === 1 || mi === k + 1 || (mi >= k + 2 && mi < 2 * k + 1);
      variant[row] = fromB ? 1 : 0;
    });
  }
  return {u, seeds: {group, variant}, morris: null, samples: n, perRow: per};
}

function checkSize(file: string, field: string, points: number, what: string): void {
  if (points > MAX_POINTS) throw invalid(file, [`${field}: ${what} make ${groupDigits(points)} points; at most ${groupDigits(MAX_POINTS)}`], 'sensitivity spec');
}
