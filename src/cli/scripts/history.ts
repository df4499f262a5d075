// `npm run history [-- --runs N] [-- --json]`: the afghanistan-2020 scenario over many seeds
// against the dated 2020 timeline (src/analysis/history-check.ts computes it).
import {parseArgs} from 'node:util';
import {historyCheck, historyCheckText} from '../../analysis/history-check.js';
import {processIo} from '../io.js';

const {values} = parseArgs({options: {runs: {type: 'string', default: '200'}, json: {type: 'boolean', default: false}}});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  processIo.stderr('--runs must be a positive whole number\n');
  process.exitCode = 2;
} else {
  const check = historyCheck(runs);
  processIo.stdout(values.json ? `${JSON.stringify(check, null, 2)}\n` : historyCheckText(check));
}
