// Stall risk at day t: P(stall onset within the next H rounds | state at t), estimated by N
// forward rollouts on independent, reproducible random streams, with a Wilson interval. While
// stalled it is P(recovery within H) instead. Definition of a stall: stall.ts.
import type {SimConfig} from './config.js';
import {wilson} from '../stats/wilson.js';
import {Alea, deriveSeed, seedState} from './rng.js';
import {copyState, createState} from './state.js';
import {step} from './step.js';
import {createStepper, type Stepper} from './stepper.js';
import type {WorldState} from './types.js';

export interface RiskEstimate {
  /** 'onset': P(stall within H); 'recovery': P(recovery within H), when already stalled. */
  mode: 'onset' | 'recovery';
  p: number;
  lo: number;
  hi: number;
  n: number;
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
      return {mode, p: 0, lo: 0, hi: 0, n: 0};
    }
    const scratch = this.scratch;
    const streams = this.streamStates(rollouts);
    const rng = this.rng;
    scratch.rng = rng;
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
          break;
        }
        if (scratch.outcome !== 'ongoing') break;
      }
    }
    return {mode, ...wilson(hits, rollouts, this.cfg.stall.confidence), n: rollouts};
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
