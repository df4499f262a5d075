// The US withdrawal schedule (world.troops): linear between milestones. Read every round, so a
// config's days are tabled once (troopSchedule) and a round reads its day from the table.
import type {WorldParams} from './config.js';

/** US troops on `day` under the schedule. */
export function troopsOn(t: WorldParams['troops'], day: number): number {
  let prevDay = 0;
  let prev = t.start;
  for (const m of t.milestones) {
    if (day <= m.day) return Math.round(prev + ((m.troops - prev) * (day - prevDay)) / Math.max(1, m.day - prevDay));
    prevDay = m.day;
    prev = m.troops;
  }
  return prev;
}

// By schedule object: a config's runs (and a sweep's points that leave the world alone) share one table.
const tables = new WeakMap<WorldParams['troops'], Float64Array>();

/** troopsOn for days 0 to `days` (at least), computed once per schedule. */
export function troopSchedule(t: WorldParams['troops'], days: number): Float64Array {
  const known = tables.get(t);
  if (known && known.length > days) return known;
  const table = new Float64Array(days + 1);
  for (let d = 0; d <= days; d++) table[d] = troopsOn(t, d);
  tables.set(t, table);
  return table;
}
