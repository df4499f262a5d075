// Running a whole simulation: the round loop, the daily series (typed arrays, one row a round)
// and the optional daily stall-risk estimate.
import type {SimConfig} from './config.js';
import {applyFork, type Fork} from './fork.js';
import {StallRiskEstimator} from './risk.js';
import {createState} from './state.js';
import {createStepper, step} from './step.js';
import type {TalksState, WorldState} from './types.js';

export const TALKS_CODES: readonly TalksState[] = ['pending', 'active', 'walked-out', 'broken'];

/** The daily series, column-wise. Row r describes the state after round offset + r + 1. */
export interface DailySeries {
  length: number;
  /** Rounds before the first row: 0, or the fork's day when the run started from one. */
  offset: number;
  govReleased: Int32Array;
  talReleased: Int32Array;
  govCustody: Int32Array;
  talks: Uint8Array;
  violence: Float64Array;
  /** NaN where stall risk was not estimated. */
  riskP: Float64Array;
  riskLo: Float64Array;
  riskHi: Float64Array;
  /** 0 onset, 1 recovery. */
  riskMode: Uint8Array;
  stalled: Uint8Array;
}

export interface RunOptions {
  /** Estimate stall risk every round (default: when the scenario asks for rollouts). */
  stallRisk?: boolean;
  /** Start from an observed state on a later day instead of day 0 (a counterfactual fork). */
  fork?: Fork;
  /** Called after each round with the live state (the UI reads snapshots through this). */
  onRound?: (s: WorldState, daily: DailySeries) => void;
  /** Keep the log, batches, walk-outs and episodes (default true); sweeps need only counters and series. */
  record?: boolean;
}

export interface RunResult {
  config: SimConfig;
  state: WorldState;
  daily: DailySeries;
  /** The observed state the run started from, when it was forked. */
  fork?: Fork;
}

function createDaily(days: number): DailySeries {
  return {
    length: 0,
    offset: 0,
    govReleased: new Int32Array(days),
    talReleased: new Int32Array(days),
    govCustody: new Int32Array(days),
    talks: new Uint8Array(days),
    violence: new Float64Array(days),
    riskP: new Float64Array(days).fill(Number.NaN),
    riskLo: new Float64Array(days).fill(Number.NaN),
    riskHi: new Float64Array(days).fill(Number.NaN),
    riskMode: new Uint8Array(days),
    stalled: new Uint8Array(days),
  };
}

/** A run in progress, advanced one round at a time (the dashboard drives it this way). */
export interface RunHandle extends RunResult {
  /** Simulates one round and records it; false once the run is over (nothing simulated). */
  advance(): boolean;
  /** True once the horizon is reached or the exchange completed or broke down. */
  readonly finished: boolean;
}

export function startRun(cfg: SimConfig, options: RunOptions = {}): RunHandle {
  const s = createState(cfg, {record: options.record ?? true});
  const stepper = createStepper(cfg, s);
  if (options.fork) applyFork(s, cfg, stepper, options.fork);
  const daily = createDaily(cfg.days);
  daily.offset = s.day;
  const withRisk = options.stallRisk ?? cfg.stall.rollouts > 0;
  const estimator = withRisk ? new StallRiskEstimator(cfg) : null;
  const over = (): boolean => s.day >= cfg.days || s.outcome !== 'ongoing';
  return {
    config: cfg,
    state: s,
    daily,
    fork: options.fork,
    get finished() {
      return over();
    },
    advance() {
      if (over()) return false;
      step(s, cfg, stepper);
      const r = daily.length++;
      const c = s.counters;
      daily.govReleased[r] = c.govReleased;
      daily.talReleased[r] = c.talReleased;
      daily.govCustody[r] = c.govCustody;
      daily.talks[r] = TALKS_CODES.indexOf(s.talks);
      daily.violence[r] = s.violence;
      daily.stalled[r] = s.stalled ? 1 : 0;
      if (estimator) {
        const e = estimator.estimate(s);
        daily.riskP[r] = e.p;
        daily.riskLo[r] = e.lo;
        daily.riskHi[r] = e.hi;
        daily.riskMode[r] = e.mode === 'onset' ? 0 : 1;
      }
      options.onRound?.(s, daily);
      return true;
    },
  };
}

export function runSimulation(cfg: SimConfig, options: RunOptions = {}): RunResult {
  const run = startRun(cfg, options);
  while (run.advance());
  return {config: run.config, state: run.state, daily: run.daily, fork: run.fork};
}

/** Runs rounds with no recording and no stall risk: the engine's raw speed (for benchmarks). */
export function runHeadless(cfg: SimConfig): WorldState {
  const s = createState(cfg, {record: false});
  const stepper = createStepper(cfg, s);
  while (s.day < cfg.days && s.outcome === 'ongoing') step(s, cfg, stepper);
  return s;
}
