// `parley`, `parley run` and `parley replay` on a terminal: the Ink app. A model run has its
// engine on a worker thread; a replay of the record runs in-process (no engine, microseconds a
// frame). Ink and React load only here, so plain output never pays for them.
import {render} from 'ink';
import type {Replay} from '../history/replay.js';
import type {Posterior} from '../scenario/posterior.js';
import type {LoadOptions} from '../scenario/resolve.js';
import {App, type AppProps, type AppResult} from '../ui/App.js';
import {Hyperlinks} from '../ui/dashboard/Lines.js';
import {ReplayLoop} from '../host/replay-loop.js';
import type {ReplayFrame} from '../host/replay-snapshot.js';
import type {Loop} from '../host/sim-loop.js';
import {startLoopThread} from '../host/start-loop-thread.js';
import {firstSentence} from '../text/plain.js';
import {catalog} from '../host/catalog.js';
import type {Io} from './io.js';
import {supportsHyperlinks} from './mode.js';

export interface DashboardOptions {
  /** Open this scenario directly; without it, the picker comes first. */
  scenario?: string;
  load: LoadOptions;
  stallRisk?: boolean;
  speed?: number;
  from?: string;
  /** --posterior, read: each run draws its parameters from it by its seed. */
  posterior?: Posterior;
}

export async function runDashboard(io: Io, options: DashboardOptions): Promise<number> {
  const notes: string[] = [];
  const startLoop = async (scenario: string): Promise<Loop> => {
    const started = await startLoopThread({ref: scenario, load: options.load, speed: options.speed, stallRisk: options.stallRisk, from: options.from, posterior: options.posterior});
    notes.push(...started.notes);
    return started.loop;
  };
  const scenarios = catalog().scenarios.map((s) => ({name: s.name, description: firstSentence(s.description)}));
  try {
    return await runApp({scenarios, initial: options.scenario, startLoop});
  } finally {
    for (const note of notes) io.stderr(`note: ${note}\n`);
  }
}

export interface ReplayDashboardOptions extends Pick<ReplayFrame, 'terms' | 'compare'> {
  replay: Replay;
  speed?: number;
}

/** `parley replay` on a terminal: the record day by day in the dashboard. */
export async function runReplayDashboard(options: ReplayDashboardOptions): Promise<number> {
  const {replay, terms, compare, speed} = options;
  return runApp({scenarios: [], initial: replay.history.name, startLoop: async () => new ReplayLoop(replay, {terms, compare, speed})});
}

/** Renders the app until it exits; the loop is disposed of however it ends. */
async function runApp(props: Omit<AppProps, 'onLoop'>): Promise<number> {
  let loop: Loop | null = null;
  const instance = render(
    <Hyperlinks.Provider value={supportsHyperlinks()}>
      <App {...props} onLoop={(l) => (loop = l)} />
    </Hyperlinks.Provider>,
    {exitOnCtrlC: false, patchConsole: false, maxFps: 20},
  );
  let result: AppResult | undefined;
  try {
    result = (await instance.waitUntilExit()) as AppResult | undefined;
  } finally {
    (loop as Loop | null)?.dispose();
  }
  // Errors (an invalid scenario: InputError, exit 2) are reported after the terminal is restored.
  if (result?.error) throw result.error;
  return result?.code ?? 0;
}
