// Progress on stderr: the terminal bar (fitted, redrawn at most 10 times a second), the plain
// lines (every 5 s), and the chunk sizes that make it move smoothly. A fake clock throughout.
import {describe, expect, it} from 'vitest';
import {barLine, createProgress, formatDuration, plainLine} from '../../src/text/sweep-progress.js';
import {chunkSize} from '../../src/host/run-sweep.js';

function recorder(tty: boolean, columns = 80) {
  let t = 1_000_000;
  const out: string[] = [];
  const p = createProgress({total: 10_000, done: 2_000, write: (s) => out.push(s), tty, columns, now: () => t});
  return {p, out, advance: (ms: number) => (t += ms)};
}

describe('formatDuration', () => {
  it('prints m:ss, and h:mm:ss from an hour', () => {
    expect([0, 9.6, 75, 3599, 3725, 86_400].map(formatDuration)).toEqual(['0:00', '0:10', '1:15', '59:59', '1:02:05', '24:00:00']);
  });
});

describe('the terminal bar', () => {
  it('shows runs done of total, the share, runs a second and time left', () => {
    const line = barLine({done: 1234, total: 10_000, perSecond: 850}, 80);
    expect(line).toBe(`[${'█'.repeat(3)}${'░'.repeat(27)}] 1,234/10,000 runs  12%  850 runs/s  0:10 left`);
    expect([...line].length).toBeLessThan(80);
  });

  it('fits narrow terminals, dropping the bar first', () => {
    for (const width of [20, 40, 50, 60, 200]) expect([...barLine({done: 5, total: 10_000, perSecond: 3.2}, width)].length, String(width)).toBeLessThan(width);
    expect(barLine({done: 5, total: 10_000, perSecond: null}, 40)).not.toContain('[');
    expect(barLine({done: 5, total: 10_000, perSecond: null}, 40)).toContain('– runs/s');
  });

  it('redraws in place at most every 100 ms, counting the pace from this session only', () => {
    const {p, out, advance} = recorder(true);
    p.update(2_000);
    expect(out).toHaveLength(1);
    expect(out[0]).toBe(`\r[${'█'.repeat(6)}${'░'.repeat(24)}] 2,000/10,000 runs  20%  – runs/s  – left\u001b[K`);
    advance(50);
    p.update(2_100);
    expect(out).toHaveLength(1);
    advance(950);
    p.update(3_000);
    // 1,000 runs this session in one second; the 2,000 resumed runs do not count.
    expect(out[1]?.endsWith('] 3,000/10,000 runs  30%  1,000 runs/s  0:07 left\u001b[K')).toBe(true);
    p.stop();
    expect(out[2]).toBe('\r\u001b[K');
  });
});

describe('plain progress', () => {
  it('prints a line every 5 s and nothing to clear', () => {
    const {p, out, advance} = recorder(false);
    p.update(2_000);
    advance(4_000);
    p.update(2_500);
    expect(out).toEqual([]);
    advance(1_000);
    p.update(3_000);
    expect(out).toEqual(['parley: 3,000 of 10,000 runs (30%), 200 runs/s, about 0:35 left\n']);
    p.stop();
    expect(out).toHaveLength(1);
    expect(plainLine({done: 0, total: 0, perSecond: null})).toBe('parley: 0 of 0 runs (100%), – runs/s, about – left\n');
  });
});

describe('chunkSize', () => {
  it('starts small, then aims at about 250 ms of work, between 1 and 500 runs', () => {
    expect(chunkSize(null, 100_000, 4)).toBe(4);
    expect(chunkSize(1, 100_000, 4)).toBe(250);
    expect(chunkSize(0.01, 100_000, 4)).toBe(500);
    expect(chunkSize(100, 100_000, 4)).toBe(3);
    expect(chunkSize(400, 100_000, 4)).toBe(1);
  });

  it('shares the last runs among the workers, and never exceeds what is left', () => {
    expect(chunkSize(0.1, 1_000, 4)).toBe(125);
    expect(chunkSize(0.1, 7, 4)).toBe(7);
    expect(chunkSize(null, 3, 4)).toBe(3);
  });

  it('cuts no chunk below 5 ms of work, however few runs are left: slow runs go one by one at the end', () => {
    expect(chunkSize(0.1, 100, 4)).toBe(50);
    expect(chunkSize(20, 10, 2)).toBe(3);
    expect(chunkSize(200, 10, 2)).toBe(1);
    expect(chunkSize(200, 2, 2)).toBe(1);
  });
});
