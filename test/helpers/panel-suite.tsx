// The checks every list of panels must pass, built from the list itself, so the registry's own
// tests (test/ui/sizes.test.tsx) and a registry with panels added (test/ui/extra-panel.test.tsx)
// run the same ones: each panel keeps to its budget, the layout fits every terminal and leaves out
// the lowest priority first, and the whole dashboard fits, hinting no key of a panel not shown.
// Import './no-color.js' before this (and before ink).
import {describe, expect, test} from 'vitest';
import type {Loop} from '../../src/host/sim-loop.js';
import type {Snapshot} from '../../src/host/snapshot.js';
import {Dashboard} from '../../src/ui/dashboard/Dashboard.js';
import {computeLayout} from '../../src/ui/dashboard/layout.js';
import {panelComponent} from '../../src/ui/dashboard/panel-component.js';
import {panelsFor, type PanelSpec} from '../../src/ui/dashboard/panel.js';
import {renderSized, renderWide, sizeProblems, waitFor} from './ink.js';

export const WIDTHS = [38, 60, 80, 120, 200];

/** Terminals from large to too short for most panels (and, at 80x3, for any). */
export const SIZES: readonly (readonly [columns: number, rows: number])[] = [
  [200, 60],
  [120, 40],
  [100, 30],
  [80, 24],
  [60, 20],
  [80, 16],
  [80, 12],
  [80, 8],
  [80, 7],
  [38, 6],
  [80, 4],
  [80, 3],
];

type Named = readonly (readonly [string, Snapshot])[];

/** Every panel, on every snapshot of a kind it shows, draws at most `rows` lines of at most `width` columns. */
export function describeBudgets(panels: readonly PanelSpec[], snapshots: Named): void {
  describe.each(panels.map((p) => [p.id, p] as const))('%s panel', (_id, spec) => {
    test('shows a model run, the record, or both', () => {
      expect(spec.model !== undefined || spec.record !== undefined).toBe(true);
    });

    test.each(snapshots)('fits every budget (%s)', (_name, snapshot) => {
      const shown = panelsFor([spec], snapshot)[0];
      expect(shown === undefined).toBe(spec[snapshot.kind] === undefined);
      if (!shown) return;
      const Panel = panelComponent(spec);
      const problems: string[] = [];
      for (const width of WIDTHS) {
        for (let rows = shown.minRows; rows <= shown.maxRows; rows++) {
          const lines = renderWide(<Panel snapshot={snapshot} width={width} rows={rows} />);
          problems.push(...sizeProblems(lines, width, rows).map((p) => `${width}x${rows}: ${p}`));
        }
      }
      expect(problems).toEqual([]);
    });
  });
}

/** The layout of the panels a snapshot shows, on every terminal of SIZES. */
export function describeLayouts(panels: readonly PanelSpec[], snapshots: Named): void {
  describe('the layout', () => {
    test('names each panel once, with sane row ranges and a priority', () => {
      expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
      for (const p of panels) {
        expect(p.title).not.toBe('');
        expect(Number.isFinite(p.priority)).toBe(true);
        for (const view of [p.model, p.record]) {
          if (!view) continue;
          expect(view.minRows).toBeGreaterThanOrEqual(1);
          expect(view.maxRows).toBeGreaterThanOrEqual(view.minRows);
        }
      }
    });

    test.each(snapshots)('fits every terminal, leaving out the lowest priority first (%s)', (_name, snapshot) => {
      const shown = panelsFor(panels, snapshot);
      const minimum = shown.reduce((n, p) => n + p.minRows, 0);
      for (const [columns, rows] of SIZES) {
        const at = `${columns}x${rows}`;
        const l = computeLayout(shown, columns, rows);
        const kept = l.columns.flatMap((c) => c.panels.map((p) => p.spec));
        expect(l.tooSmall, at).toBe(rows < l.neededRows);
        if (l.tooSmall) continue;
        for (const c of l.columns) {
          expect(c.panels.reduce((n, p) => n + p.rows, 0), at).toBeLessThanOrEqual(l.height - 2);
          for (const p of c.panels) {
            expect(p.rows, at).toBeGreaterThanOrEqual(p.spec.minRows);
            expect(p.rows, at).toBeLessThanOrEqual(p.spec.maxRows);
          }
        }
        expect(l.columns.reduce((n, c) => n + c.width, 0) + l.columns.length - 1, at).toBeLessThanOrEqual(columns);
        // What stays keeps its order; nothing left out outranks what stays.
        expect(kept.map((p) => p.id), at).toEqual(shown.filter((p) => kept.includes(p)).map((p) => p.id));
        expect([...kept, ...l.dropped].sort((a, b) => a.id.localeCompare(b.id)), at).toEqual([...shown].sort((a, b) => a.id.localeCompare(b.id)));
        for (const d of l.dropped) for (const k of kept) expect(d.priority, `${at}: ${d.id} left out, ${k.id} kept`).toBeLessThanOrEqual(k.priority);
        if (minimum + 3 <= rows) expect(l.dropped, at).toEqual([]);
      }
    });
  });
}

/** A loop that always shows `snapshot`: the dashboard's layout and chrome, without an engine. */
const fixedLoop = (snapshot: Snapshot): Loop => ({
  subscribe: () => () => {},
  getSnapshot: () => snapshot,
  togglePause: () => {},
  step: () => {},
  faster: () => {},
  slower: () => {},
  restart: () => {},
  hold: () => {},
  dispose: () => {},
});

/** The hints and help lines that name the keys a run's event log takes. */
const LOG_HINT = /↑\/↓ event|↵ details/;
const LOG_HELP = /↑ \/ ↓|^\s*Enter /m;

/** The whole dashboard, its body and its help, on every terminal of SIZES. */
export function describeDashboard(panels: readonly PanelSpec[], snapshots: Named): void {
  describe('the dashboard', () => {
    test.each(snapshots)('fits every terminal and hints no key of a panel left out (%s)', async (_name, snapshot) => {
      for (const [columns, rows] of SIZES) {
        const at = `${columns}x${rows}`;
        const l = computeLayout(panelsFor(panels, snapshot), columns, rows);
        const logShown = l.columns.some((c) => c.panels.some((p) => p.spec.keys.includes('select-event')));
        const app = renderSized(<Dashboard loop={fixedLoop(snapshot)} panels={panels} onQuit={() => {}} onInterrupt={() => {}} />, columns, rows);
        await waitFor(() => app.lines().length > 1);
        const frame = app.lines();
        expect(frame.length, at).toBeLessThan(rows);
        expect(sizeProblems(frame, columns, rows - 1), at).toEqual([]);
        if (l.tooSmall) expect(frame.join('\n'), at).toContain(`make it at least ${l.neededRows} rows`);
        else expect(frame.join('\n'), at).not.toContain('terminal too small');
        const hints = frame.at(-1)!;
        if (snapshot.kind === 'model' && !logShown) expect(hints, at).not.toMatch(LOG_HINT);
        if (snapshot.kind === 'model' && logShown && columns >= 100) expect(hints, at).toMatch(LOG_HINT);
        app.stdin.write('?');
        await waitFor(() => app.lines().join('\n').includes('Keys'));
        const help = app.lines().join('\n');
        if (snapshot.kind === 'model' && !logShown) expect(help, at).not.toMatch(LOG_HELP);
        if (snapshot.kind === 'model' && logShown && rows >= 24) expect(help, at).toMatch(LOG_HELP);
        app.unmount();
      }
    });
  });
}
