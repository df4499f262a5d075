// The selected event of the record: everything about it (row, date, actor, type, confidence,
// summary, numbers, disagreements, every source, the note), and what happens when rows run short.
import '../helpers/no-color.js';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {SelectedEventPanel, selectedEventLines} from '../../src/ui/dashboard/panels/SelectedEventPanel.js';
import {Box, renderToString} from 'ink';
import {lineText, rowsOf} from '../../src/ui/dashboard/format.js';
import {hyperlink, Hyperlinks, Lines} from '../../src/ui/dashboard/Lines.js';
import {linesOf, renderWide} from '../helpers/ink.js';
import {replaySnapshot} from './replay-fixtures.js';

afterEach(cleanup);

const T30 = () => replaySnapshot('2020-04-11');
const frame = (date: string, width: number, rows: number): string[] =>
  linesOf(render(<SelectedEventPanel snapshot={replaySnapshot(date)} width={width} rows={rows} />).lastFrame());

describe('SelectedEventPanel', () => {
  test('an event with a disagreement, in full on a roomy panel', () => {
    const lines = renderWide(<SelectedEventPanel snapshot={T30()} width={200} rows={16} />);
    expect(lines[0]).toBe('T30 · 2020-04-11 · government · release-batch · W (weak or secondary source only) · event 29 of 86');
    expect(lines[1]).toBe('A third batch of 100 is freed, 300 since 8 April.');
    expect(lines[2]).toBe('numbers: released 100 (government) · cumulative 300 (government)');
    expect(lines[3]).toMatch(/^sources disagree on date: 2020-04-11 \/ 2020-04-12; chosen 2020-04-11: The timeline dates it 11 Apr/);
    const text = lines.join('\n');
    for (const url of T30().replay.selected!.sources) expect(text).toContain(url);
    expect(lines.find((l) => l.startsWith('sources (3): '))).toBeDefined();
    expect(lines.at(-1)).toBe('note: C2 for the batch, W for its exact day; the weaker grade is kept.');
  });

  test('the walk-out at 80 columns: summary wrapped, the rest counted on the last row', () => {
    const lines = frame('2020-04-07', 80, 6);
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe('T26 · 2020-04-07 · taliban · walk-out · C2 (in two or more independent sources)');
    expect(lines.slice(1, 3).join(' ')).toBe("The Taliban team quits 'fruitless' meetings and is recalled from Kabul; the   government says they demanded 15 senior commanders first.");
    expect(lines[5]).toMatch(/^… \d+ more lines: Enter shows the event in full$/);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
  });

  test('in full (Enter), each URL is whole on a line of its own, never cut or broken', () => {
    const e = T30().replay.selected!;
    const lines = selectedEventLines(e, 60, 40, true).map(lineText);
    expect(lines[1]).toBe('confidence W: weak or secondary source only · event 29 of 86');
    expect(e.sources.some((url) => url.length > 58)).toBe(true);
    for (const url of e.sources) expect(lines).toContain(`  ${url}`);
    expect(lines.some((l) => l.includes('…'))).toBe(false);
    for (const l of lines.filter((l) => !l.includes('://'))) expect([...l].length).toBeLessThanOrEqual(60);
  });

  test('in full, a URL longer than the width reaches the output whole, for the terminal to wrap', () => {
    const e = T30().replay.selected!;
    const lines = renderWide(
      <Box width={60} flexDirection="column" overflowX="visible">
        <Lines lines={selectedEventLines(e, 60, 40, true)} width={60} />
      </Box>,
    );
    for (const url of e.sources) expect(lines).toContain(`  ${url}`);
  });

  test('where the terminal shows hyperlinks, each URL is an OSC 8 link to all of it, its text still printed', () => {
    const e = T30().replay.selected!;
    const url = e.sources.find((u) => u.length > 58)!;
    const panel = (links: boolean): string =>
      renderToString(
        <Hyperlinks.Provider value={links}>
          <SelectedEventPanel snapshot={T30()} width={60} rows={16} />
        </Hyperlinks.Provider>,
        {columns: 400},
      );
    // In the panel the text is cut to fit, but the link goes to the whole URL.
    expect(panel(true)).toContain(`\u001B]8;;${url}\u001B\\`);
    expect(panel(false)).not.toContain('\u001B]8;;');
    const full = renderToString(
      <Hyperlinks.Provider value>
        <Box width={60} flexDirection="column" overflowX="visible">
          <Lines lines={selectedEventLines(e, 60, 40, true)} width={60} />
        </Box>
      </Hyperlinks.Provider>,
      {columns: 400},
    );
    expect(full).toContain(hyperlink(url, url));
  });

  test('a wrapped URL takes the rows the terminal gives it: fewer lines fit', () => {
    const e = T30().replay.selected!;
    const rows = (ls: ReturnType<typeof selectedEventLines>): number => ls.reduce((n, l) => n + rowsOf(l, 40), 0);
    for (const budget of [8, 10, 12, 40]) expect(rows(selectedEventLines(e, 40, budget, true))).toBeLessThanOrEqual(budget);
  });

  test('short of rows even in full: cut, and it says so', () => {
    const lines = selectedEventLines(T30().replay.selected!, 60, 5, true).map(lineText);
    expect(lines).toHaveLength(5);
    expect(lines[4]).toMatch(/more lines: make the terminal taller$/);
  });

  test('a jumped-to event is shown, not the latest one', () => {
    const s = replaySnapshot('2020-02-29');
    expect(frame('2020-02-29', 100, 3)[0]).toMatch(/^T5 · /);
    const pinned = {...s, replay: {...s.replay, selected: {...s.replay.selected!, id: 'T3', summary: 'withdrawal terms'}, pinned: true}};
    expect(linesOf(render(<SelectedEventPanel snapshot={pinned} width={100} rows={3} />).lastFrame())[0]).toMatch(/^T3 · /);
  });

  test('no event yet', () => {
    expect(selectedEventLines(null, 80, 3).map(lineText)).toEqual(['no event yet: n jumps to the first']);
  });
});
