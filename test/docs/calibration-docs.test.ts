// docs/calibration.md's results are what `npm run calibrate` prints: the three rolling-origin
// calibrations rerun through the CLI (about half a minute), their block compared line by line.
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {blockText} from '../../src/fmt/generated-block.js';
import {BLOCK_END, BLOCK_START} from '../../src/text/calibration-markdown.js';

const ROOT = new URL('../..', import.meta.url);

describe('docs/calibration.md', () => {
  it('holds what npm run calibrate prints (regenerate: npm run calibrate -- --write)', () => {
    const printed = execFileSync(process.execPath, [new URL('dist/cli/scripts/calibrate.js', ROOT).pathname], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']});
    const doc = blockText(readFileSync(new URL('docs/calibration.md', ROOT), 'utf8'), {start: BLOCK_START, end: BLOCK_END});
    expect(doc).not.toBeNull();
    expect(doc!.split('\n')).toEqual(`\n${printed}`.split('\n'));
  }, 240_000);
});
