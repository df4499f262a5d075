// The engine's thread while the dashboard is open: loads the scenario, runs a SimLoop and posts
// its snapshots; the UI thread (start-loop-thread.ts) renders them and sends back the controls.
// On its own thread the engine is never slowed by rendering. Errors go back as thread-protocol
// Failures.
import {prepareRun, type RunJob} from './prepare-run.js';
import {startRun} from '../sim/run.js';
import {SimLoop} from './sim-loop.js';
import type {Snapshot} from './snapshot.js';
import {serveThread} from './thread-protocol.js';

export interface LoopJob extends RunJob {
  speed?: number;
}

/** The UI thread's controls. */
export type LoopRequest = {type: 'toggle-pause' | 'step' | 'faster' | 'slower'} | {type: 'restart'; seed?: string} | {type: 'hold'; on: boolean};

/** The thread's messages: `ready` once the scenario is loaded, then a `snapshot` each time it changes. */
export type LoopMessage = {type: 'ready'; notes: string[]; snapshot: Snapshot} | {type: 'snapshot'; snapshot: Snapshot};

serveThread<LoopJob, LoopMessage, LoopRequest>(async (job, post, onRequest) => {
  const {config, notes, options, replay, configFor, drawnFor} = await prepareRun(job);
  // With a history, each snapshot carries the record on the run's day (plain data, a few numbers).
  // A restart with a new seed draws that seed's particle, with --posterior (configFor).
  const loop = new SimLoop((seed) => startRun(configFor(seed), options), {seed: config.seed, speed: job.speed, history: replay, drawn: drawnFor});
  post({type: 'ready', notes, snapshot: loop.getSnapshot()});
  loop.subscribe(() => post({type: 'snapshot', snapshot: loop.getSnapshot()}));
  onRequest((m) => {
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
    }
  });
});
