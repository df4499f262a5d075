// Numbers in the docs come from commands: these tests rerun them and compare, so the docs
// cannot drift from what parley prints (regenerate the blocks from the commands if they fail).
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {USAGES} from '../../src/cli/usage/index.js';

const ROOT = new URL('../..', import.meta.url);
const read = (file: string): string => readFileSync(new URL(file, ROOT), 'utf8');
const cli = (...args: string[]): string =>
  execFileSync(process.execPath, [new URL('dist/bundle/bin.js', ROOT).pathname, ...args], {encoding: 'utf8', env: {...process.env, CI: 'true'}});

/** The lines of the fenced block that starts with `$ <command>`. */
function block(text: string, command: string): string[] {
  const start = text.indexOf(`$ ${command}\n`);
  if (start < 0) throw new Error(`no example of "${command}"`);
  const body = text.slice(start + command.length + 3);
  return body.slice(0, body.indexOf('```')).replace(/\n$/, '').split('\n');
}

describe('docs show what the commands print', () => {
  it('README: parley run baseline', () => {
    const shown = block(read('README.md'), 'parley run baseline | cat').filter((l) => l.trim() !== '…');
    const actual = cli('run', 'baseline').split('\n');
    expect(shown.length).toBeGreaterThan(8);
    expect(actual.slice(0, shown.length)).toEqual(shown);
  });

  it('README: parley calibrate', () => {
    const shown = block(read('README.md'), 'parley calibrate afghanistan-2020@2020-06-30 --out cal --quiet');
    const dir = mkdtempSync(join(tmpdir(), 'parley-calibrate-doc-'));
    try {
      const actual = cli('calibrate', 'afghanistan-2020@2020-06-30', '--out', join(dir, 'cal'), '--quiet').replace(/\n$/, '').split('\n');
      const cut = shown.indexOf('…');
      expect(cut).toBeGreaterThan(10);
      expect(actual.slice(0, cut)).toEqual(shown.slice(0, cut));
      expect(actual.slice(-(shown.length - cut - 1))).toEqual(shown.slice(cut + 1));
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });

  it('README: parley replay', () => {
    const shown = block(read('README.md'), "parley replay | grep -A1 '^2020-04-07'");
    const lines = cli('replay').split('\n');
    const at = lines.findIndex((l) => l.startsWith('2020-04-07'));
    expect(lines.slice(at, at + 2)).toEqual(shown);
  });

  it('README: counterfactual forks', () => {
    const freed = 'events.+={type: release, date: 2020-04-07, side: government, count: 15}';
    const readme = read('README.md');
    const fork = ['run', 'afghanistan-2020', '--from', '2020-04-07'];
    expect(cli(...fork).split('\n').slice(0, 4)).toEqual(block(readme, 'parley run afghanistan-2020 --from 2020-04-07 | head -4'));
    const whatIf = cli(...fork, '--set', freed).split('\n');
    expect(whatIf.slice(0, 4)).toEqual(block(readme, `parley run afghanistan-2020 --from 2020-04-07 --set '${freed}' | head -4`));
    const at = whatIf.findIndex((l) => l.startsWith('Record'));
    expect(whatIf.slice(at, at + 3)).toEqual(block(readme, `parley run afghanistan-2020 --from 2020-04-07 --set '${freed}' | grep -A2 '^Record'`));
  });

  it('README: a sweep summarized with a heatmap', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-docs-'));
    const runs = join(dir, 'runs.csv');
    cli('sweep', 'pace-and-patience', '--out', runs, '--quiet');
    const command = 'parley summarize runs.csv --heatmap batchSize,patienceDays,shareComplete';
    const readme = read('README.md');
    const tail = `$ ${command} | tail -`;
    const n = Number(/^\d+/.exec(readme.slice(readme.indexOf(tail) + tail.length))![0]);
    const shown = block(readme, `${command} | tail -${n}`);
    const actual = cli('summarize', runs, '--heatmap', 'batchSize,patienceDays,shareComplete').replace(/\n$/, '').split('\n');
    expect(actual.slice(-n)).toEqual(shown);
    rmSync(dir, {recursive: true, force: true});
  });

  it('docs/afghanistan-2020.md: npm run history', () => {
    const doc = read('docs/afghanistan-2020.md');
    const start = doc.indexOf('```\nafghanistan-2020 over ');
    const shown = doc.slice(start + 4, doc.indexOf('```', start + 4)).replace(/\n$/, '');
    const actual = execFileSync(process.execPath, [new URL('dist/cli/scripts/history.js', ROOT).pathname], {encoding: 'utf8'}).replace(/\n$/, '');
    expect(actual).toBe(shown);
  });
});

/** The README section under the heading that starts with `### <start>`, heading included. */
function section(text: string, start: string): string {
  const at = text.indexOf(`\n### ${start}`);
  if (at < 0) throw new Error(`no README section "### ${start}"`);
  const end = text.indexOf('\n### ', at + 1);
  return text.slice(at, end < 0 ? undefined : end);
}

describe('README documents every option of every command', () => {
  const sections: Record<string, string> = {
    run: '`parley run',
    replay: '`parley replay',
    sweep: 'Sweeps:',
    merge: 'Sweeps:',
    summarize: 'Sweeps:',
    list: '`parley list',
    validate: '`parley validate',
    schema: '`parley schema',
    sensitivity: 'Sensitivity analysis:',
    calibrate: 'Calibration:',
  };
  it.each(Object.keys(USAGES))('%s', (command) => {
    const text = section(read('README.md'), sections[command]!);
    const missing = Object.keys(USAGES[command]!.options).filter((name) => !text.includes(`--${name}`));
    expect(missing).toEqual([]);
  });
});
