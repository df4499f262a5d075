// The observables of a run are declared once (src/sim/observables.ts) and every consumer picks
// from them: the run report's totals, daily rows and outcome, the sweep's metric columns and the
// dashboard snapshot say the same value for the same name, typed as the table declares it.
import {describe, expect, expectTypeOf, it} from 'vitest';
import {buildSnapshot} from '../../src/host/snapshot.js';
import {loadScenario} from '../../src/scenario/resolve.js';
import {DAILY_OBSERVABLES, readDay, readRun, RUN_OBSERVABLES, runValue, type RiskCell} from '../../src/sim/observables.js';
import {buildReport} from '../../src/sim/report.js';
import {RunArena, runSimulation, startRun, type RunResult} from '../../src/sim/run.js';
import type {OutcomeStatus, TalksState} from '../../src/sim/types.js';
import {METRICS, NUMERIC_METRICS, runMetrics, STALL_RISK_METRICS} from '../../src/sweep/metrics.js';
import {round4} from '../../src/stats/round.js';

const config = loadScenario('afghanistan-2020', {seed: 'doha', set: ['stall.rollouts=10', 'days=120']}).config;
const result: RunResult = runSimulation(config);

describe('the table of observables', () => {
  it('types what a consumer picks by the names it picks', () => {
    const picked = readRun(['status', 'completionDay', 'batches', 'peakStallRisk', 'stalled', 'talks'], result);
    expectTypeOf(picked).toEqualTypeOf<{status: OutcomeStatus; completionDay: number | null; batches: number; peakStallRisk: number | null; stalled: boolean; talks: TalksState}>();
    expectTypeOf(readDay(['stallRisk', 'violence'], result.daily, 0)).toEqualTypeOf<{stallRisk: RiskCell | null; violence: number}>();
    expect(Object.keys(picked)).toEqual(['status', 'completionDay', 'batches', 'peakStallRisk', 'stalled', 'talks']);
  });

  it('gives the sweep its columns: every metric an observable, the stall-risk and numeric ones by their declaration', () => {
    for (const m of METRICS) expect(Object.keys(RUN_OBSERVABLES)).toContain(m);
    expect(STALL_RISK_METRICS).toEqual(['peakStallRisk', 'meanStallRisk']);
    expect(NUMERIC_METRICS).toEqual(METRICS.filter((m) => m !== 'status'));
    expect(runMetrics(result)).toEqual(readRun(METRICS, result));
    // A sweep's run (RunArena, nothing recorded) reads the same values as a recorded run.
    expect(runMetrics(new RunArena().run(config, config.seed))).toEqual(runMetrics(result));
  });

  it('says the same value for the same name in the report, the sweep row and the snapshot', () => {
    const report = buildReport(result, 'test');
    const row = runMetrics(result);
    const snap = buildSnapshot({...result, advance: () => false, finished: true}, 'finished', 10);
    for (const name of ['releasedByGovernment', 'releasedByTaliban', 'batches', 'walkouts', 'stallEpisodes', 'stalledDays'] as const) {
      expect(report.totals[name], name).toBe(row[name]);
    }
    expect(report.outcome.status).toBe(row.status);
    expect(snap.outcome).toEqual(report.outcome);
    expect(snap.released).toEqual({
      government: report.totals.releasedByGovernment,
      taliban: report.totals.releasedByTaliban,
      custody: report.totals.transferredToCustody,
      offList: report.totals.offListReleases,
    });
    expect(report.peakStallRisk?.p).toBe(row.peakStallRisk);
    expect(report.peakStallRisk?.day).toBe(runValue('peakStallRiskDay', result));
    expect(report.daily.map(({day: _d, date: _t, ...rest}) => rest)).toEqual(report.daily.map((_, r) => readDay(Object.keys(DAILY_OBSERVABLES) as (keyof typeof DAILY_OBSERVABLES)[], result.daily, r)));
  });

  it('prints rounded what the dashboard reads unrounded', () => {
    const raw = readRun(['peakViolence', 'meanStallRisk', 'violence'], result, 'raw');
    const printed = readRun(['peakViolence', 'meanStallRisk', 'violence'], result);
    expect(printed.peakViolence).toBe(round4(raw.peakViolence));
    expect(printed.meanStallRisk).toBe(round4(raw.meanStallRisk!));
    const snap = buildSnapshot({...result, advance: () => false, finished: true}, 'finished', 10);
    expect(snap.violence).toBe(raw.violence);
    expect(snap.violence).toBe(result.state.violence);
    const last = result.daily.length - 1;
    expect(snap.risk).toEqual(readDay(['stallRisk'], result.daily, last, 'raw').stallRisk);
  });

  it('reads a run under way as well as a finished one (before the first round: nothing yet)', () => {
    const live = startRun(config);
    const start = buildSnapshot(live, 'paused', 10);
    expect(start.risk).toBeNull();
    expect(start.riskHistory).toEqual([]);
    expect(readRun(['rounds', 'peakStallRisk', 'peakStallRiskDay', 'meanStallRisk', 'peakViolence'], live)).toEqual({rounds: 0, peakStallRisk: null, peakStallRiskDay: null, meanStallRisk: null, peakViolence: 0});
    for (let i = 0; i < 40; i++) live.advance();
    expect(buildSnapshot(live, 'running', 10).day).toBe(40);
    expect(runValue('rounds', live)).toBe(40);
  });
});
