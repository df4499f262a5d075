// `npm run docs`: rewrites README's generated blocks from the code (today the table of the
// sweep's metric columns, from src/sim/observables.ts). `--check` changes nothing and exits 1
// when README is out of date, naming the block. `--readme FILE` works on another copy (the tests).
import {readFileSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {blockText, withBlock} from '../../fmt/generated-block.js';
import {METRICS_BLOCK, metricsMarkdown} from '../../text/metrics-doc.js';
import {processIo as io} from '../io.js';
import {scriptArgs} from './script-args.js';

const values = scriptArgs('npm run docs', {check: {type: 'boolean', default: false}, readme: {type: 'string'}});
if (values !== null) {
  const README = values.readme ?? fileURLToPath(new URL('../../../README.md', import.meta.url));
  const doc = readFileSync(README, 'utf8');
  const body = metricsMarkdown();
  const next = withBlock(doc, METRICS_BLOCK, body);
  if (next === null) {
    io.stderr(`${README}: no "${METRICS_BLOCK.start}" … "${METRICS_BLOCK.end}" block to replace\n`);
    process.exitCode = 1;
  } else if (values.check) {
    const current = blockText(doc, METRICS_BLOCK) === `\n${body}`;
    io.stderr(current ? `${README}: up to date\n` : `${README}: the sweep metric columns differ from src/sim/observables.ts: run npm run docs\n`);
    if (!current) process.exitCode = 1;
  } else if (next !== doc) {
    writeFileSync(README, next);
    io.stderr(`wrote ${README}\n`);
  }
}
