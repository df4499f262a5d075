// The end of every party's resolution (shared by the three resolvers): the action the panel shows.
import type {ActionBuffer} from './actions.js';
import {explain} from './reason.js';
import type {Action, WorldState} from './types.js';

export function settle(s: WorldState, agent: {lastAction: Action['kind']; lastReason: string}, buf: ActionBuffer): void {
  // The panel shows the most consequential action: the last one that was not a hold.
  for (let i = buf.length - 1; i >= 0; i--) {
    const a = buf.slots[i]!;
    if (a.kind !== 'hold' || i === 0) {
      agent.lastAction = a.kind;
      // Put into words only for a run that is being recorded (and so may be watched).
      if (s.log) agent.lastReason = explain(a);
      return;
    }
  }
}
