// The body of `npm run bench` (bench.ts parses its options): see bench.ts for what it measures.
import {StallRiskEstimator} from '../sim/risk.js';
import {runHeadless, runSimulation} from '../sim/run.js';
import {createState} from '../sim/state.js';
import {step} from '../sim/step.js';
import {createStepper} from '../sim/stepper.js';
import {median} from '../stats/median.js';
import {throughput, timeEach} from './stats.js';
import {execFileSync} from 'node:child_process';
import {processIo as io} from '../cli/io.js';
import {STARTUP_GOALS, startupBench, startupLines} from './startup-bench.js';
import {SENSITIVITY_GOALS, sensitivityBench, sensitivityLines, sensitivityTrials} from './sensitivity-bench.js';

import type {SimConfig} from '../sim/config.js';

export interface BenchArgs {
  config: SimConfig;
  trials: number;
  json: boolean;
}

export async function runBench({config, trials, json}: BenchArgs): Promise<void> {
  // Warm up the JIT and the population cache.
  for (let i = 0; i < 200; i++) runHeadless({...config, seed: `warm-${i}`});

  let seed = 0;
  const roundsPerSecond: number[] = [];
  const msPerRun: number[] = [];
  for (let t = 0; t < trials; t++) {
    const r = throughput(() => runHeadless({...config, seed: String(seed++)}).day, 1000);
    roundsPerSecond.push(r.unitsPerSecond);
    msPerRun.push(1000 / r.perSecond);
  }

  // Stall risk from a mid-negotiation state: day 60 of the first seed whose negotiation is still
  // going then (walk-out under way, releases flowing).
  function stateAtDay60(): ReturnType<typeof createState> {
    for (let i = 0; ; i++) {
      const cfg = {...config, seed: `bench-${i}`};
      const st = createState(cfg, {record: false});
      const stepper = createStepper(cfg, st);
      for (let d = 0; d < 60; d++) step(st, cfg, stepper);
      if (st.outcome === 'ongoing') return st;
    }
  }
  const s = stateAtDay60();
  const estimator = new StallRiskEstimator(config);
  for (let i = 0; i < 5; i++) estimator.estimate(s, 1000, 14);
  const riskMs = timeEach(() => estimator.estimate(s, 1000, 14), Math.max(15, trials * 3));

  // And across a whole run, as the dashboard sees it: the median over every tenth day.
  const perDay: number[] = [];
  {
    const cfg = {...config, seed: 'bench-days'};
    const st = createState(cfg, {record: false});
    const stepper2 = createStepper(cfg, st);
    const est = new StallRiskEstimator(cfg);
    while (st.day < 200 && st.outcome === 'ongoing') {
      step(st, cfg, stepper2);
      if (st.day % 10 === 0) perDay.push(timeEach(() => est.estimate(st, 1000, 14), 3));
    }
  }

  // A whole run with daily stall risk, to the default precision against a fixed N, both with a
  // cap of 1,000 rollouts: the same run, trial by trial alternating, so a slow spell of the
  // machine falls on both; medians of each side and of each trial's ratio.
  const precise: number[] = [];
  const fixedN: number[] = [];
  {
    const riskRun = (precision: number): (() => void) => {
      const cfg = {...config, seed: 'bench-days', stall: {...config.stall, rollouts: 1000, precision}};
      return () => void runSimulation(cfg, {stallRisk: true, record: false});
    };
    const byPrecision = riskRun(config.stall.precision);
    const byCount = riskRun(0);
    for (let t = 0; t < Math.max(3, trials); t++) {
      precise.push(timeEach(byPrecision, 1));
      fixedN.push(timeEach(byCount, 1));
    }
  }
  const precisionRatio = median(precise.map((ms, i) => ms / fixedN[i]!));

  // The dashboard at top speed against the same runs headless: with daily stall risk from a fixed
  // 1,000 rollouts (the benchmark's N; a run of a few seconds), and as shipped (at most 200
  // rollouts, to the default precision: a short run, where the fixed start-up of Ink and React
  // weighs most).
  const overheadTrials = Math.max(3, Math.ceil(trials / 2));
  const overhead = dashboardProbe(config.name, overheadTrials, ['stall.rollouts=1000', 'stall.precision=0']);
  const overheadShipped = dashboardProbe(config.name, overheadTrials, []);

  const {sweepBench} = await import('./sweep-bench.js');
  // As many pairs of sweeps as trials: a pair's ratio varies by a tenth or more on a shared machine.
  const sweep = sweepBench(trials);

  // Sensitivity designs, each in a process of its own too, and the analysis; fewer trials (at most 3).
  const sensitivity = sensitivityBench(sensitivityTrials(trials));

  // Whole processes, measured while this one is idle (its sweeps' processes have ended).
  const startup = startupBench(20);

  const result = {
    scenario: config.name,
    node: process.version,
    trials,
    roundsPerSecond: Math.round(median(roundsPerSecond)),
    msPer200DayRun: Number(median(msPerRun).toFixed(4)),
    stallRiskMs: Number(riskMs.toFixed(3)),
    stallRiskMedianOverRunMs: Number(median(perDay).toFixed(3)),
    riskRunPrecisionMs: Number(median(precise).toFixed(1)),
    riskRunFixedMs: Number(median(fixedN).toFixed(1)),
    riskRunPrecisionRatio: Number(precisionRatio.toFixed(3)),
    headlessRunMs: Number(overhead.headlessMs.toFixed(1)),
    plainRunMs: Number(overhead.plainRunMs.toFixed(1)),
    dashboardRunMs: Number(overhead.dashboardMs.toFixed(1)),
    dashboardOverhead: Number((overhead.ratio - 1).toFixed(3)),
    headlessShippedRunMs: Number(overheadShipped.headlessMs.toFixed(1)),
    dashboardShippedRunMs: Number(overheadShipped.dashboardMs.toFixed(1)),
    dashboardShippedOverhead: Number((overheadShipped.ratio - 1).toFixed(3)),
    sweep,
    sensitivity,
    startup,
    goals: {roundsPerSecond: 3_000_000, stallRiskMs: 10, riskRunPrecisionRatio: 0.25, dashboardOverhead: 0.1, sweepSpeedup: 1.8, sweepPeakRssMb: 200, ...SENSITIVITY_GOALS, ...STARTUP_GOALS},
  };

  if (json) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    const ok = (b: boolean): string => (b ? 'meets goal' : 'BELOW GOAL');
    const n = (x: number): string => x.toLocaleString('en-US');
    const {long: L, short: S, hypercube: C, stallRisk: R} = sweep;
    const lines = [
      `parley bench — ${result.scenario}, ${result.node}, medians of ${trials} trials`,
      `  engine, 200-day runs, no stall risk   ${result.roundsPerSecond.toLocaleString('en-US')} rounds/s   (goal >= 3,000,000: ${ok(result.roundsPerSecond >= 3_000_000)})`,
      `  one 200-day run                       ${result.msPer200DayRun.toFixed(3)} ms`,
      `  stall risk, N=1000, H=14, day 60      ${result.stallRiskMs.toFixed(2)} ms   (goal < 10 ms: ${ok(result.stallRiskMs < 10)})`,
      `  stall risk, median over a run's days  ${result.stallRiskMedianOverRunMs.toFixed(2)} ms`,
      `  full run, daily stall risk to ±${config.stall.precision} (at most 1,000) ${result.riskRunPrecisionMs.toFixed(0)} ms, fixed N=1000 ${result.riskRunFixedMs.toFixed(0)} ms: ${result.riskRunPrecisionRatio.toFixed(2)} of it   (goal <= 0.25: ${ok(result.riskRunPrecisionRatio <= 0.25)})`,
      `  full run, stall risk N=1000 daily     engine thread, nothing drawn ${result.headlessRunMs.toFixed(0)} ms, dashboard at top speed ${result.dashboardRunMs.toFixed(0)} ms (plain run on the warm main thread ${result.plainRunMs.toFixed(0)} ms)`,
      `    dashboard overhead                  ${(100 * result.dashboardOverhead).toFixed(1)}%   (goal <= 10%: ${ok(result.dashboardOverhead <= 0.1)})`,
      `  full run as shipped (≤200, ±${config.stall.precision})    headless ${result.headlessShippedRunMs.toFixed(0)} ms, dashboard ${result.dashboardShippedRunMs.toFixed(0)} ms (+${(100 * result.dashboardShippedOverhead).toFixed(1)}%: mostly Ink's fixed start-up)`,
      `  sweep, 100 points x 1,000 runs, 1 worker  ${n(L.runsPerSecond1)} runs/s (second half ${n(L.steady1)})`,
      `    on 2 workers                        ${n(L.runsPerSecond2)} runs/s, ${L.speedup.toFixed(2)}x, trials ${L.speedupRange.map((x) => x.toFixed(2)).join('–')}   (goal >= 1.8x: ${ok(L.speedup >= 1.8)}); second half ${n(L.steady2)}, ${L.steadySpeedup.toFixed(2)}x`,
      `    peak memory on 2 workers, to disk   ${L.peakRssMb} MB (highest ${L.peakRssMaxMb} MB) in ${L.seconds2} s   (goal < 200 MB: ${ok(L.peakRssMaxMb < 200)})`,
      `  sweep of ${n(S.runs)} runs, 1 and 2 workers  ${n(S.runsPerSecond1)} and ${n(S.runsPerSecond2)} runs/s, ${S.speedup.toFixed(2)}x (start-up and JIT weigh more; second half ${S.steadySpeedup.toFixed(2)}x)`,
      `  hypercube, ${n(C.runs)} points x 1 run   ${n(C.runsPerSecond)} runs/s on 2 workers, peak memory ${C.peakRssMb} MB`,
      `  sweep of ${n(R.sweepRuns)} runs with stall risk (shard ${R.shard}, ${n(R.runs)} runs)  1 worker ${R.runsPerSecond1.toFixed(2)} runs/s (whole sweep ${R.minutes1} min), 2 workers ${R.runsPerSecond2.toFixed(2)} runs/s (${R.minutes2} min), ${R.speedup.toFixed(2)}x`,
      ...sensitivityLines(sensitivity),
      ...startupLines(startup),
    ];
    io.stdout(`${lines.join('\n')}\n`);
  }
}

/** dashboardOverhead (dashboard-overhead.tsx) in a process of its own (dashboard-probe.ts), its stderr kept out of the bench's. */
export function dashboardProbe(scenario: string, trials: number, set: string[]): {headlessMs: number; dashboardMs: number; plainRunMs: number; ratio: number} {
  const probe = new URL('./dashboard-probe.js', import.meta.url).pathname;
  return JSON.parse(execFileSync(process.execPath, [probe, scenario, String(trials), ...set], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})) as ReturnType<typeof dashboardProbe>;
}
