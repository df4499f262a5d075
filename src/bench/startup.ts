// `npm run bench:startup [-- --json]`: only the start-up part of the bench (startup-bench.ts).
import {parseArgs} from 'node:util';
import {processIo as io} from '../cli/io.js';
import {startupBench, startupLines} from './startup-bench.js';

const {values} = parseArgs({options: {processes: {type: 'string', default: '20'}, json: {type: 'boolean', default: false}}});
const startup = startupBench(Math.max(1, Number(values.processes)));
io.stdout(values.json ? `${JSON.stringify(startup, null, 2)}\n` : `${['parley start-up', ...startupLines(startup)].join('\n')}\n`);
