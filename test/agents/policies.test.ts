import {describe, expect, it} from 'vitest';
import {policiesFor} from '../../src/agents/registry.js';
import type {SimConfig} from '../../src/sim/config.js';
import {explain} from '../../src/sim/reason.js';
import {runSimulation} from '../../src/sim/run.js';
import {AGENTS, type AgentId} from '../../src/sim/types.js';
import {configOf, rawScenario} from '../helpers/scenario.js';

/** A short scenario that reaches most branches: a late start, shocks, holidays, an end game. */
function eventful(agents: Record<AgentId, string>, seed: string): SimConfig {
  return configOf(
    rawScenario({
      days: 160,
      seed,
      talks: 'pending',
      agents: {government: {policy: agents.government}, taliban: {policy: agents.taliban}, us: {policy: agents.us}},
      pools: {government: {onList: 600, offList: 100, priority: 15, commanders: 40, serious: 80}, taliban: {size: 150, specialForces: 10}},
      events: [
        {type: 'talks-convene', day: 4, note: 'technical teams meet'},
        {type: 'aid-cut', day: 15, note: 'aid is cut'},
        {type: 'covid-pressure', day: 20, note: 'covid'},
        {type: 'holiday', day: 30, days: 3, note: 'Eid'},
        {type: 'spoiler-attack', day: 40, note: 'an attack'},
        {type: 'us-press', day: 45, target: 'taliban', note: 'airstrikes'},
        {type: 'ceasefire', day: 60, days: 3, note: 'ceasefire'},
        {type: 'aid-restore', day: 70, note: 'aid restored'},
        {type: 'third-country-custody', day: 80, slots: 5, note: 'custody'},
        {type: 'ratification-assembly', day: 90, note: 'assembly'},
        {type: 'deadline', day: 100, note: 'a deadline'},
        {type: 'holiday', day: 120, days: 3, note: 'Eid again'},
      ],
    }),
  );
}

interface Seen {
  actions: number;
  kinds: Set<string>;
}

/** Wraps each agent's seat to check every action it writes. */
function instrument(cfg: SimConfig): Record<AgentId, Seen> {
  const seen = {} as Record<AgentId, Seen>;
  const agents = {...cfg.agents};
  for (const agent of AGENTS) {
    const bound = cfg.agents[agent];
    const record: Seen = {actions: 0, kinds: new Set()};
    seen[agent] = record;
    agents[agent] = {
      ...bound,
      seat: (config, state) => {
        const inner = bound.seat(config, state);
        return {
          act: inner.act,
          decide: (s) => {
            inner.decide(s);
            const act = inner.act;
            for (let i = 0; i < act.length; i++) {
              const a = act.slots[i]!;
              if (typeof a.reason !== 'string' || a.reason.trim() === '') {
                expect.fail(`${agent} (${bound.policy}) on day ${s.day}: '${a.kind}' without a reason`);
              }
              // Every slot has its value (explain throws otherwise) and every value has its slot.
              const words = explain(a);
              const slots = new Set([...a.reason.matchAll(/\{(\d)/g)].map((m) => Number(m[1])));
              a.reasonArgs.forEach((v, k) => v !== undefined && expect(slots.has(k), `${a.reason}: value ${k} (${v}) has no slot`).toBe(true));
              expect(words, a.reason).not.toMatch(/\{\d|undefined|NaN/);
              record.actions++;
              record.kinds.add(a.kind);
            }
          },
        };
      },
    };
  }
  (cfg as {agents: SimConfig['agents']}).agents = agents;
  return seen;
}

const names = (agent: AgentId) => policiesFor(agent).map((p) => p.name);

describe('policies with default parameters', () => {
  // Every combination of policies, so that each policy meets every partner.
  const combos: Record<AgentId, string>[] = [];
  for (const government of names('government')) for (const taliban of names('taliban')) for (const us of names('us')) combos.push({government, taliban, us});

  it('give a reason for every action and every logged event', () => {
    const acted = new Map<string, number>();
    for (const [i, combo] of combos.entries()) {
      const cfg = eventful(combo, `policies-${i}`);
      const seen = instrument(cfg);
      const {state} = runSimulation(cfg, {stallRisk: false});
      for (const agent of AGENTS) acted.set(`${agent}/${combo[agent]}`, (acted.get(`${agent}/${combo[agent]}`) ?? 0) + seen[agent].actions);
      expect(state.log!.length).toBeGreaterThan(0);
      for (const e of state.log!) {
        const where = `${JSON.stringify(combo)} day ${e.day} ${e.actor} ${e.type}`;
        expect(typeof e.reason === 'string' && e.reason.trim().length > 0, where).toBe(true);
        expect(e.type.length, where).toBeGreaterThan(0);
        expect([...AGENTS, 'world'], where).toContain(e.actor);
        expect(e.day >= 1 && e.day <= state.day, where).toBe(true);
        if (e.count !== undefined) expect(Number.isFinite(e.count), where).toBe(true);
      }
      for (const agent of [state.gov, state.tal, state.us]) expect(agent.lastReason.trim().length).toBeGreaterThan(0);
    }
    // Every policy acted at all (a policy that never writes an action is broken).
    for (const agent of AGENTS) for (const name of names(agent)) expect(acted.get(`${agent}/${name}`), `${agent}/${name}`).toBeGreaterThan(0);
  });

  it('keep the walk-out and batch records consistent with the log', () => {
    for (const [i, combo] of combos.entries()) {
      if (i % 4 !== 0) continue;
      const {state} = runSimulation(eventful(combo, `records-${i}`), {stallRisk: false});
      for (const w of state.walkouts!) expect(w.reason.trim().length).toBeGreaterThan(0);
      const logged = state.log!.filter((e) => e.type === 'release');
      expect(logged.length).toBe(state.batches!.length);
      expect(logged.map((e) => e.count)).toEqual(state.batches!.map((b) => b.count));
    }
  });
});
