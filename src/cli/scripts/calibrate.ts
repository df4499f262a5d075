// `npm run calibrate`: fits the afghanistan-2020 release-pace parameters to the 2020 record up
// to 30 June and scores July-September beside naive baselines (src/analysis/calibrate*.ts).
// Prints the markdown block of docs/calibration.md (`--write` puts it there), or the whole
// result with `--json`.
import {readFileSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {calibrate2020} from '../../analysis/calibrate-2020.js';
import {BLOCK_END, BLOCK_START, calibrationMarkdown} from '../../analysis/calibrate-report.js';
import {withBlock} from '../../fmt/generated-block.js';
import {processIo as io} from '../io.js';
import {scriptArgs} from './script-args.js';

const DOC = fileURLToPath(new URL('../../../docs/calibration.md', import.meta.url));

function calibrate(): number {
  const values = scriptArgs('npm run calibrate', {json: {type: 'boolean', default: false}, write: {type: 'boolean', default: false}});
  if (values === null) return 2;
  const began = performance.now();
  const result = calibrate2020();
  const seconds = ((performance.now() - began) / 1000).toFixed(1);
  if (values.json) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  } else if (values.write) {
    const doc = withBlock(readFileSync(DOC, 'utf8'), {start: BLOCK_START, end: BLOCK_END}, calibrationMarkdown(result));
    if (doc === null) {
      io.stderr(`${DOC}: no "${BLOCK_START}" … "${BLOCK_END}" block to replace\n`);
      return 1;
    }
    writeFileSync(DOC, doc);
    io.stderr(`wrote ${DOC}\n`);
  } else {
    io.stdout(calibrationMarkdown(result));
  }
  // The time goes to stderr: it varies, the results do not.
  io.stderr(`calibrate: ${seconds} s\n`);
  return 0;
}

process.exitCode = calibrate();
