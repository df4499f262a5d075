// The engine's thread while the dashboard is open: loads the scenario, runs a SimLoop and
// posts its snapshots; the UI thread renders them and sends back the controls. On its own
// thread the engine is never slowed by rendering.
import {parentPort, workerData} from 'node:worker_threads';
import {InputError, loadScenario, type LoadOptions} from '../../scenario/resolve.js';
import {startRun} from '../../sim/run.js';
import {forkForScenario} from '../../history/fork.js';
import {SimLoop} from './sim-loop.js';
import type {LoopRequest, LoopMessage} from './worker-loop.js';

export interface LoopJob {
  ref: string;
  load: LoadOptions;
  speed?: number;
  stallRisk?: boolean;
  /** Start from the scenario's history on this date (`--from`). */
  from?: string;
}

const job = workerData as LoopJob;
const post = (m: LoopMessage): void => parentPort!.postMessage(m);

try {
  const loaded = loadScenario(job.ref, job.load);
  const {config, notes} = loaded;
  const fork = job.from === undefined ? undefined : forkForScenario(loaded, job.from);
  const options = {...(job.stallRisk === undefined ? {} : {stallRisk: job.stallRisk}), fork};
  const loop = new SimLoop((seed) => startRun({...config, seed}, options), {seed: config.seed, speed: job.speed});
  post({type: 'ready', notes, snapshot: loop.getSnapshot()});
  loop.subscribe(() => post({type: 'snapshot', snapshot: loop.getSnapshot()}));
  parentPort!.on('message', (m: LoopRequest) => {
    switch (m.type) {
      case 'toggle-pause':
        return loop.togglePause();
      case 'step':
        return loop.step();
      case 'faster':
        return loop.faster();
      case 'slower':
        return loop.slower();
      case 'restart':
        return loop.restart(m.seed);
      case 'dispose':
        loop.dispose();
        return process.exit(0);
    }
  });
} catch (e) {
  const err = e instanceof Error ? e : new Error(String(e));
  post({type: 'error', inputError: e instanceof InputError, message: err.message, stack: err.stack});
}
