// `node dist/bench/sensitivity.js [--trials N] [--json]` (after `npm run build`): only the
// sensitivity part of the bench (sensitivity-bench.ts).
import {processIo as io} from '../cli/io.js';
import {scriptArgs, scriptCount} from '../cli/scripts/script-args.js';
import {SENSITIVITY_GOALS, sensitivityBench, sensitivityLines} from './sensitivity-bench.js';

const SCRIPT = 'node dist/bench/sensitivity.js';
const values = scriptArgs(SCRIPT, {trials: {type: 'string'}, json: {type: 'boolean', default: false}});
const trials = values && scriptCount(SCRIPT, 'trials', values.trials, 3);
if (values && trials) {
  const s = sensitivityBench(trials);
  io.stdout(values.json ? `${JSON.stringify({...s, goals: SENSITIVITY_GOALS}, null, 2)}\n` : `${['parley sensitivity bench', ...sensitivityLines(s)].join('\n')}\n`);
}
