// A sweep made concrete: the validated spec, its points, and how each run id maps to a point, a
// replicate and a seed. Everything a run needs derives from the spec and the run id alone, never
// from the order in which runs execute, so workers and shards give the same rows.
import {existsSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {invalid, zodProblems} from '../scenario/errors.js';
import {bundledNames, readDataFile, resolveDataPath, resolveScenarioPath, SCENARIO_DIR} from '../scenario/load.js';
import {InputError, parseScenario} from '../scenario/resolve.js';
import type {SimConfig} from '../sim/config.js';
import {RunArena} from '../sim/run.js';
import {designPoints, valuesToCheck, type Design} from './design.js';
import {METRICS, runMetrics, type Metric} from './metrics.js';
import {sweepSchema, type ParamValue, type SweepSpec} from './spec.js';

/** The bundled sweeps (scenarios/sweeps/). */
export const SWEEP_DIR = resolve(SCENARIO_DIR, 'sweeps');
export const bundledSweepNames = (): string[] => bundledNames(SWEEP_DIR);

export interface SweepPlan {
  file: string;
  spec: SweepSpec;
  /** The base scenario as loadScenario takes it (a resolved path, or a bundled name). */
  scenario: string;
  /** The varied `--set` paths, in column order. */
  params: string[];
  /** The points: one value per varied parameter. */
  design: Design;
  runs: number;
  metrics: Metric[];
  /** Every column of a row, in order. */
  columns: string[];
}

export type Row = Record<string, string | number | boolean | null>;

export const ID_COLUMNS = ['run', 'point', 'replicate', 'seed'] as const;

/**
 * Reads and validates a sweep spec; problems name the file and the field, as for scenarios.
 * `check: false` skips loading the scenario at every point (merge; the bench).
 */
export function loadSweep(ref: string, {check = true}: {check?: boolean} = {}): SweepPlan {
  const file = resolveDataPath(ref, SWEEP_DIR, 'sweep spec');
  const plan = planFromData(file, readDataFile(file));
  if (check) checkValues(plan);
  return plan;
}

/** The plan of a spec's data; `scenario`: the base scenario as resolved before (workers). */
function planFromData(file: string, raw: unknown, scenario?: string): SweepPlan {
  const parsed = sweepSchema.safeParse(raw);
  if (!parsed.success) throw invalid(file, zodProblems(parsed.error, {schema: sweepSchema, data: raw}), 'sweep spec');
  const spec = parsed.data;
  // A scenario file is found relative to the spec; otherwise it is a bundled name (or a path from here).
  const beside = resolve(dirname(file), spec.scenario);
  scenario ??= existsSync(beside) ? beside : spec.scenario;
  const params = Object.keys(spec.vary);
  const metrics = spec.metrics ? METRICS.filter((m) => spec.metrics!.includes(m)) : [...METRICS];
  const design = designPoints(spec);
  const plan: SweepPlan = {file, spec, scenario, params, design, runs: design.size * spec.replicates, metrics, columns: [...ID_COLUMNS, ...params, ...metrics]};
  raws.set(plan, raw);
  return plan;
}

/** The spec file's data each plan was made from. */
const raws = new WeakMap<SweepPlan, unknown>();

/**
 * Everything a worker thread needs to make the same plan without reading a file: the spec's
 * data and the base scenario's, as the main thread read them. A spec or scenario file edited or
 * removed while a sweep runs then changes no row.
 */
export interface PlanSource {
  file: string;
  spec: unknown;
  scenario: string;
  base: {file: string; data: unknown};
}

export const planSource = (plan: SweepPlan): PlanSource => ({file: plan.file, spec: raws.get(plan), scenario: plan.scenario, base: baseScenario(plan)});

export function planFromSource(source: PlanSource): SweepPlan {
  const plan = planFromData(source.file, source.spec, source.scenario);
  bases.set(plan, source.base);
  return plan;
}

/** Where a run id sits: its point, its replicate and its seed. */
export function runCoordinates(plan: SweepPlan, run: number): {point: number; replicate: number; seed: string} {
  const point = Math.floor(run / plan.spec.replicates);
  const replicate = run % plan.spec.replicates;
  return {point, replicate, seed: runSeed(plan.spec.seed, point, replicate)};
}

/** The seed of a run, readable and re-runnable alone: `parley run … --seed <this>`. */
export const runSeed = (master: string, point: number, replicate: number): string => `${master}-p${point}-r${replicate}`;

/** A value as `--set` reads it back (YAML): plain when it is safe, quoted otherwise. */
const setValue = (v: ParamValue): string => (typeof v === 'string' && !/^[A-Za-z][\w.-]*$/.test(v) ? JSON.stringify(v) : String(v));

/** The `--set` overrides of a point: the spec's fixed ones, then the point's values. */
export function pointOverrides(plan: SweepPlan, point: number): string[] {
  return [...plan.spec.set, ...plan.params.map((p, i) => `${p}=${setValue(plan.design.value(point, i))}`)];
}

/** The command that re-runs one row alone. */
export function rerunCommand(plan: SweepPlan, run: number): string {
  const quote = (s: string): string => (/^[\w./=:@+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  const {point, seed} = runCoordinates(plan, run);
  const sets = pointOverrides(plan, point).flatMap((s) => ['--set', quote(s)]);
  const days = plan.spec.days === undefined ? [] : ['--days', String(plan.spec.days)];
  return ['parley', 'run', quote(plan.scenario), ...sets, ...days, '--seed', quote(seed)].join(' ');
}

/** The base scenario's file and data, read once per plan: points differ only in their overrides. */
const bases = new WeakMap<SweepPlan, {file: string; data: unknown}>();

function baseScenario(plan: SweepPlan): {file: string; data: unknown} {
  let base = bases.get(plan);
  if (!base) {
    const file = resolveScenarioPath(plan.scenario);
    base = {file, data: readDataFile(file)};
    bases.set(plan, base);
  }
  return base;
}

/** The base scenario with `set` applied; an invalid one is reported against the spec, as `what`. */
function loadWith(plan: SweepPlan, set: string[], what: string): SimConfig {
  try {
    const {file, data} = baseScenario(plan);
    return parseScenario(data, file, {set, days: plan.spec.days}).config;
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`${plan.file}: ${what} makes an invalid scenario:\n${e.message}`, plan.file);
    throw e;
  }
}

const loadPoint = (plan: SweepPlan, point: number): SimConfig => loadWith(plan, pointOverrides(plan, point), `point ${point} (${describePoint(plan, point)})`);

const describePoint = (plan: SweepPlan, point: number): string => plan.params.map((p, i) => `${p}=${String(plan.design.value(point, i))}`).join(', ');

/**
 * Points checked one by one before any run: validating a point costs about a tenth of a
 * millisecond on one core, so this stays under half a second.
 */
const FULL_CHECK_POINTS = 2_000;

/**
 * Every point is checked before any run when there are few enough; beyond that, the values that
 * stand for each parameter's (valuesToCheck) alone on the base scenario, and the first point. A
 * point that is invalid only in combination (more commanders than prisoners on the list, say)
 * then stops the sweep when a worker reaches it, with the same message naming the point.
 */
function checkValues(plan: SweepPlan): void {
  if (plan.design.size <= FULL_CHECK_POINTS) {
    for (let p = 0; p < plan.design.size; p++) loadPoint(plan, p);
    return;
  }
  Object.entries(plan.spec.vary).forEach(([path, spec]) => {
    for (const v of valuesToCheck(spec)) loadWith(plan, [...plan.spec.set, `${path}=${setValue(v)}`], `vary.${path}: the value ${String(v)}`);
  });
  loadPoint(plan, 0);
}

/**
 * A function that runs any run id of the plan and returns its row. It keeps the last point's
 * config, so consecutive runs of a point (the usual order) validate the scenario once, and runs
 * them all in one RunArena, so a run allocates next to nothing.
 */
export function sweepRunner(plan: SweepPlan): (run: number) => Row {
  let cached = -1;
  let config: SimConfig | null = null;
  const arena = new RunArena();
  return (run) => {
    const {point, replicate, seed} = runCoordinates(plan, run);
    if (point !== cached) {
      config = loadPoint(plan, point);
      cached = point;
    }
    const metrics = runMetrics(arena.run(config!, seed));
    const row: Row = {run, point, replicate, seed};
    plan.params.forEach((p, i) => (row[p] = plan.design.value(point, i)));
    for (const m of plan.metrics) row[m] = metrics[m];
    return row;
  };
}
