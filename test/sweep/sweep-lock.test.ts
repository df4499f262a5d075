// One writer at a time on a results file: a sweep (or a merge) holds a lock on its --out for its
// whole life, a second writer is refused at once naming the process that holds it, the lock goes
// on every way out, and one left by a process killed with SIGKILL does not block --resume.
import type {ChildProcess} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {hostname} from 'node:os';
import {join} from 'node:path';
import {parse} from 'csv-parse/sync';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {BIN, parley, removeTempDirs, sh, tempDir, type CliResult} from '../helpers/cli.js';
import {expectedOutput, lineCount, LONG_SPEC, planOf, SMALL_SPEC, writeSpec} from './sweep-helpers.js';

afterAll(removeTempDirs);

let dir: string;
let long: string;
let small: string;
beforeAll(() => {
  dir = tempDir();
  long = writeSpec(dir, 'long.yaml', LONG_SPEC);
  small = writeSpec(dir, 'small.yaml', SMALL_SPEC);
});

/** Calls `then` with the child once `file` holds a few rows (polling, however slow the machine). */
function onceWritten(file: string, then: (child: ChildProcess) => void): (child: ChildProcess) => void {
  return (child) => {
    const timer = setInterval(() => {
      if (existsSync(file) && lineCount(file) >= 3) {
        clearInterval(timer);
        then(child);
      }
    }, 20);
    child.on('exit', () => clearInterval(timer));
  };
}

const runIds = (file: string): number[] => (parse(readFileSync(file, 'utf8'), {columns: true}) as {run: string}[]).map((r) => Number(r.run));
const allRuns = (n: number): number[] => Array.from({length: n}, (_, i) => i);

describe('a sweep locks its --out', () => {
  it('a second sweep on the same file is refused at once with exit 2, naming the file and the holder; the first finishes alone', async () => {
    const out = join(dir, 'cc.csv');
    let second: Promise<CliResult> | null = null;
    let holder = 0;
    const first = await parley(['sweep', long, '--out', out, '--workers', '1', '--quiet'], {
      started: onceWritten(out, (child) => {
        holder = child.pid!;
        second = parley(['sweep', long, '--out', out, '--resume']);
      }),
    });
    const refused = await second!;
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `parley: ${out} is being written by parley process ${holder} on this machine, since ${/since (\S+) \(/.exec(refused.stderr)?.[1]} (its lock: ${out}.lock): one writer at a time, or their rows would mix; wait for it to finish, or stop it\n`,
    );
    expect(first.code, first.stderr).toBe(0);
    expect(runIds(out)).toEqual(allRuns(8000));
    expect(existsSync(`${out}.lock`)).toBe(false);
  });

  it('`sweep --out cc.csv & sleep 0.15; sweep --out cc.csv --resume`: one of the two is refused, and every run is in the file once', async () => {
    const out = join(dir, 'race.csv');
    const sweep = (extra: string): string => `"${process.execPath}" "${BIN}" sweep "${long}" --out "${out}" --workers 1 --quiet ${extra}`;
    const r = await sh('sh', ['-c', `${sweep('')} 2>first.err & sleep 0.15; ${sweep('--resume')} 2>second.err; echo "second=$?"; wait $!; echo "first=$?"`], {cwd: dir});
    const codes = Object.fromEntries([...r.stdout.matchAll(/(first|second)=(\d+)/g)].map((m) => [m[1], Number(m[2])]));
    expect([codes.first, codes.second].sort(), JSON.stringify(codes)).toEqual([0, 2]);
    const refused = readFileSync(join(dir, codes.first === 2 ? 'first.err' : 'second.err'), 'utf8');
    expect(refused).toMatch(new RegExp(`^parley: ${out} is being written by parley process \\d+ on this machine`));
    expect(runIds(out)).toEqual(allRuns(8000));
  });

  it('a lock left by a SIGKILL does not block --resume, which finishes the file', async () => {
    const out = join(dir, 'killed.csv');
    const killed = await parley(['sweep', long, '--out', out, '--workers', '1'], {started: onceWritten(out, (child) => child.kill('SIGKILL'))});
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(`${out}.lock`)).toBe(true);
    const resumed = await parley(['sweep', long, '--out', out, '--resume', '--workers', '2', '--quiet']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(runIds(out)).toEqual(allRuns(8000));
    expect(existsSync(`${out}.lock`)).toBe(false);
  });

  it('the lock goes on every way out: success, bad input, SIGTERM, Ctrl-C, and a second Ctrl-C', async () => {
    const ok = join(dir, 'ok.csv');
    expect((await parley(['sweep', small, '--out', ok, '--quiet'])).code).toBe(0);
    const bad = join(dir, 'bad.csv');
    const badSpec = writeSpec(dir, 'bad.yaml', SMALL_SPEC.replace('replicates: 25', 'replicates: -1'));
    expect((await parley(['sweep', badSpec, '--out', bad])).code).toBe(2);
    const stopped = await Promise.all(
      (['SIGTERM', 'SIGINT'] as const).map((signal) => {
        const out = join(dir, `${signal}.csv`);
        return parley(['sweep', long, '--out', out, '--workers', '1'], {started: onceWritten(out, (child) => child.kill(signal))});
      }),
    );
    expect(stopped.map((r) => r.code)).toEqual([143, 130]);
    const twice = join(dir, 'twice.csv');
    const r = await parley(['sweep', long, '--out', twice, '--workers', '1'], {started: onceWritten(twice, (child) => (child.kill('SIGINT'), child.kill('SIGINT')))});
    expect(r.code).toBe(130);
    for (const out of [ok, bad, join(dir, 'SIGTERM.csv'), join(dir, 'SIGINT.csv'), twice]) expect(existsSync(`${out}.lock`), out).toBe(false);
  });

  it('a sweep whose lock is taken away stops with exit 1, keeping its rows, and says how to resume', async () => {
    const out = join(dir, 'lost.csv');
    const longer = writeSpec(dir, 'longer.yaml', LONG_SPEC.replace('replicates: 2000', 'replicates: 20000'));
    const r = await parley(['sweep', longer, '--out', out, '--workers', '1'], {
      started: onceWritten(out, () => void sh('rm', ['-r', `${out}.lock`])),
    });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`parley: stopped after [\\d,]+ of 80,000 runs: ${out}: its lock ${out}.lock was removed or taken over .*; check that no other parley writes it, then resume with: parley sweep .* --resume\\n$`));
    expect(runIds(out).length).toBeGreaterThan(0);
  });
});

describe('merge locks its --out', () => {
  const fakeLock = (out: string, pid: number): void => {
    mkdirSync(`${out}.lock`);
    writeFileSync(join(`${out}.lock`, 'owner.json'), JSON.stringify({pid, host: hostname(), since: '2026-01-01T00:00:00.000Z'}));
  };

  it('refuses an --out another live process holds, and takes over the lock of one that has died', async () => {
    const rows = join(dir, 'rows.csv');
    writeFileSync(rows, expectedOutput(planOf(small), 'csv'));
    const held = join(dir, 'held.csv');
    fakeLock(held, process.pid); // this test's process: alive
    const refused = await parley(['merge', rows, '--out', held]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `parley: ${held} is being written by parley process ${process.pid} on this machine, since 2026-01-01T00:00:00.000Z (its lock: ${held}.lock): one writer at a time, or their rows would mix; wait for it to finish, or stop it\n`,
    );
    expect(existsSync(held)).toBe(false);

    const dead = await sh(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const stale = join(dir, 'stale.csv');
    fakeLock(stale, Number(dead.stdout));
    const merged = await parley(['merge', rows, '--out', stale, '--quiet']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(readFileSync(stale, 'utf8')).toBe(readFileSync(rows, 'utf8'));
    expect(existsSync(`${stale}.lock`)).toBe(false);
  });
});
