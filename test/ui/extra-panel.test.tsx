// Adding a panel breaks nothing else: with two more registered, one of high priority in the
// middle and one of low priority at the end, every check the registry's own panels pass
// (test/helpers/panel-suite.tsx) still holds: the added panels keep to their budgets (the
// bundled ones' budgets do not depend on their neighbours, and test/ui/sizes.test.tsx checks
// them), layouts fit every terminal and leave out the lowest priority first, and a whole
// dashboard fits and hints no key it hides.
import '../helpers/no-color.js';
import {describe, expect, test} from 'vitest';
import type {Snapshot} from '../../src/host/snapshot.js';
import {fit, type Line} from '../../src/ui/dashboard/format.js';
import {computeLayout} from '../../src/ui/dashboard/layout.js';
import {panelsFor, type PanelSpec, type PanelView} from '../../src/ui/dashboard/panel.js';
import {PANELS} from '../../src/ui/dashboard/panels/index.js';
import {describeBudgets, describeDashboard, describeLayouts} from '../helpers/panel-suite.js';
import {allSnapshots, realSnapshot} from '../helpers/snapshots.js';
import {compareSnapshot, replaySnapshot, replaySnapshots} from './replay-fixtures.js';

/** `rows` numbered lines naming the snapshot's day, cut to the width. */
const lines = (s: Snapshot, width: number, rows: number): Line[] => Array.from({length: rows}, (_, i) => [{text: fit(`${s.kind} day ${s.day} line ${i + 1}`, width)}]);
const view = (minRows: number, maxRows: number): PanelView<Snapshot> => ({lines, minRows, maxRows});

const important: PanelSpec = {id: 'important', title: 'Important', priority: 95, model: view(2, 3), record: view(2, 3)};
const minor: PanelSpec = {id: 'minor', title: 'Minor', priority: 1, model: view(4, 10)};
const EXTENDED = [...PANELS.slice(0, 2), important, ...PANELS.slice(2), minor];

const snapshots = [...allSnapshots(), ...replaySnapshots()];

describeBudgets([important, minor], snapshots);
describeLayouts(EXTENDED, snapshots);
describeDashboard(EXTENDED, [
  ['day 45', realSnapshot()],
  ['replay walk-out', replaySnapshot('2020-04-07')],
  ['compare mid', compareSnapshot('2020-06-09')],
]);

describe('the panels added', () => {
  test('show where they are registered, for the kinds they have views for', () => {
    expect(panelsFor(EXTENDED, realSnapshot()).map((p) => p.id)).toEqual(['talks', 'releases', 'important', 'batches', 'stall-risk', 'agents', 'events', 'minor']);
    expect(panelsFor(EXTENDED, replaySnapshot('2020-04-07')).map((p) => p.id)).toEqual(['talks', 'releases', 'important', 'batches', 'stall-risk', 'agents', 'selected-event', 'events']);
  });

  test('the one of lowest priority is the first to go, the one of high priority stays', () => {
    const l = computeLayout(panelsFor(EXTENDED, realSnapshot()), 80, 24);
    expect(l.dropped.map((p) => p.id)).toEqual(['minor']);
    expect(computeLayout(panelsFor(EXTENDED, realSnapshot()), 80, 10).columns[0]!.panels.map((p) => p.spec.id)).toContain('important');
  });
});
