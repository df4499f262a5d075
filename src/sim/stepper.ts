// A run's scratch for its rounds, built once per run; apart from step.ts so every phase can take it without an import circle.
import type {Seat, SimConfig} from './config.js';
import type {Pool} from './pools.js';
import {govPool, talPool} from './population.js';
import {byAssignment} from './shape.js';
import {troopSchedule} from './troops.js';
import type {WorldState} from './types.js';

/** Per-run scratch: the agents' seats (their decision contexts and action buffers), reused every round. */
export interface Stepper {
  readonly gov: Seat;
  readonly tal: Seat;
  readonly us: Seat;
  readonly govPool: Pool;
  readonly talPool: Pool;
  /** Release targets that complete the exchange. */
  readonly govTarget: number;
  readonly talTarget: number;
  readonly recentDecay: number;
  /** US troops by day, 0 to cfg.days (troops.ts); later days (a rollout past the horizon) are computed. */
  readonly troops: Float64Array;
}

export function createStepper(cfg: SimConfig, s: WorldState): Stepper {
  const gp = govPool(cfg.govPool);
  const tp = talPool(cfg.talPool);
  const targets = completionTargets(cfg);
  // Built by assignment, as every object a sweep makes anew at each point (shape.ts).
  return byAssignment({
    gov: cfg.agents.government.seat(cfg, s),
    tal: cfg.agents.taliban.seat(cfg, s),
    us: cfg.agents.us.seat(cfg, s),
    govPool: gp,
    talPool: tp,
    govTarget: targets.government,
    talTarget: targets.taliban,
    recentDecay: 1 - 1 / 14,
    troops: troopSchedule(cfg.world.troops, cfg.days),
  });
}

/** Releases that complete the exchange: from the list (or to custody), and captives. */
export function completionTargets(cfg: SimConfig): {government: number; taliban: number} {
  return {government: Math.ceil(cfg.completion.government * cfg.govPool.onList), taliban: Math.ceil(cfg.completion.taliban * cfg.talPool.size)};
}
