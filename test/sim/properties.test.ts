// Property-based tests of whole runs: random policies, parameters, pools, trust and events.
// They assert invariants of the engine, never particular trajectories.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseScenario} from '../../src/scenario/resolve.js';
import {buildReport, type RunReport} from '../../src/sim/report.js';
import {runSimulation, TALKS_CODES, type RunResult} from '../../src/sim/run.js';
import {AGENTS, TALKS_TRANSITIONS, type TalksState} from '../../src/sim/types.js';
import {scenarioArb} from '../helpers/arbitraries.js';
import {countWhere, type Raw} from '../helpers/scenario.js';

const VERSION = 'property-test';
/** PROPERTY_RUNS=1000 runs every property that many times (a longer bug hunt). */
const runs = (n: number): number => Number(process.env.PROPERTY_RUNS) || n;
const timeout = process.env.PROPERTY_RUNS ? 3_600_000 : undefined;
const MAX_DAYS = 250;
/** Stall risk in these runs: few, short rollouts keep the file fast. */
const RISK = ['stall.rollouts=20', 'stall.horizon=7'];

function run(raw: Raw, risk: boolean): {result: RunResult; report: RunReport} {
  const {config} = parseScenario(raw, 'random.yaml', {set: risk ? RISK : []});
  const result = runSimulation(config, {stallRisk: risk});
  return {result, report: buildReport(result, VERSION)};
}

function nonDecreasing(a: ArrayLike<number>, n: number): boolean {
  for (let i = 1; i < n; i++) if (a[i]! < a[i - 1]!) return false;
  return true;
}

/** Everything that must hold of any run, whatever the scenario. */
function checkRun({result, report}: {result: RunResult; report: RunReport}): void {
  const {config: cfg, state: s, daily} = result;
  const c = s.counters;
  const govSize = cfg.govPool.onList + cfg.govPool.offList;

  // Nobody is released twice: every release or custody transfer marks one more individual.
  expect(s.govPool.released.length).toBe(govSize);
  expect(countWhere(s.govPool.released, (v) => v !== 0)).toBe(c.govReleased + c.govCustody);
  expect(countWhere(s.govPool.released, (v) => v === 2)).toBe(c.govCustody);
  expect(countWhere(s.talPool.released, (v) => v !== 0)).toBe(c.talReleased);
  expect(countWhere(s.talPool.released, (v) => v === 2)).toBe(0);
  expect(countWhere(s.govPool.released, (v) => v > 2)).toBe(0);

  // Never more released than held, by kind.
  expect(c.govReleased + c.govCustody).toBeLessThanOrEqual(govSize);
  expect(c.govReleasedOnList + c.govCustody).toBeLessThanOrEqual(cfg.govPool.onList);
  expect(c.govReleasedOffList).toBeLessThanOrEqual(cfg.govPool.offList);
  expect(c.govReleasedOnList + c.govReleasedOffList).toBe(c.govReleased);
  expect(c.govReleasedPriority).toBeLessThanOrEqual(cfg.govPool.priority);
  expect(c.talReleased).toBeLessThanOrEqual(cfg.talPool.size);
  expect(c.talReleasedSpecial).toBeLessThanOrEqual(Math.min(cfg.talPool.specialForces, c.talReleased));
  let held = 0;
  for (const x of s.govPool.remaining) {
    expect(x).toBeGreaterThanOrEqual(0);
    held += x;
  }
  expect(held).toBe(govSize - c.govReleased - c.govCustody);

  // Batches in the report add up to the totals.
  const gov = report.batches.filter((b) => b.from === 'government');
  const tal = report.batches.filter((b) => b.from === 'taliban');
  expect(gov.reduce((n, b) => n + b.count, 0)).toBe(report.totals.releasedByGovernment);
  expect(tal.reduce((n, b) => n + b.count, 0)).toBe(report.totals.releasedByTaliban);
  expect(gov.length).toBe(report.totals.governmentBatches);
  expect(tal.length).toBe(report.totals.talibanBatches);
  expect(report.totals.batches).toBe(gov.length + tal.length);
  for (const b of report.batches) expect(b.count).toBeGreaterThan(0);
  expect(report.totals.releasedByGovernment).toBe(c.govReleased);
  expect(report.totals.releasedByTaliban).toBe(c.talReleased);
  expect(report.totals.transferredToCustody).toBe(c.govCustody);

  // One daily row per round; cumulative counts never decrease and end at the totals.
  const n = daily.length;
  expect(n).toBe(s.day);
  expect(report.rounds).toBe(n);
  expect(report.daily.map((r) => r.day)).toEqual(Array.from({length: n}, (_, i) => i + 1));
  expect(n).toBeLessThanOrEqual(cfg.days);
  if (s.outcome === 'ongoing') expect(n).toBe(cfg.days);
  expect(nonDecreasing(daily.govReleased, n)).toBe(true);
  expect(nonDecreasing(daily.talReleased, n)).toBe(true);
  expect(nonDecreasing(daily.govCustody, n)).toBe(true);
  if (n > 0) {
    expect(daily.govReleased[n - 1]).toBe(c.govReleased);
    expect(daily.talReleased[n - 1]).toBe(c.talReleased);
    expect(daily.govCustody[n - 1]).toBe(c.govCustody);
  }
  for (let r = 0; r < n; r++) {
    expect(daily.govReleased[r]! + daily.govCustody[r]!).toBeLessThanOrEqual(govSize);
    expect(Number.isFinite(daily.violence[r])).toBe(true);
    expect(daily.violence[r]).toBeGreaterThanOrEqual(0);
  }

  // Talks only move along the state machine; broken is absorbing and ends the run.
  const talks: TalksState[] = [cfg.talksStart, ...Array.from(daily.talks.subarray(0, n), (k) => TALKS_CODES[k]!)];
  for (let i = 1; i < talks.length; i++) {
    const [from, to] = [talks[i - 1]!, talks[i]!];
    if (from !== to) expect(TALKS_TRANSITIONS[from], `day ${i}: ${from} -> ${to}`).toContain(to);
    if (from === 'broken') expect(to).toBe('broken');
  }
  const brokenAt = talks.indexOf('broken');
  if (brokenAt >= 0) {
    expect(brokenAt).toBe(talks.length - 1); // a breakdown ends the run
    expect(s.outcome).toBe('broken');
    expect(report.outcome.day).toBe(brokenAt);
  }
  if (s.outcome === 'broken') expect(s.talks).toBe('broken');
  if (s.outcome !== 'ongoing') expect(s.outcomeDay).toBe(n);
  if (s.outcome === 'complete') {
    // Complete means the configured shares of the list and of the captives are out.
    expect(c.govReleasedOnList + c.govCustody).toBeGreaterThanOrEqual(Math.ceil(cfg.completion.government * cfg.govPool.onList));
    expect(c.talReleased).toBeGreaterThanOrEqual(Math.ceil(cfg.completion.taliban * cfg.talPool.size));
  }

  // Stall bookkeeping matches the daily stalled flags.
  let onsets = 0;
  let stalledDays = 0;
  for (let r = 0; r < n; r++) {
    if (daily.stalled[r] === 1) stalledDays++;
    if (daily.stalled[r] === 1 && (r === 0 || daily.stalled[r - 1] === 0)) onsets++;
  }
  expect(c.stallEpisodes).toBe(onsets);
  expect(c.stalledDays).toBe(stalledDays);
  expect(report.stallEpisodes.length).toBe(onsets);
  for (const e of report.stallEpisodes) {
    expect(daily.stalled[e.start - 1]).toBe(1);
    if (e.end !== null) expect(daily.stalled[e.end - 1]).toBe(0);
  }

  // Walk-outs and the log.
  expect(report.walkouts.length).toBe(c.walkouts);
  for (const e of report.events) expect(e.reason.trim().length).toBeGreaterThan(0);
  for (const agent of AGENTS) expect(report.policies[agent].policy).toBe(cfg.agents[agent].policy);

  // Stall risk, wherever it was estimated.
  for (let r = 0; r < n; r++) {
    const p = daily.riskP[r]!;
    if (Number.isNaN(p)) {
      expect(report.daily[r]!.stallRisk).toBeNull();
      continue;
    }
    const lo = daily.riskLo[r]!;
    const hi = daily.riskHi[r]!;
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThanOrEqual(1);
    // Raw bounds may miss p by an ulp at 0 or all hits (see the report to the lead).
    expect(lo).toBeLessThanOrEqual(p + 1e-12);
    expect(p).toBeLessThanOrEqual(hi + 1e-12);
    const cell = report.daily[r]!.stallRisk!;
    expect(cell.lo).toBeLessThanOrEqual(cell.p);
    expect(cell.p).toBeLessThanOrEqual(cell.hi);
    expect(cell.lo).toBeGreaterThanOrEqual(0);
    expect(cell.hi).toBeLessThanOrEqual(1);
    expect(cell.mode).toBe(daily.stalled[r] === 1 ? 'recovery' : 'onset');
  }
}

describe('random scenarios', () => {
  const scenarios = scenarioArb({maxDays: MAX_DAYS});

  it('are valid scenarios', () => {
    fc.assert(
      fc.property(scenarios, (raw) => {
        expect(() => parseScenario(raw, 'random.yaml')).not.toThrow();
      }),
      {numRuns: runs(200)},
    );
  }, timeout);

  it('run without breaking any invariant', () => {
    let withReleases = 0;
    fc.assert(
      fc.property(scenarios, (raw) => {
        const r = run(raw, false);
        checkRun(r);
        if (r.result.state.counters.govReleased > 0 && r.result.state.counters.talReleased > 0) withReleases++;
      }),
      {numRuns: runs(60)},
    );
    // Not vacuous: a good share of the random runs get an exchange going.
    expect(withReleases).toBeGreaterThan(0);
  }, timeout);

  it('are deterministic, and stall-risk rollouts never disturb the run', () => {
    fc.assert(
      fc.property(scenarios, (raw) => {
        const a = run(raw, true);
        checkRun(a);
        const b = run(structuredClone(raw), true);
        expect(b.report).toEqual(a.report);
        expect(JSON.stringify(b.report)).toBe(JSON.stringify(a.report));

        const off = run(raw, false);
        const n = a.result.daily.length;
        expect(off.result.daily.length).toBe(n);
        const da = a.result.daily;
        const db = off.result.daily;
        expect(Array.from(db.govReleased.subarray(0, n))).toEqual(Array.from(da.govReleased.subarray(0, n)));
        expect(Array.from(db.talReleased.subarray(0, n))).toEqual(Array.from(da.talReleased.subarray(0, n)));
        expect(Array.from(db.govCustody.subarray(0, n))).toEqual(Array.from(da.govCustody.subarray(0, n)));
        expect(Array.from(db.talks.subarray(0, n))).toEqual(Array.from(da.talks.subarray(0, n)));
        expect(Array.from(db.violence.subarray(0, n))).toEqual(Array.from(da.violence.subarray(0, n)));
        expect(Array.from(db.stalled.subarray(0, n))).toEqual(Array.from(da.stalled.subarray(0, n)));
        expect(off.result.state.counters).toEqual(a.result.state.counters);
        expect(off.report.events).toEqual(a.report.events);
        expect(off.result.state.rng.state()).toEqual(a.result.state.rng.state());
      }),
      {numRuns: runs(40)},
    );
  }, timeout);
});
