// The help overlay holds playback, in a run and in a replay: `?` pauses what was running, closing
// it (`?` or Esc) resumes it, and what was paused stays paused. While it is open, other keys wait.
import '../helpers/no-color.js';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {loadScenario} from '../../src/scenario/resolve.js';
import {startRun} from '../../src/sim/run.js';
import {Dashboard} from '../../src/ui/dashboard/Dashboard.js';
import {ReplayLoop} from '../../src/host/replay-loop.js';
import {SimLoop, type Loop} from '../../src/host/sim-loop.js';
import {linesOf, waitForFrame} from '../helpers/ink.js';
import {REPLAY, TERMS} from './replay-fixtures.js';

const plain = (frame: string | undefined): string => linesOf(frame).join('\n');
const HELP = /Keys/;
/** The header's playback (the help's own text says "while paused"). */
const PAUSED = /d\/s · paused/;
const RUNNING = /d\/s · running/;

afterEach(() => cleanup());

const {config} = loadScenario('afghanistan-2020', {seed: 'keys', set: ['stall.rollouts=10']});
const runLoop = (paused: boolean): Loop => new SimLoop((seed) => startRun({...config, seed}), {seed: 'keys', speed: 20, paused});
const replayLoop = (paused: boolean): Loop => new ReplayLoop(REPLAY, {terms: TERMS, speed: 20, paused});

const mount = (loop: Loop) => {
  const app = render(<Dashboard loop={loop} onQuit={vi.fn()} onInterrupt={vi.fn()} />);
  return {app, frame: () => plain(app.lastFrame())};
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each([
  ['run', runLoop],
  ['replay', replayLoop],
] as const)('help in a %s', (_name, make) => {
  it('pauses while open, and resumes once closed', async () => {
    const loop = make(false);
    const {app, frame} = mount(loop);
    await waitForFrame(frame, (f) => f.includes('running'));
    app.stdin.write('?');
    await waitForFrame(frame, (f) => HELP.test(f) && PAUSED.test(f));
    const day = loop.getSnapshot().day;
    await sleep(400);
    expect(loop.getSnapshot().day).toBe(day);
    // Other keys wait while the help is open: space does not set it going behind it.
    app.stdin.write(' ');
    await sleep(100);
    expect(loop.getSnapshot().playback).toBe('paused');
    app.stdin.write('?');
    await waitForFrame(frame, (f) => !HELP.test(f) && RUNNING.test(f));
    await waitForFrame(frame, () => loop.getSnapshot().day > day);
    app.stdin.write('?');
    await waitForFrame(frame, (f) => HELP.test(f) && PAUSED.test(f));
    app.stdin.write('\u001B');
    await waitForFrame(frame, (f) => !HELP.test(f) && RUNNING.test(f));
    loop.dispose();
  });

  it('leaves a paused one paused', async () => {
    const loop = make(true);
    const {app, frame} = mount(loop);
    await waitForFrame(frame, (f) => f.includes('paused'));
    app.stdin.write('?');
    await waitForFrame(frame, (f) => HELP.test(f));
    app.stdin.write('?');
    await waitForFrame(frame, (f) => !HELP.test(f));
    await sleep(200);
    expect(loop.getSnapshot().playback).toBe('paused');
    loop.dispose();
  });
});
