// The dashboard must not slow the engine: `parley run` at top speed with the dashboard rendering
// (into an off-screen terminal) against the same `parley run` headless. Both are the CLI's own
// paths, each loading the scenario and running it with daily stall risk (the dashboard's on a
// thread of its own, the plain run on this one); the difference is what the dashboard adds: its
// snapshots, the messages between threads and the rendering.
import {PassThrough} from 'node:stream';
import {render} from 'ink';
import {runReport} from '../host/run-report.js';
import {Dashboard} from '../ui/dashboard/Dashboard.js';
import {startLoopThread} from '../host/start-loop-thread.js';
import {median} from '../stats/median.js';

/** A terminal that nobody looks at: Ink renders into it as into a real one. */
function offscreen(columns: number, rows: number): NodeJS.WriteStream {
  const out = new PassThrough() as unknown as NodeJS.WriteStream & PassThrough;
  Object.assign(out, {isTTY: true, columns, rows});
  out.resume();
  return out;
}

async function dashboardRun(scenario: string, seed: string, set: string[]): Promise<number> {
  const t0 = performance.now();
  const {loop} = await startLoopThread({ref: scenario, load: {seed, set}, speed: Infinity});
  const stdin = new PassThrough() as unknown as NodeJS.ReadStream;
  const app = render(<Dashboard loop={loop} onQuit={() => undefined} onInterrupt={() => undefined} />, {
    stdout: offscreen(100, 30),
    stdin,
    exitOnCtrlC: false,
    patchConsole: false,
    maxFps: 20,
  });
  await new Promise<void>((resolve) => {
    const check = (): void => {
      if (loop.getSnapshot().playback === 'finished') resolve();
    };
    loop.subscribe(check);
    check();
  });
  const ms = performance.now() - t0;
  app.unmount();
  loop.dispose();
  return ms;
}

async function headlessRun(scenario: string, seed: string, set: string[]): Promise<number> {
  const t0 = performance.now();
  await runReport({ref: scenario, load: {seed, set}, stallRisk: undefined, version: 'bench'}, () => undefined);
  return performance.now() - t0;
}

/** `set`: scenario overrides, e.g. more stall-risk rollouts for a longer run. */
export async function dashboardOverhead(scenario: string, trials: number, set: string[] = []): Promise<{headlessMs: number; dashboardMs: number; ratio: number}> {
  const headless: number[] = [];
  const dashboard: number[] = [];
  for (let i = 0; i < trials; i++) {
    const seed = `overhead-${i}`;
    headless.push(await headlessRun(scenario, seed, set));
    dashboard.push(await dashboardRun(scenario, seed, set));
  }
  const headlessMs = median(headless);
  const dashboardMs = median(dashboard);
  return {headlessMs, dashboardMs, ratio: dashboardMs / headlessMs};
}
