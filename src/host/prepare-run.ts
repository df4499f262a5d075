// What the plain run (run-report.ts) and the dashboard's loop thread (loop-thread.ts) do first:
// load the scenario, build the fork for --from, and choose the run options.
import {forkForScenario} from '../history/fork.js';
import {scenarioHistory} from '../history/load.js';
import {replayTimeline, type Replay} from '../history/replay.js';
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

export function prepareRun(job: RunJob): PreparedRun {
  const loaded = loadScenario(job.ref, job.load);
  const history = scenarioHistory(loaded);
  const replay = history ? replayTimeline(history) : null;
  const fork = job.from === undefined ? undefined : forkForScenario(loaded, job.from, replay);
  return {config: loaded.config, notes: loaded.notes, options: {...(job.stallRisk === undefined ? {} : {stallRisk: job.stallRisk}), fork}, replay};
}

