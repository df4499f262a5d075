// A run's event log: ↑/↓ select an event (marked, kept in view, the run waits), Enter shows it in
// full with its whole reason, Esc closes it and then lets go of the selection (the run goes on);
// at 200x60 the log fills its column.
import '../helpers/no-color.js';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it, test, vi} from 'vitest';
import {loadScenario} from '../../src/scenario/resolve.js';
import {startRun} from '../../src/sim/run.js';
import {Dashboard} from '../../src/ui/dashboard/Dashboard.js';
import {computeLayout} from '../../src/ui/dashboard/layout.js';
import {panelsFor} from '../../src/ui/dashboard/panel.js';
import {eventLines, EventLog} from '../../src/ui/dashboard/panels/EventLog.js';
import {PANELS} from '../../src/ui/dashboard/panels/index.js';
import {SimLoop} from '../../src/host/sim-loop.js';
import {lineText} from '../../src/ui/dashboard/format.js';
import {linesOf, renderWide, waitForFrame} from '../helpers/ink.js';
import {finishedSnapshot, realSnapshot} from '../helpers/snapshots.js';

const plain = (frame: string | undefined): string => linesOf(frame).join('\n');
const UP = '\u001B[A';
const DOWN = '\u001B[B';
const ESC = '\u001B';
/** The log's mark on the selected event (the agents panel has its own ▸ before each last action). */
const MARKED = /▸ 2020-/;

afterEach(() => cleanup());

const {config} = loadScenario('afghanistan-2020', {seed: 'doha', set: ['stall.rollouts=10']});

function setup(days: number, paused: boolean) {
  const loop = new SimLoop((seed) => startRun({...config, seed}), {seed: 'doha', speed: 1, paused: true});
  for (let d = 0; d < days; d++) loop.step();
  if (!paused) loop.togglePause();
  const app = render(<Dashboard loop={loop} onQuit={vi.fn()} onInterrupt={vi.fn()} />);
  return {loop, app, frame: () => plain(app.lastFrame())};
}

describe('selecting an event in a run', () => {
  it('↑ selects the latest, Enter shows its whole reason, Esc closes, ↑ goes further back', async () => {
    const {app, frame, loop} = setup(45, true);
    const events = loop.getSnapshot().events;
    const latest = events.at(-1)!;
    await waitForFrame(frame, (f) => f.includes('day 45/'));
    app.stdin.write(UP);
    await waitForFrame(frame, (f) => f.includes(`▸ ${latest.date}`));
    app.stdin.write('\r');
    const full = await waitForFrame(frame, (f) => f.includes(`#${latest.n} · ${latest.date}`));
    expect(full).toContain(`event ${latest.n} of ${latest.n}`);
    expect(full.replace(/\s+/g, ' ')).toContain(latest.reason);
    app.stdin.write(ESC);
    await waitForFrame(frame, (f) => !f.includes(`#${latest.n} · `) && f.includes(`▸ ${latest.date}`));
    // Further back; the walk-out's reason, cut in the log, is whole in full.
    const walkout = events.find((e) => e.type === 'walk-out')!;
    app.stdin.write(UP.repeat(events.length - events.indexOf(walkout) - 1) + '\r');
    const reason = await waitForFrame(frame, (f) => f.includes(`#${walkout.n} · ${walkout.date}`));
    expect(reason.replace(/\s+/g, ' ')).toContain(walkout.reason);
    app.stdin.write(DOWN);
    await waitForFrame(frame, (f) => f.includes(`#${walkout.n + 1} · `));
    loop.dispose();
  });

  it('the run waits while an event is selected, and goes on once Esc lets go', async () => {
    const {app, frame, loop} = setup(45, false);
    await waitForFrame(frame, (f) => f.includes('running'));
    app.stdin.write(UP);
    await waitForFrame(frame, (f) => f.includes('paused') && MARKED.test(f));
    const day = loop.getSnapshot().day;
    await new Promise((r) => setTimeout(r, 1200));
    expect(loop.getSnapshot().day).toBe(day);
    app.stdin.write(ESC);
    await waitForFrame(frame, (f) => f.includes('running') && !MARKED.test(f));
    loop.dispose();
  });
});

describe('the event log with a selection', () => {
  test('an event further back than the rows is kept in view and marked', () => {
    const s = realSnapshot();
    const target = s.events[2]!;
    const lines = eventLines(s.events, 100, 4, target.n).map(lineText);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(new RegExp(`^▸ ${target.date}`));
    expect(lines.slice(1).every((l) => l.startsWith('  '))).toBe(true);
  });

  test('at 200x60 the log fills its column, with an event a row', () => {
    const s = finishedSnapshot();
    const layout = computeLayout(panelsFor(PANELS, s), 200, 60);
    const placed = layout.columns.flatMap((c) => c.panels.map((p) => ({...p, width: c.width}))).find((p) => p.spec.id === 'events')!;
    const used = layout.columns.find((c) => c.panels.some((p) => p.spec.id === 'events'))!.panels.reduce((n, p) => n + p.rows, 0);
    expect(used).toBe(layout.height - 2);
    const lines = renderWide(<EventLog snapshot={s} width={placed.width} rows={placed.rows} />);
    expect(lines).toHaveLength(placed.rows);
    expect(lines.every((l) => /^2020-\d\d-\d\d {2}/.test(l))).toBe(true);
  });
});
