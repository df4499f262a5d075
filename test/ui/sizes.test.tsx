// Every panel keeps to its budget: at most `rows` lines of at most `width` columns, for every
// width the layout may give and every row count a panel accepts for the snapshot, on every kind
// of snapshot: model runs, replays of the record, --compare, and runs set against the record.
// The panels come from the registry (test/helpers/panel-suite.tsx holds the checks, which
// test/ui/extra-panel.test.tsx runs again with panels added).
import '../helpers/no-color.js';
import {Text} from 'ink';
import {describe, expect, test} from 'vitest';
import {Header} from '../../src/ui/dashboard/chrome/Header.js';
import {HelpOverlay} from '../../src/ui/dashboard/chrome/HelpOverlay.js';
import {KeyHints} from '../../src/ui/dashboard/chrome/KeyHints.js';
import {PANELS} from '../../src/ui/dashboard/panels/index.js';
import {computeLayout} from '../../src/ui/dashboard/layout.js';
import {panelsFor} from '../../src/ui/dashboard/panel.js';
import {renderWide, sizeProblems} from '../helpers/ink.js';
import {describeBudgets, describeDashboard, describeLayouts, WIDTHS} from '../helpers/panel-suite.js';
import {allSnapshots, realSnapshot} from '../helpers/snapshots.js';
import {compareSnapshot, observedSnapshot, replaySnapshot, replaySnapshots} from './replay-fixtures.js';

const snapshots = [...allSnapshots(), ...replaySnapshots()];

describeBudgets(PANELS, snapshots);
describeLayouts(PANELS, snapshots);
describeDashboard(PANELS, [
  ['day 45', realSnapshot()],
  ['fork mid', observedSnapshot(80)],
  ['replay walk-out', replaySnapshot('2020-04-07')],
  ['compare mid', compareSnapshot('2020-06-09')],
]);

describe('header, key hints and help', () => {
  test.each(snapshots)('one line each, within the width (%s)', (_name, snapshot) => {
    const problems: string[] = [];
    for (const width of WIDTHS) {
      for (const playback of ['running', 'paused', 'finished'] as const) {
        const header = renderWide(<Header snapshot={{...snapshot, playback}} width={width} />);
        problems.push(...sizeProblems(header, width, 1).map((p) => `header ${width}: ${p}`));
        const hints = renderWide(<KeyHints width={width} playback={playback} replay={snapshot.kind === 'record'} />);
        problems.push(...sizeProblems(hints, width, 1).map((p) => `hints ${width}: ${p}`));
      }
      for (const rows of [1, 5, 10, 16, 22, 40]) {
        const help = renderWide(<HelpOverlay snapshot={snapshot} width={width} rows={rows} />);
        problems.push(...sizeProblems(help, width, rows).map((p) => `help ${width}x${rows}: ${p}`));
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the check itself', () => {
  test('sees lines a 100-column terminal would clip, and extra rows', () => {
    const lines = renderWide(<Text>{'x'.repeat(150)}</Text>);
    expect(sizeProblems(lines, 120, 1)).toEqual([expect.stringContaining('150 > 120')]);
    expect(sizeProblems(['a', 'b'], 10, 1)).toEqual(['2 lines > 1']);
  });
});

describe('the bundled panels', () => {
  const BUNDLED = ['talks', 'releases', 'batches', 'stall-risk', 'agents', 'selected-event', 'events'];

  test('are registered in display order (others may sit between them)', () => {
    expect(PANELS.map((p) => p.id).filter((id) => BUNDLED.includes(id))).toEqual(BUNDLED);
  });

  test.each(snapshots)('all show on an 80x24 terminal, with header and hints (%s)', (_name, snapshot) => {
    const l = computeLayout(panelsFor(PANELS, snapshot), 80, 24);
    expect(l.tooSmall).toBe(false);
    const shown = l.columns.flatMap((c) => c.panels.map((p) => p.spec.id));
    const expected = BUNDLED.filter((id) => id !== 'selected-event' || snapshot.kind === 'record');
    expect(shown.filter((id) => BUNDLED.includes(id))).toEqual(expected);
  });

  test('go, when rows run short, in order: batches, agents, selected event, stall risk, events, releases; the talks stay', () => {
    const order = (snapshot: Parameters<typeof panelsFor>[1]): string[] => {
      const gone: string[] = [];
      for (let rows = 40; rows >= 4; rows--) {
        for (const p of computeLayout(panelsFor(PANELS, snapshot), 80, rows).dropped) if (!gone.includes(p.id)) gone.push(p.id);
      }
      return gone;
    };
    expect(order(realSnapshot())).toEqual(['batches', 'agents', 'stall-risk', 'events', 'releases']);
    expect(order(replaySnapshot('2020-04-07'))).toEqual(['batches', 'agents', 'selected-event', 'stall-risk', 'events', 'releases']);
  });
});
