// Row and column budgets: the frame stays shorter than the terminal, panels get at least their
// minimum and at most their maximum, two columns only on large terminals.
import {describe, expect, it} from 'vitest';
import {computeLayout} from '../../src/ui/dashboard/layout.js';
import type {PanelSpec} from '../../src/ui/dashboard/panel.js';

const spec = (id: string, minRows: number, maxRows: number): PanelSpec => ({id, title: id, component: () => null, minRows, maxRows});
const PANELS = [spec('talks', 1, 4), spec('releases', 2, 3), spec('batches', 3, 12), spec('risk', 2, 4), spec('agents', 3, 9), spec('log', 2, 30)];

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
      expect(l.columns.flatMap((c) => c.panels.map((p) => p.spec.id))).toEqual(PANELS.map((p) => p.id));
    });
  }

  it('uses two columns only on large terminals', () => {
    expect(computeLayout(PANELS, 80, 24).columns).toHaveLength(1);
    expect(computeLayout(PANELS, 200, 60).columns).toHaveLength(2);
  });

  it('says when even the minimum does not fit', () => {
    expect(computeLayout(PANELS, 80, 10).tooSmall).toBe(true);
  });
});
