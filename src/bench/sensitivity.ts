// `node dist/bench/sensitivity.js [--trials N] [--json]` (after `npm run build`): only the
// sensitivity part of the bench (sensitivity-bench.ts).
import {parseArgs} from 'node:util';
import {processIo as io} from '../cli/io.js';
import {SENSITIVITY_GOALS, sensitivityBench, sensitivityLines} from './sensitivity-bench.js';

const {values} = parseArgs({options: {trials: {type: 'string', default: '3'}, json: {type: 'boolean', default: false}}});
const s = sensitivityBench(Math.max(1, Number(values.trials)));
io.stdout(values.json ? `${JSON.stringify({...s, goals: SENSITIVITY_GOALS}, null, 2)}\n` : `${['parley sensitivity bench', ...sensitivityLines(s)].join('\n')}\n`);
