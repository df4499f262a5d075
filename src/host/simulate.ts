// Runs a simulation on a worker thread. The engine is synchronous and a run can take minutes
// (many stall-risk rollouts); off the main thread, Ctrl-C is handled at once instead of after
// the run.
import {Worker} from 'node:worker_threads';
import {InputError} from '../scenario/resolve.js';
import type {RunJob} from './prepare-run.js';
import type {RunReport} from '../sim/report.js';

export interface SimulationJob extends RunJob {
  version: string;
}

/** Messages from the worker, in order: `loaded` then `report`, or `error` at any point. */
export type WorkerMessage =
  | {type: 'loaded'; notes: string[]}
  | {type: 'report'; report: RunReport}
  | {type: 'error'; inputError: boolean; message: string; stack: string | undefined};

/** Resolves with the report; calls `onLoaded` once the scenario is valid, before the (long) run. */
export function simulate(job: SimulationJob, onLoaded: (loaded: {notes: string[]}) => void): Promise<RunReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./simulate-worker.js', import.meta.url), {workerData: job});
    let settled = false;
    const settle = (f: () => void) => {
      settled = true;
      f();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'loaded') {
        try {
          onLoaded(m);
        } catch (e) {
          void worker.terminate();
          settle(() => reject(e as Error));
        }
      } else if (m.type === 'report') settle(() => resolve(m.report));
      else settle(() => reject(m.inputError ? new InputError(m.message) : Object.assign(new Error(m.message), {stack: m.stack})));
    });
    worker.on('error', (e) => settle(() => reject(e)));
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`simulation worker exited with code ${code} before reporting`));
    });
  });
}
