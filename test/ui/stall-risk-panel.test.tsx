import '../helpers/no-color.js';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {StallRiskPanel} from '../../src/ui/dashboard/panels/StallRiskPanel.js';
import type {Snapshot} from '../../src/host/snapshot.js';
import {linesOf} from '../helpers/ink.js';
import {noRiskSnapshot, onsetSnapshot, realSnapshot, recoverySnapshot} from '../helpers/snapshots.js';

afterEach(cleanup);

const frame = (s: Snapshot, width: number, rows: number): string[] =>
  linesOf(render(<StallRiskPanel snapshot={s} width={width} rows={rows} />).lastFrame());

describe('StallRiskPanel', () => {
  test('the onset risk with its interval and horizon, and when which clock runs out', () => {
    expect(frame(onsetSnapshot(), 80, 2)[0]).toBe('Stall risk 34% (90%: 28–40%) within 14 days · no progress in 6 days (median)');
    const walk = {...onsetSnapshot(), risk: {p: 1, lo: 0.99, hi: 1, mode: 'onset' as const, days: 1, cause: 'walk-out' as const}};
    expect(frame(walk, 90, 2)[0]).toBe('Stall risk 100% (90%: 99–100%) within 14 days · a long walk-out in 1 day (median)');
    // No rollout stalled: nothing is due, and nothing is said.
    const calm = {...onsetSnapshot(), risk: {p: 0, lo: 0, hi: 0.1, mode: 'onset' as const, days: null, cause: null}};
    expect(frame(calm, 80, 2)[0]).toBe('Stall risk 0% (90%: 0–10%) within 14 days');
  });

  test('while stalled: the cause and the chance of recovery instead', () => {
    expect(frame(recoverySnapshot(), 90, 2)[0]).toBe(' STALLED (walk-out)  recovery 12% (90%: 8–17%) within 14 days · in 9 days (median)');
    expect(frame(recoverySnapshot(), 80, 2)[0]).toBe(' STALLED (walk-out)  recovery 12% (8–17%) in 14 d · median 9 d');
    expect(frame(recoverySnapshot(), 61, 2)[0]).toBe(' STALLED (walk-out)  recovery 12% (90%: 8–17%) within 14 days');
  });

  test('fewer words, same number, when narrow: when it is due goes after the long words', () => {
    expect(frame(onsetSnapshot(), 55, 2)[0]).toBe('Stall risk 34% (28–40%) in 14 d · no progress in 6 d');
    expect(frame(onsetSnapshot(), 46, 2)[0]).toBe('Stall risk 34% (90%: 28–40%) within 14 days');
    expect(frame(recoverySnapshot(), 38, 2)[0]).toBe(' STALLED (walk-out)  recovery 12%');
    expect(frame(onsetSnapshot(), 38, 2)[0]).toBe('Stall risk 34% (28–40%) in 14 d');
  });

  test('the sparkline draws recovery days with braille, onset days with blocks', () => {
    // Day 75: the walk-out (day 38) stalled the talks on day 45 and the Taliban are still away.
    const s = realSnapshot(75);
    const spark = frame(s, 80, 2)[1]!;
    expect([...spark]).toHaveLength(s.riskHistory.length);
    // Days 1-30, before the parties first meet (day 31): onset risk at most 4% (▁), as no stall
    // clock runs yet; only a walk-out soon after the meeting could stall within 14 days.
    // Days 31-44, from the meeting to a week into the walk-out: onset risk 98-100% (█).
    // Days 45-71, stalled: recovery 0-2% (⡀); days 72-75: recovery 30%, then 76-86% (⣄⣷).
    expect(spark).toBe('▁'.repeat(30) + '█'.repeat(14) + '⡀'.repeat(27) + '⣄' + '⣷'.repeat(3));
  });

  test('only the latest history when it is longer than the width', () => {
    const s = {...realSnapshot(), riskHistory: [...Array<number>(50).fill(0), ...Array<number>(38).fill(1)], recoveryHistory: []};
    expect(frame(s, 38, 2)[1]).toBe('█'.repeat(38));
  });

  test('with spare rows: the range of days shown and a legend with the help hint', () => {
    const lines = frame(realSnapshot(), 80, 4);
    expect(lines[2]).toMatch(/^day 1 +day 45$/);
    expect(lines[3]).toBe('▁▄█ risk of a stall  ⡀⣤⣿ chance of recovery  ? definition');
  });

  test('not estimated: says so, and the history is blank', () => {
    const lines = frame(noRiskSnapshot(), 80, 2);
    expect(lines[0]).toBe('stall risk not estimated (stall.rollouts is 0)');
    expect(lines[1]!.trim()).toBe('');
  });
});
