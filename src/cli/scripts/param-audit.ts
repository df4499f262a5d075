// `npm run audit:params [-- --seeds N] [-- --json]`: which policy parameters move an outcome in
// which bundled scenario (src/analysis/param-audit.ts computes it).
import {parseArgs} from 'node:util';
import {paramAudit, paramAuditText} from '../../analysis/param-audit.js';
import {processIo} from '../io.js';

const {values} = parseArgs({options: {seeds: {type: 'string', default: '20'}, json: {type: 'boolean', default: false}}});
const seeds = Number(values.seeds);
if (!Number.isInteger(seeds) || seeds < 1) {
  processIo.stderr('--seeds must be a positive whole number\n');
  process.exitCode = 2;
} else {
  const verdicts = paramAudit(seeds);
  processIo.stdout(values.json ? `${JSON.stringify(verdicts, null, 2)}\n` : paramAuditText(verdicts, seeds));
}
