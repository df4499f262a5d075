// Stall risk at day t: P(stall onset within the next H rounds | state at t), estimated by forward
// rollouts on independent, reproducible random streams, with a Wilson interval. While stalled it
// is P(recovery within H) instead. Definition of a stall: stall.ts.
// The rollouts stop once the interval is as narrow as stall.precision asks (at most
// stall.rollouts of them): an estimate near 0 or 1 is settled in a hundred-odd rollouts, one near
// 1/2 needs the cap. The stopping rule and why the interval stays honest under it: sequentialLooks.
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
  /** Rollouts drawn: the cap, or fewer when the interval reached the precision first. */
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

  estimate(s: WorldState, rollouts = this.cfg.stall.rollouts, horizon = this.cfg.stall.horizon, precision = this.cfg.stall.precision): RiskEstimate {
    const mode = s.stalled ? 'recovery' : 'onset';
    if (s.outcome !== 'ongoing' || rollouts <= 0) {
      return {mode, p: 0, lo: 0, hi: 0, n: 0, days: null, cause: null};
    }
    if (this.byRound.length < horizon) this.byRound = new Int32Array(horizon);
    this.byRound.fill(0);
    this.byCause.fill(0);
    // Fixed N (precision 0) is one look at the cap, at the stated confidence: as before precision existed.
    const looks = precision > 0 ? sequentialLooks(rollouts) : 1;
    const confidence = 1 - (1 - this.cfg.stall.confidence) / looks;
    let n = 0;
    let hits = 0;
    for (let look = precision > 0 ? Math.min(FIRST_LOOK, rollouts) : rollouts; ; look = Math.min(2 * look, rollouts)) {
      hits += this.rollouts(s, n, look, horizon);
      n = look;
      const interval = wilson(hits, n, confidence);
      if (n >= rollouts || (interval.hi - interval.lo) / 2 <= precision) {
        const days = hits > 0 ? medianRound(this.byRound, hits) : null;
        const cause = mode === 'onset' && hits > 0 ? RISK_CAUSES[argMax(this.byCause)]! : null;
        return {mode, ...interval, n, days, cause};
      }
    }
  }

  /** Runs rollouts `from` to `to` - 1 from `s`, counting their changes by round and cause; returns how many changed. */
  private rollouts(s: WorldState, from: number, to: number, horizon: number): number {
    const scratch = this.scratch;
    const streams = this.streamStates(to);
    const rng = this.rng;
    scratch.rng = rng;
    const byRound = this.byRound;
    const byCause = this.byCause;
    let hits = 0;
    for (let i = from; i < to; i++) {
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
    return hits;
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

/** Rollouts drawn before the first look at the interval; each later look doubles them, up to the cap. */
export const FIRST_LOOK = 64;

/**
 * How many times a sequential estimate with this cap may look at its interval to decide whether
 * to stop: at 64, 128, 256, ... rollouts below the cap, and at the cap. Stopping on a look makes
 * the interval of that look no longer a fixed-n interval: among many looks one can miss p by
 * chance, and the rule would stop on it. So each look's Wilson interval is at level
 * 1 - (1 - confidence) / K, K the number of looks: by the union bound (Bonferroni) the chance
 * that any look misses p is at most 1 - confidence, whatever the data do and whichever look the
 * rule stops on (as far as each Wilson interval holds its level at its own n). Looks double
 * rather than come every block of a fixed size because each look costs confidence: K grows with
 * the logarithm of the cap (3 for 200, 5 for 1,000), so the intervals stay narrow enough to stop
 * early, and stopping on a look overshoots the rollouts needed by at most a factor of 2. The
 * first look at 64: at 32 even an estimate of 0 or 1 has a half-width above 0.05 at the levels
 * these K give, so a look there could rarely stop and would only widen every interval.
 */
export function sequentialLooks(cap: number): number {
  let looks = 1;
  for (let n = FIRST_LOOK; n < cap; n *= 2) looks++;
  return looks;
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
