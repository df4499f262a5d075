// The worker side of simulate.ts: load, run, report. Errors travel back as plain data because
// error classes do not survive the thread boundary.
import {parentPort, workerData} from 'node:worker_threads';
import {runDivergence} from '../history/divergence.js';
import {buildReport} from '../sim/report.js';
import {runSimulation} from '../sim/run.js';
import {errorMessage, prepareRun} from './prepare-run.js';
import type {SimulationJob, WorkerMessage} from './simulate.js';

const job = workerData as SimulationJob;
const post = (m: WorkerMessage): void => parentPort!.postMessage(m);

try {
  const {config, notes, options, replay} = prepareRun(job);
  post({type: 'loaded', notes});
  const result = runSimulation(config, options);
  post({type: 'report', report: buildReport(result, job.version, replay ? runDivergence(replay, result) : null)});
} catch (e) {
  post(errorMessage(e));
}
