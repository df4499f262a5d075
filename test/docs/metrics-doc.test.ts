// README's table of the sweep's metric columns is generated from the observables they pick
// (src/sim/observables.ts): the test fails when README differs from it (regenerate with
// `npm run docs`), or when an observable is declared without its documentation.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {blockText, withBlock} from '../../src/fmt/generated-block.js';
import {DAILY_OBSERVABLES, RUN_OBSERVABLES, TYPE_DOCS} from '../../src/sim/observables.js';
import {METRICS} from '../../src/sweep/metrics.js';
import {METRICS_BLOCK, metricsMarkdown} from '../../src/text/metrics-doc.js';

const ROOT = new URL('../..', import.meta.url);
const readme = (): string => readFileSync(new URL('README.md', ROOT), 'utf8');

describe("README's sweep metric columns", () => {
  it('are the table generated from src/sim/observables.ts', () => {
    const shown = blockText(readme(), METRICS_BLOCK);
    expect(shown, `README.md has no "${METRICS_BLOCK.start}" block`).not.toBeNull();
    expect(shown).toBe(`\n${metricsMarkdown()}`);
  });

  it('sit in the sweep section, and say every metric column in column order with its type, unit and meaning', () => {
    const text = readme();
    const sweeps = text.indexOf('### Sweeps:');
    expect(text.indexOf(METRICS_BLOCK.start)).toBeGreaterThan(sweeps);
    expect(text.indexOf(METRICS_BLOCK.start)).toBeLessThan(text.indexOf('\n### ', sweeps + 1));
    const rows = metricsMarkdown().trimEnd().split('\n').slice(2);
    expect(rows.map((r) => /^\| `(\w+)` \|/.exec(r)?.[1])).toEqual([...METRICS]);
    for (const row of rows) {
      const cells = row.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, '').trim());
      expect(cells, row).toHaveLength(4);
      for (const c of cells) expect(c, row).not.toBe('');
    }
  });

  it('npm run docs -- --check fails on a README out of date, and npm run docs puts the table back', () => {
    const docs = (...args: string[]): void => void execFileSync(process.execPath, [new URL('dist/cli/scripts/docs.js', ROOT).pathname, ...args], {stdio: 'pipe'});
    expect(() => docs('--check')).not.toThrow();
    const copy = join(mkdtempSync(join(tmpdir(), 'parley-docs-')), 'README.md');
    try {
      writeFileSync(copy, withBlock(readme(), METRICS_BLOCK, '| column | value | unit | what it is |\n')!);
      expect(() => docs('--check', '--readme', copy)).toThrow(/differ from src\/sim\/observables\.ts/);
      docs('--readme', copy);
      expect(readFileSync(copy, 'utf8')).toBe(readme());
    } finally {
      rmSync(dirname(copy), {recursive: true, force: true});
    }
  });
});

describe('every observable', () => {
  const all = [...Object.entries(RUN_OBSERVABLES), ...Object.entries(DAILY_OBSERVABLES)];

  it('documents its type, unit and meaning', () => {
    for (const [name, o] of all) {
      expect(Object.keys(TYPE_DOCS), name).toContain(o.type);
      expect(o.unit.trim(), `${name}: unit`).not.toBe('');
      // A sentence that says something: more than the name spelled out.
      expect(o.doc.trim().split(/\s+/).length, `${name}: doc "${o.doc}"`).toBeGreaterThanOrEqual(2);
    }
  });

  it('is read by a function, and printed, if at all, by one', () => {
    for (const [name, o] of all) {
      expect(typeof o.read, name).toBe('function');
      if ('print' in o) expect(typeof o.print, name).toBe('function');
    }
  });
});
