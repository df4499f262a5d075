// The dashboard's keyboard controls, through stdin, on an in-process engine loop: space,
// right arrow, + and -, r, n, ? and q do what the help says.
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {loadScenario} from '../../src/scenario/resolve.js';
import {startRun} from '../../src/sim/run.js';
import {Dashboard} from '../../src/ui/dashboard/Dashboard.js';
import {SimLoop} from '../../src/host/sim-loop.js';
import {linesOf, waitForFrame} from '../helpers/ink.js';

const plain = (frame: string | undefined): string => linesOf(frame).join('\n');


const {config} = loadScenario('afghanistan-2020', {seed: 'keys', set: ['stall.rollouts=10']});

function setup() {
  const loop = new SimLoop((seed) => startRun({...config, seed}), {seed: 'keys', speed: 10, paused: true});
  const onQuit = vi.fn();
  const onInterrupt = vi.fn();
  const app = render(<Dashboard loop={loop} onQuit={onQuit} onInterrupt={onInterrupt} />);
  const frame = () => plain(app.lastFrame());
  return {loop, app, frame, onQuit, onInterrupt};
}

afterEach(() => cleanup());

describe('dashboard controls', () => {
  it('space resumes and pauses; the right arrow steps one day while paused', async () => {
    const {app, frame, loop} = setup();
    await waitForFrame(frame, (f) => f.includes('paused') && f.includes('day 0/'));
    app.stdin.write('\u001B[C');
    await waitForFrame(frame, (f) => f.includes('day 1/'));
    app.stdin.write('\u001B[C');
    await waitForFrame(frame, (f) => f.includes('day 2/'));
    app.stdin.write(' ');
    await waitForFrame(frame, (f) => f.includes('running'));
    await waitForFrame(frame, (f) => /day ([3-9]|\d\d+)\//.test(f));
    app.stdin.write(' ');
    await waitForFrame(frame, (f) => f.includes('paused'));
    loop.dispose();
  });

  it('+ and - change the speed', async () => {
    const {app, frame, loop} = setup();
    await waitForFrame(frame, (f) => f.includes('10 d/s'));
    app.stdin.write('+');
    await waitForFrame(frame, (f) => f.includes('20 d/s'));
    app.stdin.write('-');
    app.stdin.write('-');
    await waitForFrame(frame, (f) => f.includes('5 d/s'));
    loop.dispose();
  });

  it('r restarts with the same seed, n with a new one', async () => {
    const {app, frame, loop} = setup();
    for (let i = 0; i < 5; i++) loop.step();
    await waitForFrame(frame, (f) => f.includes('day 5/'));
    app.stdin.write('r');
    await waitForFrame(frame, (f) => f.includes('seed keys ') && /day [0-4]\//.test(f));
    app.stdin.write('n');
    await waitForFrame(frame, (f) => f.includes('seed keys~1'));
    app.stdin.write('n');
    await waitForFrame(frame, (f) => f.includes('seed keys~2'));
    loop.dispose();
  });

  it('? opens the help with the stall definition; ? closes it', async () => {
    const {app, frame, loop} = setup();
    await waitForFrame(frame, (f) => f.includes('paused'));
    app.stdin.write('?');
    const help = await waitForFrame(frame, (f) => /no progress/i.test(f));
    expect(help).toMatch(/walk-out/i);
    expect(help).toContain('14');
    app.stdin.write('?');
    await waitForFrame(frame, (f) => !/no progress/i.test(f) && f.includes('Gov → Taliban'));
    loop.dispose();
  });

  it('q quits', async () => {
    const {app, frame, onQuit, loop} = setup();
    await waitForFrame(frame, (f) => f.includes('paused'));
    app.stdin.write('q');
    await waitForFrame(() => String(onQuit.mock.calls.length), (n) => n === '1');
    loop.dispose();
  });
});
