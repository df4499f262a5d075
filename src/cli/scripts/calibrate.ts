// `npm run calibrate`: runs `parley calibrate` on every bundled calibration spec (the rolling
// origins of afghanistan-2020, scenarios/calibration/) and prints the markdown block of
// docs/calibration.md (`--write` puts it there), or the reports as JSON with `--json`. Each
// calibration runs in a folder of its own under `--keep DIR` (default: a temporary folder,
// removed after), through the real CLI, so the page shows what a user's command prints.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {bundledCalibrationNames} from '../../calibration/plan.js';
import type {CalibrationReport} from '../../calibration/report.js';
import {BLOCK_END, BLOCK_START, calibrationMarkdown} from '../../text/calibration-markdown.js';
import {withBlock} from '../../fmt/generated-block.js';
import {processIo as io} from '../io.js';
import {scriptArgs} from './script-args.js';

const DOC = fileURLToPath(new URL('../../../docs/calibration.md', import.meta.url));
const BIN = fileURLToPath(new URL('../../bundle/bin.js', import.meta.url));

function calibrate(): number {
  const values = scriptArgs('npm run calibrate', {json: {type: 'boolean', default: false}, write: {type: 'boolean', default: false}, keep: {type: 'string'}});
  if (values === null) return 2;
  const began = performance.now();
  const root = values.keep ?? mkdtempSync(join(tmpdir(), 'parley-calibrate-'));
  const reports: CalibrationReport[] = [];
  try {
    for (const name of bundledCalibrationNames()) {
      const out = join(root, name);
      const text = execFileSync(process.execPath, [BIN, 'calibrate', name, '--out', out, '--json', '--quiet', '--force'], {encoding: 'utf8', maxBuffer: 64 * 2 ** 20, stdio: ['ignore', 'pipe', 'inherit']});
      reports.push(JSON.parse(text) as CalibrationReport);
    }
  } finally {
    if (values.keep === undefined) rmSync(root, {recursive: true, force: true});
  }
  if (values.json) {
    io.stdout(`${JSON.stringify(reports, null, 2)}\n`);
  } else if (values.write) {
    const doc = withBlock(readFileSync(DOC, 'utf8'), {start: BLOCK_START, end: BLOCK_END}, calibrationMarkdown(reports));
    if (doc === null) {
      io.stderr(`${DOC}: no "${BLOCK_START}" … "${BLOCK_END}" block to replace\n`);
      return 1;
    }
    writeFileSync(DOC, doc);
    io.stderr(`wrote ${DOC}\n`);
  } else {
    io.stdout(calibrationMarkdown(reports));
  }
  // The time goes to stderr: it varies, the results do not.
  io.stderr(`calibrate: ${((performance.now() - began) / 1000).toFixed(1)} s\n`);
  return 0;
}

process.exitCode = calibrate();
