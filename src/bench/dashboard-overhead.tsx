// The dashboard must not slow the engine: `parley run` at top speed with the dashboard rendering
// (into an off-screen terminal) against the same `parley run` headless. Both are the CLI's own
// paths, each a fresh worker thread that loads the scenario and runs it with daily stall risk;
// the difference is what the dashboard adds: its snapshots and the rendering.
import {PassThrough} from 'node:stream';
import {render} from 'ink';
import {simulate} from '../host/simulate.js';
import {Dashboard} from '../ui/dashboard/Dashboard.js';
import {startWorkerLoop} from '../host/worker-loop.js';
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
  const {loop} = await startWorkerLoop({ref: scenario, load: {seed, set}, speed: Infinity});
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
  await simulate({ref: scenario, load: {seed, set}, stallRisk: undefined, version: 'bench'}, () => undefined);
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
