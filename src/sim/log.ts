// Recording what happens. Rollout states have no log (null), so these are no-ops there.
import {explain, type Explainable} from './reason.js';
import type {AgentId, Batch, SimEvent, WorldState} from './types.js';

/** A sentence, or an action whose reason is put together only if the log is kept. */
export type ReasonSource = string | Explainable;

export const reasonText = (r: ReasonSource): string => (typeof r === 'string' ? r : explain(r));

export function emit(s: WorldState, actor: SimEvent['actor'], type: string, reason: ReasonSource, count?: number): void {
  if (s.log === null) return;
  const e: SimEvent = {day: s.day, actor, type, reason: reasonText(reason)};
  if (count !== undefined) e.count = count;
  s.log.push(e);
}

export function recordBatch(s: WorldState, batch: Batch): void {
  s.batches?.push(batch);
}

export function recordWalkout(s: WorldState, by: AgentId, reason: string): void {
  s.walkouts?.push({day: s.day, by, reason, returnDay: null});
}

export function recordReturn(s: WorldState): void {
  const w = s.walkouts;
  if (w && w.length > 0 && w[w.length - 1]!.returnDay === null) w[w.length - 1]!.returnDay = s.day;
}
