// Interrupted sweeps, through the built CLI: killed with SIGKILL or stopped with Ctrl-C, the
// output holds whole rows in run order, and --resume finishes it with every run exactly once,
// byte for byte what an uninterrupted sweep writes.
import type {ChildProcess} from 'node:child_process';
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {parse} from 'csv-parse/sync';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {parley, removeTempDirs, tempDir} from '../helpers/cli.js';
import {lineCount, LONG_SPEC, writeSpec} from './sweep-helpers.js';

afterAll(removeTempDirs);

const RUNS = 8000;
let dir: string;
let spec: string;
let reference: string;
beforeAll(async () => {
  dir = tempDir();
  spec = writeSpec(dir, 'long.yaml', LONG_SPEC);
  const r = await parley(['sweep', spec, '--out', join(dir, 'reference.csv'), '--workers', '2', '--quiet']);
  expect(r.code).toBe(0);
  reference = readFileSync(join(dir, 'reference.csv'), 'utf8');
});

/** Sends `signal` once the output holds a few rows (polling the file, however slow the machine). */
function signalOnceWritten(file: string, signal: NodeJS.Signals): (child: ChildProcess) => void {
  return (child) => {
    const timer = setInterval(() => {
      let lines: number;
      try {
        lines = lineCount(file);
      } catch {
        return; // not created yet
      }
      if (lines >= 3) {
        clearInterval(timer);
        child.kill(signal);
      }
    }, 20);
    child.on('exit', () => clearInterval(timer));
  };
}

/** Every run id once, in order. */
function runIds(text: string): number[] {
  return (parse(text, {columns: true}) as {run: string}[]).map((r) => Number(r.run));
}

describe('SIGKILL, then --resume', () => {
  it('finishes with every run exactly once, equal to an uninterrupted sweep', async () => {
    const out = join(dir, 'killed.csv');
    const killed = await parley(['sweep', spec, '--out', out, '--workers', '1'], {started: signalOnceWritten(out, 'SIGKILL')});
    expect(killed.signal).toBe('SIGKILL');
    const partial = readFileSync(out, 'utf8');
    // Killed part-way: some rows, not all, and what is there is the start of the result.
    expect(lineCount(out)).toBeGreaterThan(2);
    expect(lineCount(out)).toBeLessThan(RUNS + 1);
    expect(reference.startsWith(partial.slice(0, partial.lastIndexOf('\n') + 1))).toBe(true);

    const resumed = await parley(['sweep', spec, '--out', out, '--resume', '--workers', '2']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/resuming .*killed\.csv: [\d,]+ of 8,000 runs already done/);
    const text = readFileSync(out, 'utf8');
    expect(runIds(text)).toEqual(Array.from({length: RUNS}, (_, i) => i));
    expect(text).toBe(reference);
    expect(readFileSync(join(dir, 'killed.summary.csv'), 'utf8')).toBe(readFileSync(join(dir, 'reference.summary.csv'), 'utf8'));
  });

  it('drops a last line torn mid-write and finishes the same', async () => {
    const out = join(dir, 'torn.csv');
    const cut = reference.indexOf('\n', 50_000) + 25;
    writeFileSync(out, reference.slice(0, cut));
    const r = await parley(['sweep', spec, '--out', out, '--resume', '--workers', '2']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/dropping the incomplete last line of .*torn\.csv \(24 bytes, cut off mid-write\)/);
    expect(readFileSync(out, 'utf8')).toBe(reference);
  });
});

describe('Ctrl-C', () => {
  it('stops with exit 130, keeps the rows written and prints the command that resumes', async () => {
    const out = join(dir, 'stopped.csv');
    const r = await parley(['sweep', spec, '--out', out, '--workers', '1'], {started: signalOnceWritten(out, 'SIGINT')});
    expect(r.code).toBe(130);
    const m = /parley: interrupted after ([\d,]+) of 8,000 runs; resume with: (parley sweep .* --resume)\n$/.exec(r.stderr);
    expect(m, r.stderr).not.toBeNull();
    const done = Number(m![1]!.replace(/,/g, ''));
    const text = readFileSync(out, 'utf8');
    // Whole rows only, the first `done` runs of the result.
    expect(text.endsWith('\n')).toBe(true);
    expect(runIds(text)).toEqual(Array.from({length: done}, (_, i) => i));
    expect(reference.startsWith(text)).toBe(true);
    expect(done).toBeLessThan(RUNS);
    // The summary, written as points finish, is dropped: no summary file, no temp file beside it.
    expect(readdirSync(dir).filter((f) => f.includes('stopped'))).toEqual(['stopped.csv']);

    // The command printed does resume it, and the summary covers the runs of both parts.
    expect(m![2]).toBe(`parley sweep ${spec} --out ${out} --resume`);
    const resumed = await parley(['sweep', spec, '--out', out, '--resume', '--quiet']);
    expect(resumed.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(reference);
    expect(readFileSync(join(dir, 'stopped.summary.csv'), 'utf8')).toBe(readFileSync(join(dir, 'reference.summary.csv'), 'utf8'));
  });

  it('SIGTERM (a batch system\'s time limit) stops the same way, with exit 143', async () => {
    const out = join(dir, 'terminated.csv');
    const r = await parley(['sweep', spec, '--out', out, '--workers', '1'], {started: signalOnceWritten(out, 'SIGTERM')});
    expect(r.code).toBe(143);
    expect(r.stderr).toMatch(/parley: terminated \(SIGTERM\) after [\d,]+ of 8,000 runs; resume with: parley sweep .* --resume\n$/);
    const text = readFileSync(out, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(reference.startsWith(text)).toBe(true);
  });
  it('SIGHUP (the terminal closed) stops the same way, with exit 129', async () => {
    const out = join(dir, 'hungup.csv');
    const r = await parley(['sweep', spec, '--out', out, '--workers', '1'], {started: signalOnceWritten(out, 'SIGHUP')});
    expect(r.code).toBe(129);
    expect(r.stderr).toMatch(/parley: hung up \(SIGHUP: the terminal closed\) after [\d,]+ of 8,000 runs; resume with: parley sweep .* --resume\n$/);
    const text = readFileSync(out, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(reference.startsWith(text)).toBe(true);
  });
});
