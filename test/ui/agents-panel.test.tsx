import '../helpers/no-color.js';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {AgentsPanel} from '../../src/ui/dashboard/panels/AgentsPanel.js';
import {linesOf, renderWide} from '../helpers/ink.js';
import {realSnapshot} from '../helpers/snapshots.js';

afterEach(cleanup);

const frame = (width: number, rows: number): string[] =>
  linesOf(render(<AgentsPanel snapshot={realSnapshot()} width={width} rows={rows} />).lastFrame());

describe('AgentsPanel', () => {
  test('three rows: one line an agent, name first; short labels when they let more fit', () => {
    const lines = frame(80, 3);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('government · two-level-ratifier · trust 24% · press. 25% · aid 75% · ratif. none');
    expect(frame(38, 3)[0]).toBe('government · trust 24% · press. 25%');
    expect(lines[1]).toMatch(/^taliban · obstinate-list · trust/);
    expect(lines[2]).toMatch(/^US · deadline-hawk · troops/);
  });

  test('four rows: a spare line with the last actions', () => {
    const lines = frame(80, 4);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('▸ government release · taliban release · US hold');
  });

  test('six rows: state, then the last action with its reason', () => {
    const lines = frame(80, 6);
    expect(lines).toHaveLength(6);
    expect(lines[1]).toBe('▸ release: frees a batch of 107 chosen by humanitarian, enlarged for COVID-19 r…');
    expect(lines[3]).toBe('▸ release: frees 20 government captives (owed 22 at 5:1)');
    expect(lines[5]).toBe('▸ hold: monitoring');
  });

  test('nine rows: name and policy, state, action', () => {
    const lines = frame(100, 9);
    expect(lines).toEqual([
      'government · two-level-ratifier',
      'trust in Taliban 24% · pressure 25% · aid 75% · ratification none',
      '▸ release: frees a batch of 107 chosen by humanitarian, enlarged for COVID-19 relief',
      'taliban · obstinate-list',
      'trust in government 23% · violence now / target 1.57 / 1.6 · pressure <1% · priority demand 15',
      '▸ release: frees 20 government captives (owed 22 at 5:1)',
      'US · deadline-hawk',
      'troops now / start 11,533 / 13,000 · deadline day 10 (passed) · leverage 75%',
      '▸ hold: monitoring',
    ]);
  });

  test('wide: side by side, one item a line when rows allow', () => {
    const lines = renderWide(<AgentsPanel snapshot={realSnapshot()} width={140} rows={9} />);
    expect(lines[0]).toMatch(/^government · two-level-ratifier +│ taliban · obstinate-list +│ US · deadline-hawk$/);
    expect(lines[1]).toMatch(/^trust in Taliban 24% +│ trust in government 23% +│ troops now \/ start 11,533 \/ 13,000$/);
    expect(lines.some((l) => l.includes('ratification none'))).toBe(true);
    expect(lines.some((l) => l.includes('▸ hold: monitoring'))).toBe(true);
  });
});
