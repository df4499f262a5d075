// Keys that reach stdin in one chunk (typed fast, a held key, a paste, tmux send-keys) each do
// what they say, on the run dashboard, the replay and the picker; escape sequences in the chunk
// count as the key they are.
import '../helpers/no-color.js';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {loadScenario} from '../../src/scenario/resolve.js';
import {startRun} from '../../src/sim/run.js';
import {Dashboard} from '../../src/ui/dashboard/Dashboard.js';
import {ReplayLoop} from '../../src/host/replay-loop.js';
import {SimLoop} from '../../src/host/sim-loop.js';
import {Picker} from '../../src/ui/picker/Picker.js';
import {linesOf, waitFor, waitForFrame} from '../helpers/ink.js';
import {REPLAY, TERMS} from './replay-fixtures.js';

const plain = (frame: string | undefined): string => linesOf(frame).join('\n');
const RIGHT = '\u001B[C';

const {config} = loadScenario('afghanistan-2020', {seed: 'keys', set: ['stall.rollouts=10']});

function run(paused: boolean) {
  const loop = new SimLoop((seed) => startRun({...config, seed}), {seed: 'keys', speed: 10, paused});
  const onQuit = vi.fn();
  const app = render(<Dashboard loop={loop} onQuit={onQuit} onInterrupt={vi.fn()} />);
  return {loop, app, onQuit, frame: () => plain(app.lastFrame())};
}

afterEach(() => cleanup());

describe('keys in one chunk', () => {
  it("' q' pauses, then quits", async () => {
    const {app, frame, loop, onQuit} = run(false);
    await waitForFrame(frame, (f) => f.includes('running'));
    app.stdin.write(' q');
    await waitFor(() => onQuit.mock.calls.length > 0);
    expect(loop.getSnapshot().playback).toBe('paused');
    expect(onQuit).toHaveBeenCalledTimes(1);
    loop.dispose();
  });

  it("'+++' raises the speed three steps, '--' lowers it two", async () => {
    const {app, frame, loop} = run(true);
    await waitForFrame(frame, (f) => f.includes('10 d/s'));
    app.stdin.write('+++');
    await waitForFrame(frame, (f) => f.includes('100 d/s'));
    app.stdin.write('--');
    await waitForFrame(frame, (f) => f.includes('20 d/s'));
    loop.dispose();
  });

  it('arrows in a chunk step once each, with the plain keys between them', async () => {
    const {app, frame, loop} = run(true);
    await waitForFrame(frame, (f) => f.includes('day 0/'));
    app.stdin.write(`${RIGHT}${RIGHT}+${RIGHT}`);
    await waitForFrame(frame, (f) => f.includes('day 3/') && f.includes('20 d/s'));
    loop.dispose();
  });

  it('replay: a date typed with its Enter after g, in one chunk, goes to it', async () => {
    const loop = new ReplayLoop(REPLAY, {terms: TERMS, paused: true});
    const app = render(<Dashboard loop={loop} onQuit={vi.fn()} onInterrupt={vi.fn()} />);
    const frame = () => plain(app.lastFrame());
    await waitForFrame(frame, (f) => f.includes('day 0/196'));
    app.stdin.write('g2020-04-07\r');
    await waitForFrame(frame, (f) => f.includes('2020-04-07 · day 38/196') && !f.includes('go to date'));
    app.stdin.write('nn');
    await waitForFrame(frame, (f) => f.includes('T28 · '));
    loop.dispose();
  });

  it('picker: jj and Enter in one chunk choose the third scenario', async () => {
    const onSelect = vi.fn();
    const items = ['a', 'b', 'c'].map((name) => ({name, description: name}));
    const app = render(<Picker items={items} onSelect={onSelect} onCancel={vi.fn()} />);
    await waitForFrame(() => plain(app.lastFrame()), (f) => f.includes('❯ a'));
    app.stdin.write('jj\r');
    await waitFor(() => onSelect.mock.calls.length > 0);
    expect(onSelect).toHaveBeenCalledWith('c');
  });
});
