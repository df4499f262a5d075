// `parley` and `parley run` on a terminal: the Ink app, with the engine on a worker thread.
// Ink and React load only here, so plain output never pays for them.
import {render} from 'ink';
import type {LoadOptions} from '../scenario/resolve.js';
import {App, type AppResult} from '../ui/App.js';
import type {Loop} from '../ui/dashboard/sim-loop.js';
import {startWorkerLoop} from '../ui/dashboard/worker-loop.js';
import {firstSentence} from '../ui/text.js';
import {catalog} from './catalog.js';
import type {Io} from './io.js';

export interface DashboardOptions {
  /** Open this scenario directly; without it, the picker comes first. */
  scenario?: string;
  load: LoadOptions;
  stallRisk?: boolean;
  speed?: number;
  from?: string;
}

export async function runDashboard(io: Io, options: DashboardOptions): Promise<number> {
  const notes: string[] = [];
  let loop: Loop | null = null;
  const startLoop = async (scenario: string): Promise<Loop> => {
    const started = await startWorkerLoop({ref: scenario, load: options.load, speed: options.speed, stallRisk: options.stallRisk, from: options.from});
    notes.push(...started.notes);
    return started.loop;
  };
  const scenarios = catalog().scenarios.map((s) => ({name: s.name, description: firstSentence(s.description)}));
  const instance = render(<App scenarios={scenarios} initial={options.scenario} startLoop={startLoop} onLoop={(l) => (loop = l)} />, {
    exitOnCtrlC: false,
    patchConsole: false,
    maxFps: 20,
  });
  let result: AppResult | undefined;
  try {
    result = (await instance.waitUntilExit()) as AppResult | undefined;
  } finally {
    (loop as Loop | null)?.dispose();
  }
  for (const note of notes) io.stderr(`note: ${note}\n`);
  // Errors (an invalid scenario: InputError, exit 2) are reported after the terminal is restored.
  if (result?.error) throw result.error;
  return result?.code ?? 0;
}
