// COVID-19 pressure on the government and its relief (docs/model.md §4, "Who is freed"): the
// March 2020 releases were framed as relief for the old and sick (T14, T21, T27), so what
// presses on the government is how many of them are still in its prisons.
import type {Pool} from './pools.js';
import type {WorldState} from './types.js';

/**
 * Sets `s.gov.humanitarian` from the scheduled level and the share of the pool's vulnerable
 * prisoners still held: freeing them relieves the pressure, whoever else is freed does not.
 * Measured against the whole pool, not those held on the event's day, so a fork from the record
 * (fork.ts), which replays earlier releases before the event, sees the same pressure.
 */
export function relieveHumanitarian(s: WorldState, pool: Pool): void {
  const g = s.gov;
  if (g.humanitarianLevel === 0 || pool.vulnerableTotal === 0) {
    g.humanitarian = g.humanitarianLevel;
    return;
  }
  const held = Math.max(0, pool.vulnerableTotal - s.counters.govReleasedVulnerable);
  g.humanitarian = (g.humanitarianLevel * held) / pool.vulnerableTotal;
}
