// Running a whole simulation: the round loop, the daily series (typed arrays, one row a round)
// and the optional daily stall-risk estimate.
import type {SimConfig} from './config.js';
import {applyFork, type Fork} from './fork.js';
import {RISK_CAUSES, StallRiskEstimator} from './risk.js';
import {createRng} from './rng.js';
import {copyState, createState, sameStart} from './state.js';
import {step} from './step.js';
import {createStepper, type Stepper} from './stepper.js';
import type {TalksState, WorldState} from './types.js';

export const TALKS_CODES: readonly TalksState[] = ['pending', 'active', 'walked-out', 'broken'];

/**
 * The daily series, column-wise. Row r describes the state after round offset + r + 1. The round
 * loop records it; reports read it through the daily observables (sim/observables.ts).
 */
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
  /** Median rounds to the onset or recovery among the rollouts that reached it; NaN when none did or not estimated. */
  riskDays: Float64Array;
  /** The commonest onset cause, 1 + its index in RISK_CAUSES; 0 for none. */
  riskCause: Uint8Array;
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
  return clearDaily({
    length: 0,
    offset: 0,
    govReleased: new Int32Array(days),
    talReleased: new Int32Array(days),
    govCustody: new Int32Array(days),
    talks: new Uint8Array(days),
    violence: new Float64Array(days),
    riskP: new Float64Array(days),
    riskLo: new Float64Array(days),
    riskHi: new Float64Array(days),
    riskMode: new Uint8Array(days),
    riskDays: new Float64Array(days),
    riskCause: new Uint8Array(days),
    stalled: new Uint8Array(days),
  });
}

/** Empties a series for a new run: no rows, and stall risk not estimated anywhere. */
function clearDaily(d: DailySeries): DailySeries {
  d.length = 0;
  d.offset = 0;
  for (const a of [d.govReleased, d.talReleased, d.govCustody, d.talks, d.violence, d.riskMode, d.riskCause, d.stalled]) a.fill(0);
  for (const a of [d.riskP, d.riskLo, d.riskHi, d.riskDays]) a.fill(Number.NaN);
  return d;
}

/** Appends the row of the round just simulated (and its stall-risk estimate, with an estimator). */
function recordRound(d: DailySeries, s: WorldState, estimator: StallRiskEstimator | null): void {
  const r = d.length++;
  const c = s.counters;
  d.govReleased[r] = c.govReleased;
  d.talReleased[r] = c.talReleased;
  d.govCustody[r] = c.govCustody;
  d.talks[r] = TALKS_CODES.indexOf(s.talks);
  d.violence[r] = s.violence;
  d.stalled[r] = s.stalled ? 1 : 0;
  if (estimator) {
    const e = estimator.estimate(s);
    d.riskP[r] = e.p;
    d.riskLo[r] = e.lo;
    d.riskHi[r] = e.hi;
    d.riskMode[r] = e.mode === 'onset' ? 0 : 1;
    d.riskDays[r] = e.days ?? Number.NaN;
    d.riskCause[r] = e.cause === null ? 0 : 1 + RISK_CAUSES.indexOf(e.cause);
  }
}

/** A run in progress, advanced one round at a time (the dashboard drives it this way). */
export interface RunHandle extends RunResult {
  /** Simulates one round and records it; false once the run is over (nothing simulated). */
  advance(): boolean;
  /** True once the horizon is reached or the exchange completed or broke down. */
  readonly finished: boolean;
}

/** Rounds remain: the horizon is not reached and the exchange has neither completed nor broken down. */
const ongoing = (s: WorldState, cfg: SimConfig): boolean => s.day < cfg.days && s.outcome === 'ongoing';

export function startRun(cfg: SimConfig, options: RunOptions = {}): RunHandle {
  const s = createState(cfg, {record: options.record ?? true});
  const stepper = createStepper(cfg, s);
  if (options.fork) applyFork(s, cfg, stepper, options.fork);
  const daily = createDaily(cfg.days);
  daily.offset = s.day;
  const withRisk = options.stallRisk ?? cfg.stall.rollouts > 0;
  const estimator = withRisk ? new StallRiskEstimator(cfg) : null;
  return {
    config: cfg,
    state: s,
    daily,
    fork: options.fork,
    get finished() {
      return !ongoing(s, cfg);
    },
    advance() {
      if (!ongoing(s, cfg)) return false;
      step(s, cfg, stepper);
      recordRound(daily, s, estimator);
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

/** A finished run of a RunArena: its final state and daily series, valid until the arena's next run. */
export type ArenaRun = Pick<RunResult, 'state' | 'daily'>;

/**
 * Runs simulations one after another in the same memory, as a sweep's worker does thousands of
 * times: the state, its pools' status, the daily series and the policies' memory are reset in
 * place rather than allocated, so a run leaves next to no garbage. Nothing is recorded (no log,
 * batches or reasons in words); the rows are the same as runSimulation's with `record: false`.
 */
export class RunArena {
  private cfg: SimConfig | null = null;
  /** The state before round 1 under cfg, copied into `state` at the start of each run. */
  private initial: WorldState | null = null;
  private state: WorldState | null = null;
  private stepper: Stepper | null = null;
  private daily: DailySeries | null = null;

  /** Runs `cfg` (a config kept for many runs; its seed is ignored) with the given seed. */
  run(cfg: SimConfig, seed: string): ArenaRun {
    if (cfg !== this.cfg) this.prepare(cfg);
    const s = this.state!;
    copyState(s, this.initial!);
    s.rng = createRng(seed);
    const d = clearDaily(this.daily!);
    const estimator = cfg.stall.rollouts > 0 ? new StallRiskEstimator(cfg, seed) : null;
    const stepper = this.stepper!;
    while (ongoing(s, cfg)) {
      step(s, cfg, stepper);
      recordRound(d, s, estimator);
    }
    return {state: s, daily: d};
  }

  /**
   * A new config (a sweep's next point): the policies' seats are made for it; the states are made
   * anew only when it starts from another state (sameStart: most points of a sensitivity design
   * differ only in parameters), and the daily series when its horizon differs.
   */
  private prepare(cfg: SimConfig): void {
    const previous = this.cfg;
    this.cfg = cfg;
    if (previous === null || !sameStart(previous, cfg)) {
      this.initial = createState(cfg, {record: false});
      this.state = createState(cfg, {record: false});
    }
    this.stepper = createStepper(cfg, this.state!);
    if (this.daily?.govReleased.length !== cfg.days) this.daily = createDaily(cfg.days);
  }
}

/** Runs rounds with no recording and no stall risk: the engine's raw speed (for benchmarks). */
export function runHeadless(cfg: SimConfig): WorldState {
  const s = createState(cfg, {record: false});
  const stepper = createStepper(cfg, s);
  while (ongoing(s, cfg)) step(s, cfg, stepper);
  return s;
}
