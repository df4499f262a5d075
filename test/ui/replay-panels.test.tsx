// The model's panels on the 2020 record: real talks, batches, stall episodes and acts, and a
// plain "not observed" wherever only the model has numbers.
import '../helpers/no-color.js';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {panelsFor} from '../../src/ui/dashboard/panel.js';
import {AgentsPanel} from '../../src/ui/dashboard/panels/AgentsPanel.js';
import {BatchesPanel} from '../../src/ui/dashboard/panels/BatchesPanel.js';
import {EventLog} from '../../src/ui/dashboard/panels/EventLog.js';
import {Header} from '../../src/ui/dashboard/chrome/Header.js';
import {HelpOverlay} from '../../src/ui/dashboard/chrome/HelpOverlay.js';
import {PANELS} from '../../src/ui/dashboard/panels/index.js';
import {ReleasesPanel} from '../../src/ui/dashboard/panels/ReleasesPanel.js';
import {KeyHints} from '../../src/ui/dashboard/chrome/KeyHints.js';
import {promptLine} from '../../src/ui/dashboard/chrome/SeekPrompt.js';
import {StallRiskPanel} from '../../src/ui/dashboard/panels/StallRiskPanel.js';
import {TalksPanel} from '../../src/ui/dashboard/panels/TalksPanel.js';
import {lineText} from '../../src/ui/dashboard/format.js';
import type {Snapshot} from '../../src/host/snapshot.js';
import type {PanelProps} from '../../src/ui/dashboard/panel-component.js';
import {linesOf, renderWide} from '../helpers/ink.js';
import {realSnapshot} from '../helpers/snapshots.js';
import {compareSnapshot, observedSnapshot, replaySnapshot} from './replay-fixtures.js';

afterEach(cleanup);

const frame = (Panel: (p: PanelProps) => React.ReactNode, s: Snapshot, width: number, rows: number): string[] =>
  linesOf(render(<Panel snapshot={s} width={width} rows={rows} />).lastFrame());

describe('the record in the panels', () => {
  test('talks: the walk-out of 7 April with its reason, and the talks opening on 12 September', () => {
    const [banner, why] = frame(TalksPanel, replaySnapshot('2020-04-10'), 80, 2);
    expect(banner).toBe(' WALK-OUT  taliban since 2020-04-07 (day 38) · 3 days away');
    expect(why).toMatch(/^why: The Taliban team quits 'fruitless' meetings/);
    expect(frame(TalksPanel, replaySnapshot('2020-09-12'), 80, 1)[0]).toBe('talks open · the intra-Afghan negotiations have begun · 1 walk-out so far');
    // The day of the walk-out itself: since today, no "0 days".
    expect(frame(TalksPanel, replaySnapshot('2020-04-07'), 80, 2)[0]).toBe(' WALK-OUT  taliban since today (2020-04-07, day 38)');
  });

  test('stall risk: on the first day of an episode, since today', () => {
    expect(frame(StallRiskPanel, replaySnapshot('2020-04-14'), 80, 3)[0]).toBe(' STALLED (walk-out)  since 2020-04-14 (today) · episode 1');
  });

  test('stall risk: the real stall and its episode, and the risk said to be not observed', () => {
    const stalled = frame(StallRiskPanel, replaySnapshot('2020-04-20'), 80, 3);
    expect(stalled[0]).toBe(' STALLED (walk-out)  since 2020-04-14 (6 days) · episode 1');
    expect(stalled[1]).toBe('stall risk: a model estimate, not observed in the record');
    // One cell a day from day 0 to day 51: no stall before the parties met (31 March, T25), then
    // the walk-out's from day 45.
    expect(stalled[2]).toBe('▁'.repeat(45) + '█'.repeat(7));
    expect(frame(StallRiskPanel, replaySnapshot('2020-04-20'), 80, 1)).toEqual([' STALLED (walk-out)  since 04-14 · #1 · stall risk: not observed']);
    const after = frame(StallRiskPanel, replaySnapshot('2020-06-01'), 100, 1);
    expect(after).toEqual(['not stalled · 1 episode so far, the last 2020-04-14 to 2020-05-28 · stall risk: not observed']);
    expect(frame(StallRiskPanel, replaySnapshot('2020-06-01'), 38, 2)).toEqual(['not stalled · 1 episode so far', 'stall risk: not observed']);
    expect(frame(StallRiskPanel, replaySnapshot('2020-06-01'), 80, 4).join('\n')).not.toMatch(/\d+%/);
  });

  test('agents: each actor’s latest act in the record with its summary, no trust or violence numbers', () => {
    const lines = frame(AgentsPanel, replaySnapshot('2020-04-08'), 80, 7);
    expect(lines[0]).toBe('government 2020-04-08 release-batch [T27]');
    expect(lines[1]).toMatch(/^ {2}The government frees 100/);
    expect(lines[2]).toBe('taliban    2020-04-07 walk-out [T26]');
    expect(lines[4]).toMatch(/^US {9}2020-03-23 aid-cut \[T20\]$/);
    expect(lines[6]).toBe('trust, pressure, violence: model quantities, not observed in the record');
    expect(lines.join('\n')).not.toMatch(/\d+%|NaN/);
    expect(frame(AgentsPanel, replaySnapshot('2020-02-29'), 80, 3)[1]).toBe('taliban    nothing yet in the record');
  });

  test('batches: the record’s batches, not marked agreed or unilateral', () => {
    const lines = frame(BatchesPanel, replaySnapshot('2020-04-13'), 80, 6);
    expect(lines.at(-1)).toMatch(/^latest █ 2020-04-13 government frees 61 · The NSC says 361/);
    expect(lines.at(-2)).toContain('█ batch (2020 record)');
    expect(lines.join('\n')).not.toMatch(/agreed|unilateral/);
  });

  test('events: the history’s events with actor, type, summary and source row', () => {
    const lines = renderWide(<EventLog snapshot={replaySnapshot('2020-03-23')} width={200} rows={3} />);
    expect(lines.at(-1)).toMatch(/^2020-03-23 {2}US {10}aid-cut +After failing to reconcile Ghani and Abdullah, .*\[T20, C2\]$/);
    expect(frame(EventLog, replaySnapshot('2020-09-11'), 100, 1)[0]).toMatch(/^2020-09-11 {2}other/);
  });
});

describe('the chrome of a replay', () => {
  test('the header says it is the record (and the model runs it is set against), not a seed', () => {
    expect(render(<Header snapshot={replaySnapshot('2020-04-07')} width={100} />).lastFrame()).toBe(
      'parley · afghanistan-2020 · 2020 record · 2020-04-07 · day 38/196 · 5 d/s · paused',
    );
    expect(render(<Header snapshot={compareSnapshot('2020-04-07')} width={80} />).lastFrame()).toBe(
      'afghanistan-2020 · 2020 record vs 30 runs · 2020-04-07 · day 38/196 · paused',
    );
    expect(render(<Header snapshot={replaySnapshot('2020-09-12', {playback: 'finished'})} width={80} />).lastFrame()).toMatch(/end of the record \(2020-09-12\)$/);
  });

  test('the key hints: days both ways, events, a date; no seeds', () => {
    expect(render(<KeyHints width={100} replay />).lastFrame()).toBe('space pause  ←/→ day  n/p event  g date  ↵ details  +/- speed  ? help  q quit');
    expect(render(<KeyHints width={40} replay playback="paused" />).lastFrame()).toBe('space resume  n/p event  ? help  q quit');
  });

  test('the help lists the replay’s keys and says what is the record and what only the model has', () => {
    const text = linesOf(render(<HelpOverlay snapshot={compareSnapshot('2020-04-07')} width={80} rows={40} />).lastFrame()).join('\n');
    for (const key of ['space', '→ / ←', 'n / p', 'g', 'Enter', 'r', 'q']) expect(text).toMatch(new RegExp(`^  ${key.replace(/[+?]/g, '\\$&')} +\\S`, 'm'));
    expect(text).not.toContain('new seed');
    const words = text.replace(/\s+/g, ' ');
    expect(words).toContain('This is the 2020 record, not the model');
    expect(words).toContain('stall risk exist only in the model');
    expect(words).toContain('a walk-out lasting 7 days or more');
    expect(words).toContain('against afghanistan-2020 over 30 seeds');
  });

  test('the date prompt: what was typed, then how to go on or why not', () => {
    expect(lineText(promptLine('2020-04', null, 80))).toBe('go to date (YYYY-MM-DD): 2020-04   ↵ go · esc cancel');
    expect(lineText(promptLine('2021-01-01', '2021-01-01 is outside the record (2020-02-29 to 2020-09-12)', 80))).toBe(
      'date: 2021-01-01   2021-01-01 is outside the record (2020-02-29 to 2020-09-12)',
    );
  });
});

describe('which panels, with how many rows', () => {
  test('a replay adds the selected event and gives it the rows the agents do not need', () => {
    const ids = (s: Snapshot) => panelsFor(PANELS, s).map((p) => p.id);
    expect(ids(realSnapshot())).toEqual(['talks', 'releases', 'batches', 'stall-risk', 'agents', 'events']);
    expect(ids(replaySnapshot('2020-04-07'))).toEqual(['talks', 'releases', 'batches', 'stall-risk', 'agents', 'selected-event', 'events']);
    const rows = (s: Snapshot, id: string) => panelsFor(PANELS, s).find((p) => p.id === id)!;
    expect(rows(replaySnapshot('2020-04-07'), 'agents').minRows).toBeLessThan(rows(realSnapshot(), 'agents').minRows);
    expect(rows(compareSnapshot('2020-04-07'), 'releases').minRows).toBe(3);
    expect(rows(observedSnapshot(40), 'releases').minRows).toBe(3);
  });
});

describe('constructed figures of the record', () => {
  test('the releases panel marks a constructed count with *, a reported one not; --compare too; the help says what * means', () => {
    const onDay = (date: string) => frame(ReleasesPanel, replaySnapshot(date), 100, 2);
    expect(onDay('2020-04-21')[0]).toMatch(/ 432\* \/ 5,000/); // 361 + 71, implied
    expect(onDay('2020-04-21')[1]).toMatch(/ 40 \/ 1,000/);
    expect(onDay('2020-05-02')[0]).toMatch(/ 748 \/ 5,000/);
    expect(frame(ReleasesPanel, compareSnapshot('2020-04-21'), 100, 3)[0]).toMatch(/432\* · model /);
    const help = renderWide(<HelpOverlay snapshot={replaySnapshot('2020-04-21')} width={100} rows={40} />).join(' ');
    expect(help).toMatch(/marked \* is\s+constructed/);
  });
});
