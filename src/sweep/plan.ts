// A sweep made concrete: the validated spec, its points, and how each run id maps to a point, a
// replicate and a seed. Everything a run needs derives from the spec and the run id alone, never
// from the order in which runs execute, so workers and shards give the same rows.
import {existsSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {invalid, zodProblems} from '../scenario/errors.js';
import {bundledNames, readDataFile, readScenarioFile, resolveDataPath, SCENARIO_DIR} from '../scenario/load.js';
import {parseOverride, type Override} from '../scenario/overrides.js';
import {checkPosterior, drawParticle, particleOverrides, readPosterior, refuseOverlap, type Posterior} from '../scenario/posterior.js';
import {InputError, parseScenario} from '../scenario/resolve.js';
import {scenarioVariants} from '../scenario/variants.js';
import type {SimConfig} from '../sim/config.js';
import {RunArena} from '../sim/run.js';
import {Design, designPoints, valuesToCheck, type DesignData} from './design.js';
import {shellQuote as quote} from '../fmt/shell-quote.js';
import {METRICS, runMetrics, STALL_RISK_METRICS, type Metric} from './metrics.js';
import {sweepSchema, type ParamValue, type SweepSpec} from './spec.js';
import {rowObject, type Value} from './output.js';
import {valueOn} from '../sim/daily-value.js';

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
  /** The metric columns: those the spec asks for (default: all) that every run can fill. */
  metrics: Metric[];
  /** Every column of a row, in order. */
  columns: string[];
  /** Metrics left out because some or all runs could not fill them, and why (said on stderr). */
  omitted: {metrics: Metric[]; why: string} | null;
  /** The posterior sample each run draws its particle from by its seed (the spec's `posterior`, or --posterior), or null. */
  posterior: Posterior | null;
  /** Cumulative releases on given days, after the metrics (a calibration's observed dates; none for a sweep spec). */
  series: SeriesColumn[];
}

/** A column of one side's cumulative releases on one day, named `side@date` (e.g. government@2020-06-09). */
export interface SeriesColumn {
  column: string;
  side: 'government' | 'taliban';
  /** The scenario's day (day 0 = its start). */
  day: number;
}

export type Row = Record<string, string | number | boolean | null>;

export const ID_COLUMNS = ['run', 'point', 'replicate', 'seed'] as const;

/**
 * The columns a sweep with a posterior adds after its parameters: the particle the run's seed
 * drew, and the posterior's digest, so that rows drawn from two posteriors never pass for one
 * sweep's (--resume and merge compare them; merge without a spec compares the digests).
 */
export const POSTERIOR_COLUMNS = ['particle', 'posterior'] as const;

/**
 * Reads and validates a sweep spec; problems name the file and the field, as for scenarios.
 * `check: false` skips loading the scenario at every point and each particle of a posterior
 * (merge; the bench). `posterior`: a posterior file (--posterior) for a spec that names none.
 */
export function loadSweep(ref: string, {check = true, posterior}: {check?: boolean; posterior?: string | undefined} = {}): SweepPlan {
  const file = resolveDataPath(ref, SWEEP_DIR, 'sweep spec');
  const raw = readDataFile(file);
  const spec = parseSpec(file, raw);
  if (posterior !== undefined && spec.posterior !== undefined) {
    throw new InputError(`--posterior ${posterior}: ${file} names a posterior already (posterior: ${spec.posterior}): give one`, file);
  }
  const given = posterior ?? (spec.posterior === undefined ? undefined : resolve(dirname(file), spec.posterior));
  const plan = assemblePlan({file, spec, design: designPoints(spec), raw, kind: 'sweep', posterior: given === undefined ? null : readPosterior(given)});
  return finishPlan(plan, check);
}

function parseSpec(file: string, raw: unknown): SweepSpec {
  const parsed = sweepSchema.safeParse(raw);
  if (!parsed.success) throw invalid(file, zodProblems(parsed.error, {schema: sweepSchema, data: raw}), 'sweep spec');
  return parsed.data;
}

/** Which spec a plan was made from: a sweep spec, or a sensitivity spec (src/sensitivity) made into one. */
export type PlanKind = 'sweep' | 'sensitivity' | 'calibration';

export interface PlanParts {
  file: string;
  spec: SweepSpec;
  design: Design;
  /** The data of the spec file, which workers make the plan again from. */
  raw: unknown;
  kind: PlanKind;
  scenario?: string | undefined;
  base?: {file: string; data: unknown} | undefined;
  series?: SeriesColumn[] | undefined;
  posterior?: Posterior | null | undefined;
}

/** A spec's base scenario: a file relative to the spec, or else a bundled name (or a path from here). */
export function specScenario(file: string, ref: string): string {
  const beside = resolve(dirname(file), ref);
  return existsSync(beside) ? beside : ref;
}

/** A plan from its parts, before its points are checked and its columns chosen (finishPlan). */
export function assemblePlan({file, spec, design, raw, kind, scenario, base, series = [], posterior = null}: PlanParts): SweepPlan {
  scenario ??= specScenario(file, spec.scenario);
  const plan: SweepPlan = {file, spec, scenario, params: Object.keys(spec.vary), design, runs: design.size * spec.replicates, metrics: [], columns: [], omitted: null, posterior, series};
  raws.set(plan, {raw, kind});
  if (base) bases.set(plan, base);
  if (posterior) refuseDrawnAndSet(plan, posterior);
  return plan;
}

/** A varied or `set` path the posterior also draws: each run would take one of the two silently. */
function refuseDrawnAndSet(plan: SweepPlan, posterior: Posterior): void {
  const named = new Map<Override, string>();
  for (const p of plan.params) named.set(parseOverride(`${p}=0`), `${plan.file}: vary.${p}`);
  for (const text of plan.spec.set) named.set(parseOverride(text), `${plan.file}: set ${text}`);
  refuseOverlap(posterior, [...named.keys()], (o) => named.get(o)!);
}

/** Checks the plan's points and its posterior's particles (unless told not to: merge, the bench, workers) and sets its columns. */
export function finishPlan(plan: SweepPlan, check: boolean): SweepPlan {
  if (check) {
    // Each particle on the base scenario with the spec's set and days, first: a bad particle is the posterior's problem, not a point's.
    if (plan.posterior) checkPosterior(plan.posterior, {...baseScenario(plan), options: {set: plan.spec.set, days: plan.spec.days}});
    checkValues(plan);
  }
  return withColumns(plan);
}

/** Sets the plan's metrics and columns (after its points are checked: this may load one). */
function withColumns(plan: SweepPlan): SweepPlan {
  const {metrics, omitted} = chooseMetrics(plan);
  return Object.assign(plan, {metrics, columns: [...ID_COLUMNS, ...plan.params, ...(plan.posterior ? POSTERIOR_COLUMNS : []), ...metrics, ...plan.series.map((c) => c.column)], omitted});
}

/** The path that turns the daily stall-risk estimate on and off. */
const ROLLOUTS = 'stall.rollouts';

/**
 * Points whose runs estimate stall risk (stall.rollouts > 0): 'all', 'none' or 'some'. Only the
 * rollouts of a point matter, so one point's scenario says it when they are not varied.
 */
function stallRiskAt(plan: SweepPlan): 'all' | 'none' | 'some' {
  const i = plan.params.indexOf(ROLLOUTS);
  if (i < 0) return loadPoint(plan, 0).stall.rollouts > 0 ? 'all' : 'none';
  let on = 0;
  for (let p = 0; p < plan.design.size; p++) {
    const v = plan.design.value(p, i);
    if (typeof v === 'number' && v > 0) on++;
  }
  return on === plan.design.size ? 'all' : on === 0 ? 'none' : 'some';
}

/**
 * The metric columns of a sweep: the spec's `metrics` (default: all), less those no value of
 * which some run could compute, so that every column of a results file has one type. Stall
 * risk not estimated at every point leaves its columns out (a column half empty would be typed
 * by whichever rows a reader samples); asked for by name in `metrics`, it is an error.
 */
function chooseMetrics(plan: SweepPlan): {metrics: Metric[]; omitted: SweepPlan['omitted']} {
  const asked = plan.spec.metrics;
  const wanted = asked ? METRICS.filter((m) => asked.includes(m)) : [...METRICS];
  const risky = wanted.filter((m) => STALL_RISK_METRICS.includes(m));
  const at = risky.length === 0 ? 'all' : stallRiskAt(plan);
  if (at === 'all') return {metrics: wanted, omitted: null};
  const why = at === 'none' ? `stall risk is not estimated in this sweep (${ROLLOUTS} is 0)` : `stall risk is not estimated at every point (vary.${ROLLOUTS} has values of 0)`;
  if (asked) throw invalid(plan.file, risky.map((m) => `metrics[${asked.indexOf(m)}]: ${m} cannot be computed: ${why}; set ${ROLLOUTS} above 0 at every point, or leave ${m} out`), 'sweep spec');
  return {metrics: wanted.filter((m) => !risky.includes(m)), omitted: {metrics: risky, why}};
}

/** The spec file's data each plan was made from, and which kind of spec it is. */
const raws = new WeakMap<SweepPlan, {raw: unknown; kind: PlanKind}>();

/**
 * Everything a worker thread needs to make the same plan without reading a file: the spec's
 * data and the base scenario's, as the main thread read them. A spec or scenario file edited or
 * removed while a sweep runs then changes no row.
 */
export interface PlanSource {
  kind: PlanKind;
  file: string;
  spec: unknown;
  scenario: string;
  base: {file: string; data: unknown};
  /** The posterior as the main thread read and checked it (the file may change or go while the sweep runs). */
  posterior: Posterior | null;
  /**
   * The points as the main thread drew them. Drawing a design is deterministic, but a sensitivity
   * design of 50,000 runs took each worker 50 to 120 ms to draw again (rounding 500,000 values),
   * on the cores the runs need; a copy of its typed arrays takes a few.
   */
  design: DesignData;
}

export const planSource = (plan: SweepPlan): PlanSource => ({
  kind: raws.get(plan)!.kind,
  file: plan.file,
  spec: raws.get(plan)!.raw,
  scenario: plan.scenario,
  base: baseScenario(plan),
  posterior: plan.posterior,
  design: plan.design.data,
});

/** A sweep spec's plan from its source (src/sensitivity makes its own kind's). */
export function planFromSource(source: PlanSource): SweepPlan {
  const spec = parseSpec(source.file, source.spec);
  const {file, scenario, base, posterior} = source;
  return finishPlan(assemblePlan({file, spec, design: Design.fromData(source.design), raw: source.spec, kind: 'sweep', scenario, base, posterior}), false);
}

/** Where a run id sits: its point, its replicate and its seed. */
export function runCoordinates(plan: SweepPlan, run: number): {point: number; replicate: number; seed: string} {
  const point = Math.floor(run / plan.spec.replicates);
  const replicate = run % plan.spec.replicates;
  const shared = plan.design.seeds;
  const seed = shared ? sharedSeed(plan.spec.seed, shared.group[point]!, shared.variant[point]!, replicate) : runSeed(plan.spec.seed, point, replicate);
  return {point, replicate, seed};
}

/** The seed of a run of a design whose points share seeds (design.ts SeedKeys): group, variant, replicate. */
export const sharedSeed = (master: string, group: number, variant: number, replicate: number): string => `${master}-g${group}-v${variant}-r${replicate}`;

/** The seed of a run, readable and re-runnable alone: `parley run … --seed <this>`. */
export const runSeed = (master: string, point: number, replicate: number): string => `${master}-p${point}-r${replicate}`;

/** A value as `--set` reads it back (YAML): plain when it is safe, quoted otherwise. */
const setValue = (v: ParamValue): string => (typeof v === 'string' && !/^[A-Za-z][\w.-]*$/.test(v) ? JSON.stringify(v) : String(v));

/** The `--set` overrides of a point: the spec's fixed ones, then the point's values. */
export function pointOverrides(plan: SweepPlan, point: number): string[] {
  return [...plan.spec.set, ...plan.params.map((p, i) => `${p}=${setValue(plan.design.value(point, i))}`)];
}

/** Per plan: each parameter's path, and the overrides of the string values met (their YAML read once). */
const parsedParams = new WeakMap<SweepPlan, {paths: string[][]; strings: Map<string, Override>}>();

/**
 * The point's values as overrides, parsed: what pointOverrides' texts (after the spec's set)
 * read back as, without reading them. A number or a boolean is itself; a string is read as
 * --set reads it (a word such as null is YAML's), once per plan.
 */
function pointValues(plan: SweepPlan, point: number): Override[] {
  let parsed = parsedParams.get(plan);
  if (!parsed) {
    parsed = {paths: plan.params.map((p) => parseOverride(`${p}=0`).path), strings: new Map()};
    parsedParams.set(plan, parsed);
  }
  const {paths, strings} = parsed;
  return plan.params.map((p, i) => {
    const v = plan.design.value(point, i);
    const text = `${p}=${setValue(v)}`;
    if (typeof v !== 'string') return {path: paths[i]!, value: v, text};
    let o = strings.get(text);
    if (!o) strings.set(text, (o = parseOverride(text)));
    return o;
  });
}

/** The command that re-runs one row alone (with a posterior, the seed draws the same particle). */
export function rerunCommand(plan: SweepPlan, run: number): string {
  const {point, seed} = runCoordinates(plan, run);
  const sets = pointOverrides(plan, point).flatMap((s) => ['--set', quote(s)]);
  const days = plan.spec.days === undefined ? [] : ['--days', String(plan.spec.days)];
  const posterior = plan.posterior ? ['--posterior', quote(plan.posterior.file)] : [];
  return ['parley', 'run', quote(plan.scenario), ...sets, ...days, ...posterior, '--seed', quote(seed)].join(' ');
}

/** A row's posterior columns (POSTERIOR_COLUMNS): the particle the run's seed draws and the posterior's digest; none without a posterior. */
export function posteriorValues(plan: SweepPlan, seed: string): Value[] {
  return plan.posterior ? [drawParticle(plan.posterior, seed), plan.posterior.digest] : [];
}

/**
 * The horizon of every run of the plan, in rounds; null when `days` is varied (each row's days
 * column then says it).
 */
export function planHorizon(plan: SweepPlan): number | null {
  if (plan.spec.days !== undefined) return plan.spec.days;
  if (plan.params.includes('days')) return null;
  return loadPoint(plan, 0).days;
}

/** The base scenario's file and data, read once per plan: points differ only in their overrides. */
const bases = new WeakMap<SweepPlan, {file: string; data: unknown}>();

function baseScenario(plan: SweepPlan): {file: string; data: unknown} {
  let base = bases.get(plan);
  if (!base) {
    base = readScenarioFile(plan.scenario);
    bases.set(plan, base);
  }
  return base;
}

/** `load()`, with an invalid scenario reported against the spec, as `what()`. */
function against<T>(plan: SweepPlan, what: () => string, load: () => T): T {
  try {
    return load();
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`${plan.file}: ${what()} makes an invalid scenario:\n${e.message}`, plan.file);
    throw e;
  }
}

/** The base scenario with `set` applied; an invalid one is reported against the spec, as `what`. */
function loadWith(plan: SweepPlan, set: string[], what: string): SimConfig {
  const {file, data} = baseScenario(plan);
  return against(plan, () => what, () => parseScenario(data, file, {set, days: plan.spec.days}).config);
}

/** Each plan's variants of its base scenario (scenario/variants.ts): the base with the spec's set and days, validated once. */
const variantsOf = new WeakMap<SweepPlan, (overrides: readonly Override[]) => SimConfig>();

function variants(plan: SweepPlan): (overrides: readonly Override[]) => SimConfig {
  let v = variantsOf.get(plan);
  if (!v) {
    const {file, data} = baseScenario(plan);
    v = scenarioVariants(data, file, {set: plan.spec.set, days: plan.spec.days});
    variantsOf.set(plan, v);
  }
  return v;
}

/** A point's config: the same as loading the base with pointOverrides, for less (scenario/variants.ts). */
const loadPoint = (plan: SweepPlan, point: number): SimConfig =>
  against(plan, () => `point ${point} (${describePoint(plan, point)})`, () => variants(plan)(pointValues(plan, point)));

const describePoint = (plan: SweepPlan, point: number): string => plan.params.map((p, i) => `${p}=${String(plan.design.value(point, i))}`).join(', ');

/** The particle the first run of a point draws; -1 without a posterior. */
const firstParticle = (plan: SweepPlan, point: number): number => (plan.posterior ? drawParticle(plan.posterior, runCoordinates(plan, point * plan.spec.replicates).seed) : -1);

/** A run's config: its point's, with the particle its seed drew written in (-1: no posterior). */
function loadRun(plan: SweepPlan, point: number, particle: number): SimConfig {
  if (particle < 0) return loadPoint(plan, point);
  const posterior = plan.posterior!;
  return against(
    plan,
    () => `point ${point} (${describePoint(plan, point)}) with particle ${particle} of ${posterior.file} (line ${posterior.lines[particle]})`,
    () => variants(plan)([...pointValues(plan, point), ...particleOverrides(posterior, particle)]),
  );
}

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
    // With a posterior, each point with the particle its first run draws: a policy the point switches to may not have a drawn parameter.
    for (let p = 0; p < plan.design.size; p++) loadRun(plan, p, firstParticle(plan, p));
    return;
  }
  Object.entries(plan.spec.vary).forEach(([path, spec]) => {
    for (const v of valuesToCheck(spec)) loadWith(plan, [...plan.spec.set, `${path}=${setValue(v)}`], `vary.${path}: the value ${String(v)}`);
  });
  loadPoint(plan, 0);
}

/**
 * A function that runs any run id of the plan and returns its row's values, in column order. It
 * keeps the last point's config, so consecutive runs of a point (the usual order) validate the
 * scenario once, and runs them all in one RunArena, so a run allocates next to nothing. Worker
 * threads take the values as they are: as an object of some fifty named fields a row took 7 KB
 * of each worker's heap.
 */
export function sweepValues(plan: SweepPlan): (run: number) => Value[] {
  let cached = -1;
  // The configs of the point's particles drawn so far (one, -1, without a posterior), at most
  // MAX_CONFIGS of them: a point of many replicates over a large posterior would fill the heap.
  const configs = new Map<number, SimConfig>();
  const arena = new RunArena();
  return (run) => {
    const {point, replicate, seed} = runCoordinates(plan, run);
    if (point !== cached) {
      configs.clear();
      cached = point;
    }
    const drawn = posteriorValues(plan, seed);
    const particle = plan.posterior ? (drawn[0] as number) : -1;
    let config = configs.get(particle);
    if (!config) {
      if (configs.size >= MAX_CONFIGS) configs.clear();
      configs.set(particle, (config = loadRun(plan, point, particle)));
    }
    const result = arena.run(config, seed);
    const metrics = runMetrics(result);
    const values: Value[] = [run, point, replicate, seed];
    for (let i = 0; i < plan.params.length; i++) values.push(plan.design.value(point, i));
    values.push(...drawn);
    for (const m of plan.metrics) values.push(metrics[m]);
    const {daily} = result;
    for (const c of plan.series) values.push(valueOn(c.side === 'government' ? daily.govReleased : daily.talReleased, daily.length, c.day));
    return values;
  };
}

/** Particles' configs a worker keeps for the point under way. */
const MAX_CONFIGS = 256;

/** sweepValues, each row as an object keyed by column. */
export function sweepRunner(plan: SweepPlan): (run: number) => Row {
  const values = sweepValues(plan);
  return (run) => rowObject(values(run), plan.columns);
}
