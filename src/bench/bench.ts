// `npm run bench`: the engine's speed goals, measured as medians over repeated trials.
//   - rounds per second for 200-day runs without stall risk (goal: >= 3,000,000 on one core);
//   - the time of one 200-day run;
//   - the time of one stall-risk estimate with N = 1,000 rollouts over H = 14 rounds (goal: < 10 ms),
//     from day 60 of a run (a stalled day: every rollout runs all 14 rounds, the costly case) and
//     as the median over every tenth day of a whole run;
//   - a full run with the dashboard rendering at top speed against the same run headless
//     (goal: within 10%);
//   - sweeps (sweep-bench.ts): runs per second of a 100,000-run sweep on 1 and on 2 worker
//     threads (goal: 2 at least 1.8 times faster) and its peak memory streamed to disk (goal:
//     under 200 MB); a 20,000-run sweep and a 100,000-point hypercube beside them;
//   - sensitivity analysis (sensitivity-bench.ts): runs per second of a Morris and of a Sobol
//     design over the bundled spec's 39 parameters (about 50,000 runs each) on 1 and 2 workers
//     (goal: 2 at least 1.8 times faster), analyse() over about 100,000 runs, and the wall time
//     of `parley sensitivity afghanistan-2020-all` with Morris and with Sobol (`node
//     dist/bench/sensitivity.js` measures only this, after `npm run build`);
//   - start-up (startup-bench.ts): `parley run baseline --json --no-stall-risk` and
//     `parley --version` against `node -e 0`, medians over 20 processes each (goals: within 4x
//     and 2x). `npm run bench:startup` measures only this.
// Runs use the bundled afghanistan-2020 scenario (the heaviest bundled one) over many seeds.
import {InputError} from '../scenario/errors.js';
import {loadScenario} from '../scenario/resolve.js';
import {processIo as io} from '../cli/io.js';
import {scriptArgs, scriptCount} from '../cli/scripts/script-args.js';
import type {BenchArgs} from './bench-run.js';

const SCRIPT = 'npm run bench';

/** The bench's options, or null after a usage error (its message printed, exit code 2). */
function benchArgs(): BenchArgs | null {
  const values = scriptArgs(SCRIPT, {
    scenario: {type: 'string', default: 'afghanistan-2020'},
    trials: {type: 'string'},
    json: {type: 'boolean', default: false},
  });
  if (values === null) return null;
  const trials = scriptCount(SCRIPT, 'trials', values.trials, 7);
  if (trials === null) return null;
  try {
    return {config: loadScenario(values.scenario!, {days: 200}).config, trials, json: values.json!};
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.stderr(`${SCRIPT}: --scenario ${e.message}\n`);
    process.exitCode = 2;
    return null;
  }
}

const args = benchArgs();
if (args !== null) await (await import('./bench-run.js')).runBench(args);
