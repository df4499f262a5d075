// What both engine workers (the plain run and the dashboard loop) do first: load the scenario,
// build the fork for --from, and choose the run options; and how their errors cross the thread.
import {forkForScenario} from '../history/fork.js';
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

export function prepareRun(job: RunJob): {config: SimConfig; notes: string[]; options: RunOptions} {
  const loaded = loadScenario(job.ref, job.load);
  const fork = job.from === undefined ? undefined : forkForScenario(loaded, job.from);
  return {config: loaded.config, notes: loaded.notes, options: {...(job.stallRisk === undefined ? {} : {stallRisk: job.stallRisk}), fork}};
}

/** Error classes do not survive the thread boundary: send plain data. */
export function errorMessage(e: unknown): {type: 'error'; inputError: boolean; message: string; stack: string | undefined} {
  const err = e instanceof Error ? e : new Error(String(e));
  return {type: 'error', inputError: e instanceof InputError, message: err.message, stack: err.stack};
}
