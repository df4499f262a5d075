// The engine's thread while the dashboard is open: loads the scenario, runs a SimLoop and
// posts its snapshots; the UI thread renders them and sends back the controls. On its own
// thread the engine is never slowed by rendering.
import {parentPort, workerData} from 'node:worker_threads';
import {errorMessage, prepareRun, type RunJob} from './prepare-run.js';
import {startRun} from '../sim/run.js';
import {SimLoop} from './sim-loop.js';
import type {LoopRequest, LoopMessage} from './worker-loop.js';

export interface LoopJob extends RunJob {
  speed?: number;
}

const job = workerData as LoopJob;
const post = (m: LoopMessage): void => parentPort!.postMessage(m);

try {
  const {config, notes, options, replay} = prepareRun(job);
  // With a history, each snapshot carries the record on the run's day (plain data, a few numbers).
  const loop = new SimLoop((seed) => startRun({...config, seed}, options), {seed: config.seed, speed: job.speed, history: replay});
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
      case 'hold':
        return loop.hold(m.on);
      case 'dispose':
        loop.dispose();
        return process.exit(0);
    }
  });
} catch (e) {
  post(errorMessage(e));
}
