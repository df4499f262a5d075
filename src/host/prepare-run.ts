// What both engine workers (the plain run and the dashboard loop) do first: load the scenario,
// build the fork for --from, and choose the run options; and how their errors cross the thread.
import {forkForScenario} from '../history/fork.js';
import {scenarioHistory} from '../history/load.js';
import {replayTimeline, type Replay} from '../history/replay.js';
import {InputError, loadScenario, type LoadOptions} from '../scenario/resolve.js';
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

/** Error classes do not survive the thread boundary: send plain data. */
export function errorMessage(e: unknown): {type: 'error'; inputError: boolean; message: string; stack: string | undefined} {
  const err = e instanceof Error ? e : new Error(String(e));
  return {type: 'error', inputError: e instanceof InputError, message: err.message, stack: err.stack};
}
