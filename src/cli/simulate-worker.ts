// The worker side of simulate.ts: load, run, report. Errors travel back as plain data because
// error classes do not survive the thread boundary.
import {parentPort, workerData} from 'node:worker_threads';
import {InputError, loadScenario} from '../scenario/resolve.js';
import {buildReport} from '../sim/report.js';
import {runSimulation} from '../sim/run.js';
import {forkForScenario} from '../history/fork.js';
import type {SimulationJob, WorkerMessage} from './simulate.js';

const job = workerData as SimulationJob;
const post = (m: WorkerMessage): void => parentPort!.postMessage(m);

try {
  const loaded = loadScenario(job.ref, job.load);
  const {config, notes} = loaded;
  const fork = job.from === undefined ? undefined : forkForScenario(loaded, job.from);
  post({type: 'loaded', notes});
  const options = {...(job.stallRisk === undefined ? {} : {stallRisk: job.stallRisk}), fork};
  post({type: 'report', report: buildReport(runSimulation(config, options), job.version)});
} catch (e) {
  const err = e instanceof Error ? e : new Error(String(e));
  post({type: 'error', inputError: e instanceof InputError, message: err.message, stack: err.stack});
}
