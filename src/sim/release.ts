// Releases and their bookkeeping, in one place whoever decides them: a policy's action (resolve-*.ts)
// or a scheduled, exogenous release (scheduled.ts). Positional arguments: this runs in the hot
// loop and allocates only when a batch is recorded.
import {relieveHumanitarian} from './humanitarian.js';
import {emit, recordBatch, type ReasonSource} from './log.js';
import {govCriteriaIndex, lastRelease, releaseFrom, talCriteriaIndex, talFilterMask, type Pool} from './pools.js';
import type {Counters, GovCriteria, TalCriteria, WorldState} from './types.js';

/** Adds what the last government `releaseFrom` took (lastRelease) to the counters by kind. */
export function countGovRelease(c: Counters): void {
  c.govReleasedOffList += lastRelease.offList;
  c.govReleasedOnList += lastRelease.count - lastRelease.offList;
  c.govReleasedPriority += lastRelease.priority;
  c.govReleasedCommanders += lastRelease.commanders;
  c.govReleasedSerious += lastRelease.serious;
  c.govReleasedVulnerable += lastRelease.vulnerable;
}

/** The government frees up to `count` prisoners allowed by `mask`, in `criteria` order; returns how many. */
export function governmentRelease(
  s: WorldState,
  pool: Pool,
  criteria: GovCriteria,
  mask: number,
  count: number,
  unilateral: boolean,
  goodwill: boolean,
  describe: string,
  reason: ReasonSource,
): number {
  const n = releaseFrom(pool, s.govPool, govCriteriaIndex(criteria), mask, count);
  if (n === 0) return 0;
  const c = s.counters;
  c.govReleased += n;
  c.govToday += n;
  c.govWorthToday += lastRelease.worth;
  c.govLastReleaseDay = s.day;
  countGovRelease(c);
  if (lastRelease.vulnerable > 0) relieveHumanitarian(s, pool);
  c.govBatches++;
  if (goodwill) c.govGoodwill += n;
  s.tal.pendingBatch += n;
  s.tal.pendingBatchUnilateral = s.tal.pendingBatchUnilateral || unilateral;
  s.progressToday = true;
  if (s.batches) recordBatch(s, {day: s.day, from: 'government', count: n, criteria: describe, unilateral, offList: lastRelease.offList});
  emit(s, 'government', 'release', reason, n);
  return n;
}

/** The Taliban free up to `count` captives in `criteria` order; returns how many. */
export function talibanRelease(s: WorldState, pool: Pool, criteria: TalCriteria, allowCommandos: boolean, count: number, unilateral: boolean, reason: ReasonSource): number {
  const n = releaseFrom(pool, s.talPool, talCriteriaIndex(criteria), talFilterMask(allowCommandos), count);
  if (n === 0) return 0;
  const c = s.counters;
  c.talReleased += n;
  c.talToday += n;
  c.talReleasedSpecial += lastRelease.specialForces;
  c.talBatches++;
  s.progressToday = true;
  if (s.batches) recordBatch(s, {day: s.day, from: 'taliban', count: n, criteria, unilateral});
  emit(s, 'taliban', 'release', reason, n);
  return n;
}
