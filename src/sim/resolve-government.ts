// Phase 4 of a round, first half: the government's actions resolve (one resolver a file).
import type {SimConfig} from './config.js';
import {emit} from './log.js';
import type {ActionBuffer} from './actions.js';
import {govCriteriaIndex, govFilterMask, lastRelease, releaseFrom} from './pools.js';
import {relieveHumanitarian} from './humanitarian.js';
import {governmentRelease} from './release.js';
import {settle} from './settle.js';
import type {Stepper} from './stepper.js';
import {nudge, T_TAL_GOV} from './trust.js';
import type {Action, WorldState} from './types.js';

export function resolveGov(s: WorldState, cfg: SimConfig, st: Stepper, buf: ActionBuffer): void {
  const g = s.gov;
  const c = s.counters;
  for (let i = 0; i < buf.length; i++) {
    const a = buf.slots[i]!;
    switch (a.kind) {
      case 'release': {
        // Honouring the offer closes it, whatever the batch turns out to be.
        if (a.settlesOffer) g.offerCount = 0;
        if (s.talks === 'broken') break;
        // A divided government (Level II) moves smaller batches than it decides on.
        const count = Math.max(1, Math.floor(a.count * g.cohesion));
        const unilateral = a.goodwill || s.talks !== 'active';
        governmentRelease(s, st.govPool, a.govCriteria, govFilterMask(a.filter), count, unilateral, a.goodwill, s.batches ? describeCriteria(a) : '', a);
        break;
      }
      case 'transfer-custody': {
        const k = Math.min(a.count, g.custodySlots);
        const mask = govFilterMask({list: 'on', allowSerious: true, allowCommanders: true});
        const n = releaseFrom(st.govPool, s.govPool, govCriteriaIndex('priority-first'), mask, k, 2);
        if (n === 0) break;
        g.custodySlots -= n;
        g.contested = Math.max(0, g.contested - n);
        c.govCustody += n;
        c.govReleasedPriority += lastRelease.priority;
        // Out of Afghan prisons all the same: custody relieves the COVID-19 pressure too.
        c.govReleasedVulnerable += lastRelease.vulnerable;
        if (lastRelease.vulnerable > 0) relieveHumanitarian(s, st.govPool);
        s.progressToday = true;
        emit(s, 'government', a.kind, a, n);
        break;
      }
      case 'refuse':
        nudge(s.trust, T_TAL_GOV, 0, 0.5);
        emit(s, 'government', a.kind, a, a.count);
        break;
      case 'condition':
        g.violenceCeiling = a.amount;
        emit(s, 'government', a.kind, a);
        break;
      case 'demand-reciprocity':
        g.reciprocityDemand = a.count;
        g.reciprocityBase = c.talReleased;
        emit(s, 'government', a.kind, a, a.count);
        break;
      case 'demand-special-forces':
        g.specialForcesDemand = a.count;
        emit(s, 'government', a.kind, a, a.count);
        break;
      case 'offer':
        g.offerCount = a.count;
        g.offerCeiling = a.amount;
        g.offerAccepted = false;
        s.progressToday = true;
        emit(s, 'government', a.kind, a, a.count);
        break;
      case 'seek-ratification':
        if (g.ratification === 'pending' || g.ratification === 'approved') break;
        g.ratification = 'pending';
        g.ratificationDay = s.day + cfg.world.ratification.days;
        emit(s, 'government', a.kind, a);
        break;
      default:
        break;
    }
  }
  // A reciprocity demand is met once the Taliban have freed the number asked.
  if (g.reciprocityDemand > 0 && c.talReleased - g.reciprocityBase >= g.reciprocityDemand) g.reciprocityDemand = 0;
  if (g.specialForcesDemand > 0 && c.talReleasedSpecial >= g.specialForcesDemand) g.specialForcesDemand = 0;
  settle(s, g, buf);
}

function describeCriteria(a: Action): string {
  const from = a.filter.list === 'on' ? 'from the list' : a.filter.list === 'off' ? 'off the list' : 'on or off the list';
  const tiers = a.filter.allowCommanders ? (a.filter.allowSerious ? 'incl. commanders and serious cases' : 'incl. commanders') : a.filter.allowSerious ? 'incl. serious cases' : 'low-threat';
  return `${a.govCriteria}, ${from}, ${tiers}`;
}
