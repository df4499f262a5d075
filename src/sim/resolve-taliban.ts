// Phase 4 of a round, second half: the Taliban's actions resolve, after the government's (one resolver a file).
import type {SimConfig} from './config.js';
import {emit, recordReturn, recordWalkout} from './log.js';
import type {ActionBuffer} from './actions.js';
import {explain} from './reason.js';
import {talibanRelease} from './release.js';
import {settle} from './settle.js';
import type {Stepper} from './stepper.js';
import {nudge, T_GOV_TAL} from './trust.js';
import type {WorldState} from './types.js';

/** Failure evidence a rejected unilateral batch adds to the government's trust in the Taliban (a refusal by Kabul adds 0.5 to theirs). */
const REJECTION_EVIDENCE = 0.3;

export function resolveTal(s: WorldState, cfg: SimConfig, st: Stepper, buf: ActionBuffer): void {
  const t = s.tal;
  const c = s.counters;
  for (let i = 0; i < buf.length; i++) {
    const a = buf.slots[i]!;
    switch (a.kind) {
      case 'release': {
        if (s.talks === 'broken') break;
        talibanRelease(s, st.talPool, a.talCriteria, a.filter.allowCommanders, Math.floor(a.count), a.goodwill || s.talks !== 'active', a);
        break;
      }
      case 'accept-batch':
      case 'reject-batch':
        // A public rejection (seed 002, 8 April 2020: "not according to the agreed mechanism")
        // tells Kabul its goodwill bought nothing: evidence against the Taliban's good faith in
        // the government's trust (Kydd 2000), which its willingness to free the next batch reads.
        // The Taliban, for their part, do not credit the batch as Kabul keeping its side: it
        // leaves their reading of recent releases (trust, a calm after large releases). The
        // captives owed for it stay owed (the Taliban freed 20 four days later, T31).
        if (a.kind === 'reject-batch') {
          nudge(s.trust, T_GOV_TAL, 0, REJECTION_EVIDENCE);
          // Released last round: in govRecent since then, both decay from this round's update on.
          c.govRejectedRecent += t.pendingBatch;
        }
        t.pendingBatch = 0;
        t.pendingBatchUnilateral = false;
        emit(s, 'taliban', a.kind, a);
        break;
      case 'demand':
        t.priorityDemand = a.count;
        if (a.count > 0 && t.lastPriorityProgressDay < s.convenedDay) t.lastPriorityProgressDay = Math.max(0, s.convenedDay);
        emit(s, 'taliban', a.kind, a, a.count);
        break;
      case 'walk-out':
        if (s.talks !== 'active' && s.talks !== 'pending') break;
        s.talks = 'walked-out';
        s.walkoutBy = 'taliban';
        s.walkoutSince = s.day;
        s.walkoutReason = explain(a);
        // As the walker saw it when deciding: before this round's government batch.
        s.walkoutGovReleased = c.govReleased - c.govToday;
        c.walkouts++;
        nudge(s.trust, T_GOV_TAL, 0, 1);
        recordWalkout(s, 'taliban', s.walkoutReason);
        emit(s, 'taliban', a.kind, a);
        break;
      case 'return':
        if (s.talks !== 'walked-out') break;
        s.talks = 'active';
        if (s.convenedDay < 0) s.convenedDay = s.day;
        s.walkoutBy = null;
        s.walkoutReason = '';
        s.progressToday = true;
        recordReturn(s);
        emit(s, 'taliban', a.kind, a);
        break;
      case 'raise-violence':
        t.violenceTarget = Math.min(3, t.violenceTarget + a.amount);
        emit(s, 'taliban', a.kind, a);
        break;
      case 'lower-violence':
        t.violenceTarget = Math.max(0, t.violenceTarget - a.amount);
        emit(s, 'taliban', a.kind, a);
        break;
      case 'spoiler-attack':
        s.violence += a.amount;
        nudge(s.trust, T_GOV_TAL, 0, a.amount);
        emit(s, 'taliban', a.kind, a);
        break;
      case 'declare-ceasefire':
        s.ceasefireUntil = Math.max(s.ceasefireUntil, s.day + a.count - 1);
        t.ceasefireUntil = s.ceasefireUntil;
        emit(s, 'taliban', a.kind, a, a.count);
        break;
      case 'accept-offer':
        if (s.gov.offerCount <= 0) break;
        s.gov.offerAccepted = true;
        t.violenceTarget = Math.min(t.violenceTarget, s.gov.offerCeiling * 0.9);
        emit(s, 'taliban', a.kind, a);
        break;
      case 'reject-offer':
        s.gov.offerCount = 0;
        s.gov.offerAccepted = false;
        emit(s, 'taliban', a.kind, a);
        break;
      default:
        break;
    }
  }
  void cfg;
  settle(s, t, buf);
}
