// Row and column budgets: the frame stays shorter than the terminal, panels get at least their
// minimum and at most their maximum, two columns only on large terminals, and when rows run out
// the panels of lowest priority are left out first, the rest keeping their order.
import {describe, expect, it} from 'vitest';
import {computeLayout} from '../../src/ui/dashboard/layout.js';
import type {Slot} from '../../src/ui/dashboard/panel.js';

const slot = (id: string, minRows: number, maxRows: number, priority: number): Slot => ({id, minRows, maxRows, priority});
const PANELS = [slot('talks', 1, 4, 100), slot('releases', 2, 3, 90), slot('batches', 3, 12, 40), slot('risk', 2, 4, 70), slot('agents', 3, 9, 50), slot('log', 2, 30, 80)];
const ids = (l: ReturnType<typeof computeLayout>): string[] => l.columns.flatMap((c) => c.panels.map((p) => p.spec.id));

describe('computeLayout', () => {
  for (const [columns, rows] of [
    [80, 24],
    [100, 30],
    [120, 40],
    [200, 60],
    [60, 20],
  ] as const) {
    it(`fits ${columns}x${rows}`, () => {
      const l = computeLayout(PANELS, columns, rows);
      expect(l.tooSmall).toBe(false);
      expect(l.dropped).toEqual([]);
      expect(l.height).toBe(rows - 1);
      for (const col of l.columns) {
        const used = col.panels.reduce((n, p) => n + p.rows, 0);
        expect(used).toBeLessThanOrEqual(l.height - 2);
        for (const p of col.panels) {
          expect(p.rows).toBeGreaterThanOrEqual(p.spec.minRows);
          expect(p.rows).toBeLessThanOrEqual(p.spec.maxRows);
        }
      }
      const widths = l.columns.reduce((n, c) => n + c.width, 0) + (l.columns.length - 1);
      expect(widths).toBeLessThanOrEqual(columns);
      expect(ids(l)).toEqual(PANELS.map((p) => p.id));
    });
  }

  it('uses two columns only on large terminals', () => {
    expect(computeLayout(PANELS, 80, 24).columns).toHaveLength(1);
    expect(computeLayout(PANELS, 200, 60).columns).toHaveLength(2);
  });
});

describe('when rows run out', () => {
  it('leaves out the lowest priority first, the rest in display order', () => {
    // 13 minimum rows; 80x15 leaves 12 for the body: the batches (40) go.
    const l = computeLayout(PANELS, 80, 15);
    expect(l.tooSmall).toBe(false);
    expect(l.dropped.map((p) => p.id)).toEqual(['batches']);
    expect(ids(l)).toEqual(['talks', 'releases', 'risk', 'agents', 'log']);
    // 80x10: 7 rows; the agents (50) go too, then the stall risk (70) at 80x8.
    expect(ids(computeLayout(PANELS, 80, 10))).toEqual(['talks', 'releases', 'risk', 'log']);
    expect(ids(computeLayout(PANELS, 80, 8))).toEqual(['talks', 'releases', 'log']);
    expect(ids(computeLayout(PANELS, 80, 6))).toEqual(['talks', 'releases']);
    expect(ids(computeLayout(PANELS, 80, 5))).toEqual(['talks']);
    expect(computeLayout(PANELS, 80, 10).dropped.map((p) => p.id)).toEqual(['batches', 'agents']);
  });

  it('of equal priority, the one further down goes first', () => {
    const tie = [slot('a', 2, 2, 5), slot('b', 2, 2, 5), slot('c', 2, 2, 9)];
    expect(ids(computeLayout(tie, 80, 7))).toEqual(['a', 'c']);
  });

  it('keeps a high-priority panel however low it sits, and leaves out only as many as needed', () => {
    const l = computeLayout([slot('low', 4, 4, 1), slot('mid', 4, 4, 5), slot('top', 4, 4, 10)], 80, 11);
    expect(ids(l)).toEqual(['mid', 'top']);
    expect(l.columns[0]!.panels.reduce((n, p) => n + p.rows, 0)).toBe(8);
  });

  it('says it is too small only when not even the panel of highest priority fits, and how many rows would do', () => {
    expect(computeLayout(PANELS, 80, 4).tooSmall).toBe(false);
    const l = computeLayout([slot('a', 1, 1, 1), slot('big', 5, 5, 9)], 80, 7);
    expect(l.tooSmall).toBe(true);
    expect(l.neededRows).toBe(8);
    expect(computeLayout([slot('a', 1, 1, 1), slot('big', 5, 5, 9)], 80, 8).tooSmall).toBe(false);
  });
});
