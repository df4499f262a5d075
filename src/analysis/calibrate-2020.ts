// The calibration of the bundled afghanistan-2020 scenario: which parameters, on which grids,
// from which starting values, with which seeds, fitted to the 2020 record up to 30 June and
// scored after it (docs/calibration.md). `npm run calibrate` prints what calibrate2020() returns.
import {dayOf, loadHistory} from '../history/load.js';
import {SIDES, type HistoryFile, type Side} from '../history/schema.js';
import {readScenarioFile} from '../scenario/load.js';
import {parseScenario} from '../scenario/resolve.js';
import type {SimConfig} from '../sim/config.js';
import {
  coordinateSearch,
  fitObjective,
  observedRate,
  persistence,
  rateContinued,
  runEnsemble,
  scoreEnsemble,
  scoreForecast,
  splitAt,
  toOverrides,
  withoutEventsAfter,
  type EnsembleScore,
  type ForecastScore,
  type GridParam,
  type ObservedSeries,
  type SideScores,
} from './calibrate.js';
import type {Observation} from './fit.js';
import {distribution, type Distribution} from './milestones.js';

export const SCENARIO = 'afghanistan-2020';
/** The last day the fit may see. */
export const CUTOFF_DATE = '2020-06-30';

/** `count` seeds named `${prefix}-0` … : the same list for every candidate (common random numbers). */
export const seedList = (prefix: string, count: number): string[] => Array.from({length: count}, (_, i) => `${prefix}-${i}`);

export interface SeedSpec {
  prefix: string;
  count: number;
}
/** Seeds of the fit, and separate seeds to score the result on, so the fit cannot tune to its own dice. */
export const FIT_SEEDS: SeedSpec = {prefix: 'calibrate', count: 100};
export const EVAL_SEEDS: SeedSpec = {prefix: 'evaluate', count: 500};

const steps = (from: number, to: number, step: number): number[] =>
  Array.from({length: Math.round((to - from) / step) + 1}, (_, i) => Math.round((from + i * step) * 100) / 100);

/** The parameters that set the pace of releases on each side, with the grids searched (inside each policy's zod range). */
export const SEARCH: readonly GridParam[] = [
  {path: 'agents.government.params.batchSize', values: steps(50, 200, 10)},
  {path: 'agents.government.params.intervalDays', values: steps(1, 10, 1)},
  {path: 'agents.government.params.growth', values: steps(1, 1.5, 0.05)},
  {path: 'agents.taliban.params.batchCap', values: steps(20, 120, 5)},
  {path: 'agents.taliban.params.lagDays', values: steps(1, 10, 1)},
  {path: 'agents.taliban.params.catchUp', values: steps(0, 1, 0.05)},
];

/**
 * The values the scenario carried before calibration, set by hand from the timeline (the
 * decree's 100 a day, T14; Taliban batches of 20 to 82, T31, T68), and the default share of
 * arrears the Taliban repay in a batch (0.25, set with the mechanism, docs/model.md). The search
 * starts here and the report scores them as "before"; they are inputs, not results.
 */
export const BEFORE: readonly number[] = [100, 4, 1.05, 45, 5, 0.25];

export interface Calibration {
  scenario: string;
  /** Day 0 of the scenario and the history, and the last day of the record. */
  start: string;
  end: string;
  cutoff: {date: string; day: number};
  fitSeeds: SeedSpec;
  evalSeeds: SeedSpec;
  params: readonly GridParam[];
  before: number[];
  after: number[];
  /** `--set` texts that reproduce the calibrated scenario. */
  overrides: string[];
  /** Mean log-RMSE to the cutoff over the fit seeds (the objective). */
  objective: {before: number; after: number};
  search: {evaluations: number; cycles: number};
  observations: {inSample: ObservedSeries; outOfSample: ObservedSeries};
  /** The naive baselines' daily rate (from the in-sample observations) and cap (the agreed totals). */
  baseline: {rate: SideScores; cap: SideScores};
  inSample: {calibrated: EnsembleScore; before: EnsembleScore};
  outOfSample: {
    calibrated: EnsembleScore;
    /** The calibrated model without the scheduled events after the cutoff. */
    calibratedNoLaterEvents: EnsembleScore;
    before: EnsembleScore;
    rateContinued: ForecastScore;
    persistence: ForecastScore;
  };
  /** The day the exchange completed: in 2020 (the last prisoners to custody abroad, T85) and in the runs, up to `horizon`. */
  horizon: number;
  complete: {observed: {date: string; day: number}; calibrated: Distribution; calibratedNoLaterEvents: Distribution; before: Distribution};
}

export interface CalibrateOptions {
  fitSeeds?: SeedSpec;
  evalSeeds?: SeedSpec;
  params?: readonly GridParam[];
  start?: readonly number[];
}

/** The history's cumulative release series, by day. */
export function observedSeries(history: HistoryFile): ObservedSeries {
  const bySide = (side: Side): Observation[] => history.series[side].map((p) => ({day: dayOf(history, p.date), cumulative: p.cumulative}));
  return {government: bySide('government'), taliban: bySide('taliban')};
}

/** Runs the whole calibration: the search, then the in-sample and out-of-sample scores. */
export function calibrate2020(options: CalibrateOptions = {}): Calibration {
  const fitSeeds = options.fitSeeds ?? FIT_SEEDS;
  const evalSeeds = options.evalSeeds ?? EVAL_SEEDS;
  const params = options.params ?? SEARCH;
  const start = options.start ?? BEFORE;
  const {file, data: raw} = readScenarioFile(SCENARIO);
  const configAt = (point: readonly number[]): SimConfig => parseScenario(raw, file, {set: toOverrides(params, point)}).config;

  const history = loadHistory(SCENARIO);
  const cutoffDay = dayOf(history, CUTOFF_DATE);
  const observed = observedSeries(history);
  const fit = seedList(fitSeeds.prefix, fitSeeds.count);
  const objective = (point: readonly number[]): number => fitObjective(configAt(point), observed, cutoffDay, fit);
  const search = coordinateSearch(params, start, objective);

  const split = splitAt(observed, cutoffDay);
  const evalList = seedList(evalSeeds.prefix, evalSeeds.count);
  const calibratedConfig = configAt(search.best);
  const runs = {
    calibrated: runEnsemble(calibratedConfig, evalList),
    calibratedNoLaterEvents: runEnsemble(withoutEventsAfter(calibratedConfig, cutoffDay), evalList),
    before: runEnsemble(configAt(start), evalList),
  };
  const completeOf = (r: readonly {complete: number | null}[]): Distribution => distribution(r.map((x) => x.complete));
  // As in compare.ts: the exchange was complete when the last prisoners went into custody.
  const custody = history.events.filter((e) => e.type === 'custody').at(-1)!;

  const cap: SideScores = {government: calibratedConfig.govPool.onList, taliban: calibratedConfig.talPool.size};
  const rate = {} as SideScores;
  for (const side of SIDES) rate[side] = observedRate(split.inSample[side]);
  const naive = (make: (side: keyof SideScores) => (day: number) => number): ForecastScore => {
    const bySide = {government: make('government'), taliban: make('taliban')};
    return scoreForecast((side, day) => bySide[side](day), split.outOfSample);
  };

  return {
    scenario: SCENARIO,
    start: history.start,
    end: history.end,
    cutoff: {date: CUTOFF_DATE, day: cutoffDay},
    fitSeeds,
    evalSeeds,
    params,
    before: [...start],
    after: search.best,
    overrides: toOverrides(params, search.best),
    objective: {before: objective(start), after: search.value},
    search: {evaluations: search.evaluations, cycles: search.cycles},
    observations: split,
    baseline: {rate, cap},
    inSample: {calibrated: scoreEnsemble(runs.calibrated, split.inSample), before: scoreEnsemble(runs.before, split.inSample)},
    outOfSample: {
      calibrated: scoreEnsemble(runs.calibrated, split.outOfSample),
      calibratedNoLaterEvents: scoreEnsemble(runs.calibratedNoLaterEvents, split.outOfSample),
      before: scoreEnsemble(runs.before, split.outOfSample),
      rateContinued: naive((side) => rateContinued(split.inSample[side], cap[side])),
      persistence: naive((side) => persistence(split.inSample[side])),
    },
    horizon: calibratedConfig.days,
    complete: {
      observed: {date: custody.date, day: dayOf(history, custody.date)},
      calibrated: completeOf(runs.calibrated),
      calibratedNoLaterEvents: completeOf(runs.calibratedNoLaterEvents),
      before: completeOf(runs.before),
    },
  };
}
