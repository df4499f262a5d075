// A rejected unilateral batch (resolve-taliban.ts): it costs the government's trust in the
// Taliban, and the Taliban do not credit it as Kabul keeping its side (trust.ts creditedRecent):
// not in their trust in the government, not in coercive-leverage's calm after large releases.
import {describe, expect, it} from 'vitest';
import {ActionBuffer} from '../../src/sim/actions.js';
import {resolveTal} from '../../src/sim/resolve-taliban.js';
import {createStepper} from '../../src/sim/stepper.js';
import {creditedRecent, T_GOV_TAL, T_TAL_GOV, trustOf, updateTrust} from '../../src/sim/trust.js';
import type {WorldState} from '../../src/sim/types.js';
import {configOf, rawScenario, stateAfter} from '../helpers/scenario.js';

const cfg = configOf(rawScenario({days: 80, talks: 'active', agents: {government: {policy: 'phased-conditional'}, taliban: {policy: 'coercive-leverage'}, us: {policy: 'facilitator'}}}));

/** A state just after a unilateral government batch of 400, answered with `kind`. */
function answered(kind: 'accept-batch' | 'reject-batch'): WorldState {
  const s = stateAfter(cfg, 20);
  const st = createStepper(cfg, s);
  s.counters.govToday = 400;
  s.counters.govRecent = 0;
  s.counters.talRecent = 0;
  s.counters.govRejectedRecent = 0;
  updateTrust(s, cfg, st);
  s.tal.pendingBatch = 400;
  s.tal.pendingBatchUnilateral = true;
  s.counters.govToday = 0;
  const buf = new ActionBuffer();
  buf.add(kind, 'answers the batch');
  resolveTal(s, cfg, st, buf);
  updateTrust(s, cfg, st);
  return s;
}

describe('rejecting a unilateral batch', () => {
  it('clears the pending batch either way', () => {
    for (const kind of ['accept-batch', 'reject-batch'] as const) {
      const s = answered(kind);
      expect(s.tal.pendingBatch).toBe(0);
      expect(s.tal.pendingBatchUnilateral).toBe(false);
    }
  });

  it('leaves the batch out of the releases the Taliban credit, which an acceptance keeps', () => {
    const ok = answered('accept-batch');
    const no = answered('reject-batch');
    expect(ok.counters.govRecent).toBeCloseTo(no.counters.govRecent, 9);
    expect(creditedRecent(ok.counters)).toBeCloseTo(ok.counters.govRecent, 9);
    expect(creditedRecent(no.counters)).toBeCloseTo(0, 9);
  });

  it('lowers both sides’ trust against an acceptance', () => {
    const ok = answered('accept-batch');
    const no = answered('reject-batch');
    expect(trustOf(no.trust, T_GOV_TAL)).toBeLessThan(trustOf(ok.trust, T_GOV_TAL));
    expect(trustOf(no.trust, T_TAL_GOV)).toBeLessThan(trustOf(ok.trust, T_TAL_GOV));
  });

  it('a rejected large release does not calm coercive-leverage; an accepted one does', () => {
    for (const kind of ['accept-batch', 'reject-batch'] as const) {
      const s = answered(kind);
      s.tal.violenceTarget = 2.2;
      (s.tal.memory as {lastViolenceChange: number}).lastViolenceChange = 0;
      s.lastProgressDay = s.day;
      const seat = cfg.agents.taliban.seat(cfg, s);
      seat.decide(s);
      const kinds = Array.from({length: seat.act.length}, (_, i) => seat.act.slots[i]!.kind);
      if (kind === 'accept-batch') expect(kinds).toContain('lower-violence');
      else expect(kinds).not.toContain('lower-violence');
    }
  });
});
