// The Level-II cost of a release imposed without ratification (Putnam 1988): a scheduled release
// (a fork's counterfactual) that frees commanders or serious cases before the assembly has
// approved them divides the government at home. The policies free that tier only after approval
// (src/agents/government/common.ts), so only such a release pays it.
import type {SimConfig} from './config.js';
import {emit} from './log.js';
import type {Pool} from './pools.js';
import type {Stepper} from './stepper.js';
import {highTierIn} from './tiers.js';
import type {WorldState} from './types.js';

/** The high tier on the list as the run starts: what the cost is a share of. */
export const highTierTotal = (pool: Pool): number => highTierIn(pool.categoryTotals);

/**
 * Cohesion falls by `world.unratifiedCost` times the share of the high tier just freed without
 * approval; it does not come back. Cohesion scales every later batch (resolve-government.ts).
 */
export function unratifiedCost(s: WorldState, cfg: SimConfig, st: Stepper, freed: number): void {
  if (freed <= 0) return;
  const total = highTierTotal(st.govPool);
  const g = s.gov;
  const before = g.cohesion;
  g.cohesion = Math.max(0, before - (cfg.world.unratifiedCost * freed) / Math.max(1, total));
  if (s.log === null) return;
  const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;
  emit(
    s,
    'government',
    'unratified-release',
    `freeing ${freed} of the ${total} high-value prisoners without the assembly's approval divides the government: cohesion ${pct(before)} → ${pct(g.cohesion)}`,
    freed,
  );
}
