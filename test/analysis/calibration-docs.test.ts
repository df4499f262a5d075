// docs/calibration.md shows what `npm run calibrate` prints: the test reruns the built command and
// compares (if it fails, regenerate with `npm run build && npm run calibrate -- --write`).
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {BLOCK_END, BLOCK_START} from '../../src/analysis/calibrate-report.js';

const ROOT = new URL('../..', import.meta.url);

describe('docs/calibration.md', () => {
  it('shows what npm run calibrate prints', () => {
    const doc = readFileSync(new URL('docs/calibration.md', ROOT), 'utf8');
    const from = doc.indexOf(BLOCK_START);
    const to = doc.indexOf(BLOCK_END);
    expect(from).toBeGreaterThan(0);
    expect(to).toBeGreaterThan(from);
    const shown = doc.slice(from + BLOCK_START.length, to).trim();
    const actual = execFileSync(process.execPath, [new URL('dist/cli/scripts/calibrate.js', ROOT).pathname], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']});
    expect(actual.trim()).toBe(shown);
  });
});
