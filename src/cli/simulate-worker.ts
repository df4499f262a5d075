// The worker side of simulate.ts: load, run, report. Errors travel back as plain data because
// error classes do not survive the thread boundary.
import {parentPort, workerData} from 'node:worker_threads';
import {InputError, loadScenario} from '../scenario/resolve.js';
import {buildReport} from '../sim/report.js';
import {runSimulation} from '../sim/run.js';
import type {SimulationJob, WorkerMessage} from './simulate.js';

const job = workerData as SimulationJob;
const post = (m: WorkerMessage): void => parentPort!.postMessage(m);

try {
  const {config, notes} = loadScenario(job.ref, job.load);
  // The same completion targets as the engine's (src/sim/step.ts); the report does not carry them.
  const targets = {
    government: Math.ceil(config.completion.government * config.govPool.onList),
    taliban: Math.ceil(config.completion.taliban * config.talPool.size),
  };
  post({type: 'loaded', notes, context: {targets, confidence: config.stall.confidence}});
  const options = job.stallRisk === undefined ? {} : {stallRisk: job.stallRisk};
  post({type: 'report', report: buildReport(runSimulation(config, options), job.version)});
} catch (e) {
  const err = e instanceof Error ? e : new Error(String(e));
  post({type: 'error', inputError: e instanceof InputError, message: err.message, stack: err.stack});
}
