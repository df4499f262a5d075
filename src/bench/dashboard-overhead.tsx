// The dashboard must not slow the engine: the dashboard's engine thread at top speed with the
// dashboard rendering (into an off-screen terminal) against the same thread with nothing drawn.
// Both start a fresh thread, load the scenario and run it with daily stall risk, so the
// difference is what drawing adds. (A plain `parley run` is no baseline for this: it runs on the
// main thread, whose engine code the bench has already compiled, while a new thread compiles its
// own; that alone made the plain run some 40% faster.) `plainRunMs` is that run, for reference.
// It runs in a process of its own (dashboard-probe.ts): Ink hides the off-screen terminal's
// cursor, and the hiding (cli-cursor) leaves an exit hook that writes ESC[?25h to the process's
// stderr, terminal or not; in a probe, that lands in a pipe nobody prints.
import {PassThrough} from 'node:stream';
import {render} from 'ink';
import {runReport} from '../host/run-report.js';
import {Dashboard} from '../ui/dashboard/Dashboard.js';
import type {Loop} from '../host/sim-loop.js';
import {startLoopThread} from '../host/start-loop-thread.js';
import {median} from '../stats/median.js';

/** A terminal that nobody looks at: Ink renders into it as into a real one. */
function offscreen(columns: number, rows: number): NodeJS.WriteStream {
  const out = new PassThrough() as unknown as NodeJS.WriteStream & PassThrough;
  Object.assign(out, {isTTY: true, columns, rows});
  out.resume();
  return out;
}

/** Resolves once the loop's run has finished. */
const finished = (loop: Loop): Promise<void> =>
  new Promise<void>((resolve) => {
    const check = (): void => {
      if (loop.getSnapshot().playback === 'finished') resolve();
    };
    loop.subscribe(check);
    check();
  });

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
  await finished(loop);
  const ms = performance.now() - t0;
  app.unmount();
  loop.dispose();
  return ms;
}

/** The same engine thread at top speed, its snapshots arriving with nobody drawing them. */
async function headlessRun(scenario: string, seed: string, set: string[]): Promise<number> {
  const t0 = performance.now();
  const {loop} = await startLoopThread({ref: scenario, load: {seed, set}, speed: Infinity});
  await finished(loop);
  const ms = performance.now() - t0;
  loop.dispose();
  return ms;
}

async function plainRun(scenario: string, seed: string, set: string[]): Promise<number> {
  const t0 = performance.now();
  await runReport({ref: scenario, load: {seed, set}, stallRisk: undefined, version: 'bench'}, () => undefined);
  return performance.now() - t0;
}

/** `set`: scenario overrides, e.g. more stall-risk rollouts for a longer run. */
export async function dashboardOverhead(scenario: string, trials: number, set: string[] = []): Promise<{headlessMs: number; dashboardMs: number; plainRunMs: number; ratio: number}> {
  const headless: number[] = [];
  const dashboard: number[] = [];
  const plain: number[] = [];
  for (let i = 0; i < trials; i++) {
    const seed = `overhead-${i}`;
    headless.push(await headlessRun(scenario, seed, set));
    dashboard.push(await dashboardRun(scenario, seed, set));
    plain.push(await plainRun(scenario, seed, set));
  }
  const headlessMs = median(headless);
  const dashboardMs = median(dashboard);
  return {headlessMs, dashboardMs, plainRunMs: median(plain), ratio: dashboardMs / headlessMs};
}
