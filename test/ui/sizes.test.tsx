// Every panel keeps to its budget: at most `rows` lines of at most `width` columns, for every
// width the layout may give and every row count a panel accepts for the snapshot, on every kind
// of snapshot: model runs, replays of the record, --compare, and runs set against the record.
import '../helpers/no-color.js';
import {Text} from 'ink';
import {describe, expect, test} from 'vitest';
import {Header} from '../../src/ui/dashboard/panels/Header.js';
import {HelpOverlay} from '../../src/ui/dashboard/panels/HelpOverlay.js';
import {KeyHints} from '../../src/ui/dashboard/panels/KeyHints.js';
import {PANELS} from '../../src/ui/dashboard/panels/index.js';
import {computeLayout} from '../../src/ui/dashboard/layout.js';
import {panelsFor} from '../../src/ui/dashboard/panel.js';
import {renderWide, sizeProblems} from '../helpers/ink.js';
import {allSnapshots} from '../helpers/snapshots.js';
import {replaySnapshots} from './replay-fixtures.js';

const WIDTHS = [38, 60, 80, 120, 200];
const snapshots = [...allSnapshots(), ...replaySnapshots()];

describe.each(PANELS.map((p) => [p.id, p] as const))('%s panel', (id, base) => {
  test.each(snapshots)('fits every budget (%s)', (name, snapshot) => {
    const spec = panelsFor([base], snapshot)[0];
    // Only the selected event is ever left out, and only from model runs.
    expect(spec === undefined).toBe(id === 'selected-event' && !name.startsWith('replay') && !name.startsWith('compare'));
    if (!spec) return;
    const problems: string[] = [];
    for (const width of WIDTHS) {
      for (let rows = spec.minRows; rows <= spec.maxRows; rows++) {
        const lines = renderWide(<spec.component snapshot={snapshot} width={width} rows={rows} />);
        problems.push(...sizeProblems(lines, width, rows).map((p) => `${width}x${rows}: ${p}`));
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('header, key hints and help', () => {
  test.each(snapshots)('one line each, within the width (%s)', (_name, snapshot) => {
    const problems: string[] = [];
    for (const width of WIDTHS) {
      for (const playback of ['running', 'paused', 'finished'] as const) {
        const header = renderWide(<Header snapshot={{...snapshot, playback}} width={width} />);
        problems.push(...sizeProblems(header, width, 1).map((p) => `header ${width}: ${p}`));
        const hints = renderWide(<KeyHints width={width} playback={playback} replay={snapshot.replay !== undefined} />);
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

describe('the registry', () => {
  test('lists each panel once, in display order, with sane row ranges', () => {
    expect(PANELS.map((p) => p.id)).toEqual(['talks', 'releases', 'batches', 'stall-risk', 'agents', 'selected-event', 'events']);
    for (const p of PANELS) {
      expect(p.minRows).toBeGreaterThanOrEqual(1);
      expect(p.maxRows).toBeGreaterThanOrEqual(p.minRows);
      expect(p.title).not.toBe('');
    }
  });

  test.each(snapshots)('everything fits an 80x24 terminal at minimum rows, with header and hints (%s)', (_name, snapshot) => {
    const panels = panelsFor(PANELS, snapshot);
    const min = panels.reduce((n, p) => n + p.minRows, 0);
    expect(min + 2).toBeLessThan(24);
    expect(computeLayout(panels, 80, 24).tooSmall).toBe(false);
  });
});
