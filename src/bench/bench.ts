// `npm run bench`: the engine's speed goals, measured as medians over repeated trials.
//   - rounds per second for 200-day runs without stall risk (goal: >= 1,000,000 on one core);
//   - the time of one 200-day run;
//   - the time of one stall-risk estimate with N = 1,000 rollouts over H = 14 rounds (goal: < 10 ms),
//     from day 60 of a run (a stalled day: every rollout runs all 14 rounds, the costly case) and
//     as the median over every tenth day of a whole run.
// Runs use the bundled afghanistan-2020 scenario (the heaviest bundled one) over many seeds.
import {parseArgs} from 'node:util';
import {loadScenario} from '../scenario/resolve.js';
import {StallRiskEstimator} from '../sim/risk.js';
import {runHeadless} from '../sim/run.js';
import {createState} from '../sim/state.js';
import {createStepper, step} from '../sim/step.js';
import {median, throughput, timeEach} from './stats.js';

const {values} = parseArgs({
  options: {
    scenario: {type: 'string', default: 'afghanistan-2020'},
    trials: {type: 'string', default: '7'},
    json: {type: 'boolean', default: false},
  },
});
const trials = Math.max(1, Number(values.trials));
const {config} = loadScenario(values.scenario!, {days: 200});

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

const result = {
  scenario: config.name,
  node: process.version,
  trials,
  roundsPerSecond: Math.round(median(roundsPerSecond)),
  msPer200DayRun: Number(median(msPerRun).toFixed(4)),
  stallRiskMs: Number(riskMs.toFixed(3)),
  stallRiskMedianOverRunMs: Number(median(perDay).toFixed(3)),
  goals: {roundsPerSecond: 1_000_000, stallRiskMs: 10},
};

if (values.json) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  const ok = (b: boolean): string => (b ? 'meets goal' : 'BELOW GOAL');
  const lines = [
    `parley bench — ${result.scenario}, ${result.node}, medians of ${trials} trials`,
    `  engine, 200-day runs, no stall risk   ${result.roundsPerSecond.toLocaleString('en-US')} rounds/s   (goal >= 1,000,000: ${ok(result.roundsPerSecond >= 1_000_000)})`,
    `  one 200-day run                       ${result.msPer200DayRun.toFixed(3)} ms`,
    `  stall risk, N=1000, H=14, day 60      ${result.stallRiskMs.toFixed(2)} ms   (goal < 10 ms: ${ok(result.stallRiskMs < 10)})`,
    `  stall risk, median over a run's days  ${result.stallRiskMedianOverRunMs.toFixed(2)} ms`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
