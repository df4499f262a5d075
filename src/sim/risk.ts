// Stall risk at day t: P(stall onset within the next H rounds | state at t), estimated by N
// forward rollouts on independent, reproducible random streams, with a Wilson interval. While
// stalled it is P(recovery within H) instead. Definition of a stall: stall.ts.
// A stall comes from a clock running out (14 idle days, a 7-day walk-out), so with policies
// that act on thresholds most estimates are near 0 or 1: the rollouts agree whether anyone
// moves in time. What a student can act on is how long is left and which clock it is, so each
// estimate also carries the median rounds to the change and the commonest cause of the onsets.
import type {SimConfig} from './config.js';
import {wilson} from '../stats/wilson.js';
import {Alea, deriveSeed, seedState} from './rng.js';
import {copyState, createState} from './state.js';
import {step} from './step.js';
import {createStepper, type Stepper} from './stepper.js';
import type {StallEpisode, WorldState} from './types.js';

/** Causes in the order a tie between their counts is settled (the order stallRule tests them). */
export const RISK_CAUSES: readonly StallEpisode['cause'][] = ['breakdown', 'walk-out', 'no-progress'];

export interface RiskEstimate {
  /** 'onset': P(stall within H); 'recovery': P(recovery within H), when already stalled. */
  mode: 'onset' | 'recovery';
  p: number;
  lo: number;
  hi: number;
  n: number;
  /** Median rounds from now to the onset (or recovery) over the rollouts that reached it; null when none did. */
  days: number | null;
  /** Onset mode: the cause most of those onsets had; null in recovery mode or when none came. */
  cause: StallEpisode['cause'] | null;
}

/**
 * Estimates stall risk by forward rollouts. Rollout i always uses the stream derived from
 * (seed, 'risk', i): common random numbers across days, so the estimate moves when the state
 * moves, not because the dice changed. Never touches the state it is given.
 */
export class StallRiskEstimator {
  private readonly scratch: WorldState;
  private readonly stepper: Stepper;
  private readonly rng = new Alea({c: 1, s0: 0, s1: 0, s2: 0});
  /** Initial states of the rollout streams (c, s0, s1, s2 each), derived once. */
  private streams = new Float64Array(0);
  /** Rollouts whose change came after h + 1 rounds, and onsets by cause (RISK_CAUSES order): scratch, reused. */
  private byRound = new Int32Array(0);
  private readonly byCause = new Int32Array(RISK_CAUSES.length);

  constructor(
    private readonly cfg: SimConfig,
    private readonly seed: string = cfg.seed,
  ) {
    this.scratch = createState(cfg, {record: false});
    this.stepper = createStepper(cfg, this.scratch);
  }

  estimate(s: WorldState, rollouts = this.cfg.stall.rollouts, horizon = this.cfg.stall.horizon): RiskEstimate {
    const mode = s.stalled ? 'recovery' : 'onset';
    if (s.outcome !== 'ongoing' || rollouts <= 0) {
      return {mode, p: 0, lo: 0, hi: 0, n: 0, days: null, cause: null};
    }
    const scratch = this.scratch;
    const streams = this.streamStates(rollouts);
    const rng = this.rng;
    scratch.rng = rng;
    if (this.byRound.length < horizon) this.byRound = new Int32Array(horizon);
    const byRound = this.byRound;
    const byCause = this.byCause;
    byRound.fill(0);
    byCause.fill(0);
    let hits = 0;
    for (let i = 0; i < rollouts; i++) {
      copyState(scratch, s);
      rng.c = streams[4 * i]!;
      rng.s0 = streams[4 * i + 1]!;
      rng.s1 = streams[4 * i + 2]!;
      rng.s2 = streams[4 * i + 3]!;
      for (let h = 0; h < horizon; h++) {
        step(scratch, this.cfg, this.stepper);
        if (scratch.stalled !== s.stalled) {
          hits++;
          byRound[h]!++;
          if (scratch.stallCause !== null) byCause[RISK_CAUSES.indexOf(scratch.stallCause)]!++;
          break;
        }
        if (scratch.outcome !== 'ongoing') break;
      }
    }
    const days = hits > 0 ? medianRound(byRound, hits) : null;
    const cause = mode === 'onset' && hits > 0 ? RISK_CAUSES[argMax(byCause)]! : null;
    return {mode, ...wilson(hits, rollouts, this.cfg.stall.confidence), n: rollouts, days, cause};
  }

  private streamStates(n: number): Float64Array {
    const have = this.streams.length / 4;
    if (have >= n) return this.streams;
    const next = new Float64Array(4 * n);
    next.set(this.streams);
    for (let i = have; i < n; i++) {
      const st = seedState(deriveSeed(this.seed, 'risk', i));
      next[4 * i] = st.c;
      next[4 * i + 1] = st.s0;
      next[4 * i + 2] = st.s1;
      next[4 * i + 3] = st.s2;
    }
    this.streams = next;
    return next;
  }
}

/** The lower median of the rounds to the change, from counts by round (index h: after h + 1 rounds). */
function medianRound(byRound: Int32Array, hits: number): number {
  const half = Math.ceil(hits / 2);
  let seen = 0;
  for (let h = 0; h < byRound.length; h++) {
    seen += byRound[h]!;
    if (seen >= half) return h + 1;
  }
  return byRound.length;
}

/** Index of the largest count, the first on a tie. */
function argMax(counts: Int32Array): number {
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k]! > counts[best]!) best = k;
  return best;
}
