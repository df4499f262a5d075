// Phase 2 of a round: the US's actions take effect, before the parties decide (one resolver a file).
import type {SimConfig} from './config.js';
import {emit} from './log.js';
import type {ActionBuffer} from './actions.js';
import {settle} from './settle.js';
import {nudge, T_GOV_TAL, T_GOV_US, T_TAL_GOV, T_TAL_US} from './trust.js';
import type {WorldState} from './types.js';

export function resolveUs(s: WorldState, cfg: SimConfig, buf: ActionBuffer): void {
  const cfgRetaliation = cfg.world.retaliation;
  for (let i = 0; i < buf.length; i++) {
    const a = buf.slots[i]!;
    switch (a.kind) {
      case 'facilitate':
        nudge(s.trust, T_GOV_TAL, a.amount, 0);
        nudge(s.trust, T_TAL_GOV, a.amount, 0);
        emit(s, 'us', a.kind, a);
        break;
      case 'press-government': {
        const m = a.amount * s.us.leverageGov;
        s.gov.pressure = Math.min(1, s.gov.pressure + m);
        if (a.count > 0) {
          // An aid cut: a lasting stock of pressure until restored.
          s.gov.aid = Math.max(0, s.gov.aid - a.amount * 0.5);
          if (s.us.aidCutDay < 0) s.us.aidCutDay = s.day;
        }
        nudge(s.trust, T_GOV_US, 0, a.amount);
        emit(s, 'us', a.kind, a);
        break;
      }
      case 'press-taliban': {
        const m = a.amount * s.us.leverageTal;
        s.tal.pressure = Math.min(1, s.tal.pressure + m);
        // Airstrikes invite retaliation against US forces, the US's own red line.
        s.violenceVsUs += a.amount * cfgRetaliation;
        nudge(s.trust, T_TAL_US, 0, a.amount);
        emit(s, 'us', a.kind, a);
        break;
      }
      case 'reward':
        if (a.target === 'government') {
          s.gov.aid = 1;
          s.us.aidCutDay = -1;
          s.gov.pressure = Math.max(0, s.gov.pressure - a.amount);
          nudge(s.trust, T_GOV_US, a.amount * 2, 0);
        } else {
          s.tal.pressure = Math.max(0, s.tal.pressure - a.amount);
          nudge(s.trust, T_TAL_US, a.amount * 2, 0);
        }
        emit(s, 'us', a.kind, a);
        break;
      case 'guarantee':
        s.gov.custodySlots += a.count;
        nudge(s.trust, T_GOV_US, 0.5, 0);
        nudge(s.trust, T_TAL_US, 0.5, 0);
        emit(s, 'us', a.kind, a, a.count);
        break;
      case 'set-deadline':
        s.us.deadline = s.day + a.count;
        s.gov.pressure = Math.min(1, s.gov.pressure + a.amount);
        s.tal.pressure = Math.min(1, s.tal.pressure + a.amount);
        emit(s, 'us', a.kind, a);
        break;
      default:
        break;
    }
  }
  settle(s, s.us, buf);
}
