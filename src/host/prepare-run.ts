// What the plain run (run-report.ts) and the dashboard's loop thread (loop-thread.ts) do first:
// load the scenario, build the fork for --from, and choose the run options. The record's modules
// (and the history schema) load only for a scenario that names a history, or for --from.
import type {Replay} from '../history/replay.js';
import {loadScenario, type LoadOptions} from '../scenario/resolve.js';
import type {SimConfig} from '../sim/config.js';
import type {RunOptions} from '../sim/run.js';

export interface RunJob {
  ref: string;
  load: LoadOptions;
  /** false: no daily stall risk; undefined: as the scenario says. */
  stallRisk?: boolean;
  /** Start from the scenario's history on this date (`--from`). */
  from?: string;
}

export interface PreparedRun {
  config: SimConfig;
  notes: string[];
  options: RunOptions;
  /** The scenario's history replayed, when it names one: what the run is set against. */
  replay: Replay | null;
}

export async function prepareRun(job: RunJob): Promise<PreparedRun> {
  const loaded = loadScenario(job.ref, job.load);
  const prepared = (fork: RunOptions['fork'], replay: Replay | null): PreparedRun => ({config: loaded.config, notes: loaded.notes, options: {...(job.stallRisk === undefined ? {} : {stallRisk: job.stallRisk}), fork}, replay});
  if (!loaded.scenario.history && job.from === undefined) return prepared(undefined, null);
  const [{scenarioHistory}, {replayTimeline}, {forkForScenario}] = await Promise.all([import('../history/load.js'), import('../history/replay.js'), import('../history/fork.js')]);
  const history = scenarioHistory(loaded);
  const replay = history ? replayTimeline(history) : null;
  return prepared(job.from === undefined ? undefined : forkForScenario(loaded, job.from, replay), replay);
}

