// `npm run bench:startup [-- --json]`: only the start-up part of the bench (startup-bench.ts).
import {processIo as io} from '../cli/io.js';
import {scriptArgs, scriptCount} from '../cli/scripts/script-args.js';
import {startupBench, startupLines} from './startup-bench.js';

const SCRIPT = 'npm run bench:startup';
const values = scriptArgs(SCRIPT, {processes: {type: 'string'}, json: {type: 'boolean', default: false}});
const processes = values && scriptCount(SCRIPT, 'processes', values.processes, 20);
if (values && processes) {
  const startup = startupBench(processes);
  io.stdout(values.json ? `${JSON.stringify(startup, null, 2)}\n` : `${['parley start-up', ...startupLines(startup)].join('\n')}\n`);
}
