// A calibration spec made concrete: its scenario, history and information date; the observed
// points split into what the fit sees (on or before the date) and what the check scores (after
// it); each parameter's prior; and, for each ABC-SMC generation and for the posterior predictive
// check, the sweep plan that runs its particles. The sweep machinery then runs, writes, resumes
// and checks each generation as any sweep; the rows carry each run's releases on the observed dates.
import {resolve} from 'node:path';
import {paramInfo} from '../agents/param-info.js';
import {findPolicy} from '../agents/registry.js';
import {loadHistory, dayOf} from '../history/load.js';
import {SIDES, type HistoryFile, type Side} from '../history/schema.js';
import {invalid, zodProblems} from '../scenario/errors.js';
import {bundledNames, readDataFile, readScenarioFile, resolveDataPath, SCENARIO_DIR} from '../scenario/load.js';
import {InputError, parseScenario} from '../scenario/resolve.js';
import type {AgentId} from '../sim/types.js';
import type {Prior} from '../stats/abc-smc.js';
import {Design} from '../sweep/design.js';
import {assemblePlan, finishPlan, specScenario, type PlanSource, type SeriesColumn, type SweepPlan} from '../sweep/plan.js';
import type {SweepSpec} from '../sweep/spec.js';
import {calibrationSchema, type CalibrationSpec, type PriorSpec} from './spec.js';

export const CALIBRATION_DIR = resolve(SCENARIO_DIR, 'calibration');
export const bundledCalibrationNames = (): string[] => bundledNames(CALIBRATION_DIR);

/** One observed point: a side's cumulative releases on a day, and the column of the rows that holds the run's value then. */
export interface ObservedPoint {
  side: Side;
  date: string;
  day: number;
  value: number;
  column: string;
}

export interface CalibrationParam {
  path: string;
  prior: Prior;
  /** The policy schema's range: the prior never reaches outside it. */
  min: number;
  max: number;
  integer: boolean;
}

export interface CalibrationPlan {
  file: string;
  spec: CalibrationSpec;
  /** The scenario as the sweeps load it (a resolved path, or a bundled name). */
  scenario: string;
  base: {file: string; data: unknown};
  history: HistoryFile;
  information: {date: string; day: number};
  params: CalibrationParam[];
  /** What the fit matches: the spec's sides, on or before the information date. */
  fitted: ObservedPoint[];
  /** What the check scores: both sides, after the information date. */
  heldOut: ObservedPoint[];
  /** Every observed point the fit may not see, kept for the report: both sides, on or before the date. */
  inSample: ObservedPoint[];
  series: SeriesColumn[];
  /** Each side's agreed total (the scenario's list and captives): the share-rmse distance's scale, and the baselines' cap. */
  caps: Record<Side, number>;
}

export function loadCalibration(ref: string): CalibrationPlan {
  const file = resolveDataPath(ref, CALIBRATION_DIR, 'calibration spec');
  return planFromData(file, readDataFile(file));
}

const fail = (file: string, problems: string[]): InputError => invalid(file, problems, 'calibration spec');

function planFromData(file: string, raw: unknown, from?: {scenario: string; base: {file: string; data: unknown}}): CalibrationPlan {
  const parsed = calibrationSchema.safeParse(raw);
  if (!parsed.success) throw invalid(file, zodProblems(parsed.error, {schema: calibrationSchema, data: raw}), 'calibration spec');
  const spec = parsed.data;
  const scenario = from?.scenario ?? specScenario(file, spec.scenario);
  const base = from?.base ?? readScenarioFile(scenario);
  let loaded;
  try {
    loaded = parseScenario(base.data, base.file, {set: spec.set, days: spec.days});
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`${file}: the scenario with set makes an invalid scenario:\n${e.message}`, file);
    throw e;
  }
  const historyRef = spec.history ?? loaded.scenario.history;
  if (!historyRef) throw fail(file, [`history: ${base.file} names no history; name the observed history here`]);
  const history = loadHistory(historyRef);
  if (history.start !== loaded.scenario.start) throw fail(file, [`history: ${historyRef} starts on ${history.start}, the scenario on ${loaded.scenario.start}; the two must match`]);
  const date = spec.information ?? (loaded.scenario as {information?: string}).information;
  if (!date) throw fail(file, [`information: ${base.file} has no information date; give the date the fit may see up to`]);
  if (date < history.start || date >= history.end) throw fail(file, [`information: ${date} must be on or after ${history.start} and before the record's end (${history.end}), so something is left to score`]);
  const day = dayOf(history, date);

  const points: ObservedPoint[] = [];
  for (const side of SIDES) {
    for (const p of history.series[side]) {
      if (spec.observed.basis === 'reported' && p.basis !== 'reported') continue;
      points.push({side, date: p.date, day: dayOf(history, p.date), value: p.cumulative, column: `${side}@${p.date}`});
    }
  }
  const inSample = points.filter((p) => p.day <= day);
  const fitted = inSample.filter((p) => spec.observed.sides.includes(p.side));
  const heldOut = points.filter((p) => p.day > day);
  if (fitted.length === 0) throw fail(file, [`information: no ${spec.observed.basis === 'reported' ? 'reported ' : ''}observation of ${spec.observed.sides.join(' or ')} on or before ${date} to fit`]);
  if (heldOut.length === 0) throw fail(file, [`information: no observation after ${date} to score`]);
  const params = priorsOf(file, spec, loaded.config.agents);
  const caps = {government: loaded.config.govPool.onList, taliban: loaded.config.talPool.size};
  return {file, spec, scenario, base, history, information: {date, day}, params, fitted, heldOut, inSample, series: points.map(({column, side, day: d}) => ({column, side, day: d})), caps};
}

/** Each parameter's prior, checked against its policy's schema. */
function priorsOf(file: string, spec: CalibrationSpec, agents: Record<AgentId, {policy: string}>): CalibrationParam[] {
  return Object.entries(spec.parameters).map(([path, p]) => {
    const field = `parameters.${path}`;
    const [, agent, name] = /^agents\.(government|taliban|us)\.params\.([\w$]+)$/.exec(path)!;
    const policy = findPolicy(agent as AgentId, agents[agent as AgentId].policy)!;
    const info = paramInfo(policy).find((q) => q.name === name);
    if (!info) throw fail(file, [`${field}: ${policy.name} (the ${agent}'s policy) has no parameter ${name}; it has ${paramInfo(policy).map((q) => q.name).join(', ')}`]);
    if ((info.type !== 'number' && info.type !== 'integer') || info.min === null || info.max === null) throw fail(file, [`${field}: ${name} is not a number with a range in its schema; only those can be fitted`]);
    const {min, max} = info;
    return {path, prior: priorOf(file, field, p, min, max), min, max, integer: info.type === 'integer'};
  });
}

function priorOf(file: string, field: string, p: PriorSpec, min: number, max: number): Prior {
  if (p === 'range') return {kind: 'uniform', lo: min, hi: max};
  if ('uniform' in p) {
    const [lo, hi] = p.uniform;
    if (!(lo < hi)) throw fail(file, [`${field}.uniform: lo ${lo} must be below hi ${hi}`]);
    if (lo < min || hi > max) throw fail(file, [`${field}.uniform: [${lo}, ${hi}] goes outside the schema's range [${min}, ${max}]`]);
    return {kind: 'uniform', lo, hi};
  }
  const [mean, sd] = p.normal;
  return {kind: 'normal', mean, sd, lo: min, hi: max};
}

/** What a run of a particle runs with: integer parameters rounded (the model takes whole numbers), the rest kept to 12 digits. */
export function runValue(param: CalibrationParam, x: number): number {
  if (param.integer) return Math.max(param.min, Math.min(param.max, Math.round(x)));
  return Number(x.toPrecision(12));
}

/** Which runs a plan holds: a generation of ABC-SMC, or the posterior predictive draws. */
export type Stage = {kind: 'generation'; generation: number} | {kind: 'predictive'};

export const stageSeed = (plan: CalibrationPlan, stage: Stage): string => (stage.kind === 'generation' ? `${plan.spec.seed}-g${stage.generation}` : `${plan.spec.seed}-ppc`);

/**
 * The sweep of a stage's particles (`theta`: one row of plan.params values a particle, row-major):
 * `abc.replicates` runs a particle in a generation, one a draw in the predictive check, on the
 * stage's seeds, with stall risk off (no distance or score reads it).
 */
export function stagePlan(plan: CalibrationPlan, stage: Stage, theta: Float64Array): SweepPlan {
  const k = plan.params.length;
  const n = theta.length / k;
  const columns = plan.params.map((p, j) => {
    const at = new Float64Array(n);
    for (let i = 0; i < n; i++) at[i] = runValue(p, theta[i * k + j]!);
    return {list: null, at};
  });
  return stageSweep(plan, stage, new Design(n, columns), true);
}

function stageSweep(plan: CalibrationPlan, stage: Stage, design: Design, check: boolean): SweepPlan {
  const spec: SweepSpec = {
    name: `${plan.spec.name} ${stage.kind === 'generation' ? `generation ${stage.generation}` : 'predictive'}`,
    description: plan.spec.description,
    scenario: plan.spec.scenario,
    set: ['stall.rollouts=0', ...plan.spec.set],
    days: plan.spec.days,
    vary: Object.fromEntries(plan.params.map((p) => [p.path, {min: p.min, max: p.max, integer: p.integer}])),
    design: 'random',
    points: design.size,
    replicates: stage.kind === 'generation' ? plan.spec.abc.replicates : 1,
    seed: stageSeed(plan, stage),
    metrics: ['status', 'completionDay'],
  };
  // Workers get the sweep spec and the columns made here, and read no file (calibrationPlanFromSource).
  const raw: StageSource = {spec, series: plan.series};
  return finishPlan(assemblePlan({file: plan.file, spec, design, raw, kind: 'calibration', scenario: plan.scenario, base: plan.base, series: plan.series}), check);
}

interface StageSource {
  spec: SweepSpec;
  series: SeriesColumn[];
}

/** The plan of a worker thread: the spec, scenario and particles as the main thread made them (PlanSource). */
export function calibrationPlanFromSource(source: PlanSource): SweepPlan {
  const {spec, series} = source.spec as StageSource;
  return finishPlan(assemblePlan({file: source.file, spec, design: Design.fromData(source.design), raw: source.spec, kind: 'calibration', scenario: source.scenario, base: source.base, series}), false);
}
