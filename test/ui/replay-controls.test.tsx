// The replay's keys through stdin, on the real dashboard with an in-process ReplayLoop (paused,
// so nothing moves unless a key says so): days both ways, events, the date prompt with its
// inline errors, the event in full, the help, quitting.
import '../helpers/no-color.js';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {Dashboard} from '../../src/ui/dashboard/Dashboard.js';
import {ReplayLoop} from '../../src/host/replay-loop.js';
import {linesOf, waitForFrame} from '../helpers/ink.js';
import {REPLAY, TERMS} from './replay-fixtures.js';

const plain = (frame: string | undefined): string => linesOf(frame).join('\n');


const LEFT = '\u001B[D';
const RIGHT = '\u001B[C';
const ESC = '\u001B';

function setup() {
  const loop = new ReplayLoop(REPLAY, {terms: TERMS, paused: true});
  const onQuit = vi.fn();
  const onInterrupt = vi.fn();
  const app = render(<Dashboard loop={loop} onQuit={onQuit} onInterrupt={onInterrupt} />);
  const frame = () => plain(app.lastFrame());
  /** Writes keys once the dashboard shows `ready` (effects re-register the input handler after each render). */
  const type = async (keys: string, until: (f: string) => boolean): Promise<string> => {
    app.stdin.write(keys);
    return waitForFrame(frame, until);
  };
  return {loop, app, frame, type, onQuit, onInterrupt};
}

afterEach(() => cleanup());

describe('replay controls', () => {
  it('→ and ← step a day each way; n and p jump between events', async () => {
    const {frame, type, loop} = setup();
    await waitForFrame(frame, (f) => f.includes('2020 record') && f.includes('day 0/196'));
    await type(RIGHT, (f) => f.includes('day 1/196') && f.includes('T6 · 2020-03-01'));
    await type(RIGHT, (f) => f.includes('day 2/196'));
    await type(LEFT, (f) => f.includes('day 1/196'));
    await type('n', (f) => f.includes('T7 · 2020-03-02'));
    await type('n', (f) => f.includes('T8 · 2020-03-03'));
    await type('p', (f) => f.includes('T7 · 2020-03-02') && f.includes('day 2/196'));
    loop.dispose();
  });

  it('g opens the date prompt: a good date jumps, a bad one says why inline, Esc cancels', async () => {
    const {frame, type, loop} = setup();
    await waitForFrame(frame, (f) => f.includes('day 0/196'));
    await type('g', (f) => f.includes('go to date (YYYY-MM-DD):'));
    await type('2020-13-01', (f) => f.includes('2020-13-01'));
    const bad = await type('\r', (f) => f.includes('2020-13-01 is not a calendar date'));
    expect(bad).toContain('day 0/196');
    // Typing again clears the message; backspace erases.
    await type('\u007F\u007F', (f) => f.includes('2020-13-   ↵ go'));
    await type(ESC, (f) => f.includes('n/p event') && !f.includes('go to date'));
    await type('g', (f) => f.includes('go to date'));
    const walkout = await type('2020-04-07\r', (f) => f.includes('day 38/196') && !f.includes('go to date'));
    expect(walkout).toContain('WALK-OUT');
    expect(walkout).toContain('T26 · 2020-04-07 · taliban · walk-out');
    loop.dispose();
  });

  it('Enter shows the selected event in full with every source; Esc closes it', async () => {
    const {frame, type, loop} = setup();
    loop.seek('2020-04-11');
    await waitForFrame(frame, (f) => f.includes('T30 · 2020-04-11'));
    const full = await type('\r', (f) => f.includes('confidence W: weak or secondary source only'));
    expect(full).toContain('sources disagree on date: 2020-04-11 / 2020-04-12');
    expect(full).toMatch(/^ {2}https:\/\/kabulnow\.com\//m);
    expect(full).not.toContain('Gov → Taliban');
    await type(ESC, (f) => f.includes('Gov → Taliban'));
    loop.dispose();
  });

  it('? shows the replay help; space plays; q quits; Ctrl-C interrupts', async () => {
    const {frame, type, loop, onQuit, onInterrupt} = setup();
    await waitForFrame(frame, (f) => f.includes('paused'));
    await type('?', (f) => f.includes('The record and the model'));
    await type('?', (f) => f.includes('Gov → Taliban'));
    await type(' ', (f) => f.includes('running'));
    await type(' ', (f) => f.includes('paused'));
    await type('q', () => onQuit.mock.calls.length === 1);
    await type('\u0003', () => onInterrupt.mock.calls.length === 1);
    loop.dispose();
  });
});
