// The UI thread's side of the engine worker: a Loop whose snapshots arrive by message.
import {Worker} from 'node:worker_threads';
import {InputError} from '../scenario/errors.js';
import type {LoopJob} from './loop-worker.js';
import type {Loop} from './sim-loop.js';
import type {Snapshot} from './snapshot.js';

export type LoopRequest = {type: 'toggle-pause' | 'step' | 'faster' | 'slower' | 'dispose'} | {type: 'restart'; seed?: string} | {type: 'hold'; on: boolean};
export type LoopMessage =
  | {type: 'ready'; notes: string[]; snapshot: Snapshot}
  | {type: 'snapshot'; snapshot: Snapshot}
  | {type: 'error'; inputError: boolean; message: string; stack: string | undefined};

export interface StartedLoop {
  loop: Loop;
  notes: string[];
}

/** Starts the engine worker; resolves once the scenario is loaded and the first snapshot is in. */
export function startWorkerLoop(job: LoopJob): Promise<StartedLoop> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./loop-worker.js', import.meta.url), {workerData: job});
    let snapshot: Snapshot | null = null;
    const listeners = new Set<() => void>();
    const send = (m: LoopRequest): void => worker.postMessage(m);
    const loop: Loop = {
      subscribe: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      getSnapshot: () => snapshot!,
      togglePause: () => send({type: 'toggle-pause'}),
      step: () => send({type: 'step'}),
      faster: () => send({type: 'faster'}),
      slower: () => send({type: 'slower'}),
      restart: (seed) => send({type: 'restart', seed}),
      // Held in the worker, where the playback is known at once (a pause sent just before is not yet in this thread's snapshot).
      hold: (on) => send({type: 'hold', on}),
      dispose: () => {
        listeners.clear();
        void worker.terminate();
      },
    };
    worker.on('message', (m: LoopMessage) => {
      if (m.type === 'error') {
        void worker.terminate();
        reject(m.inputError ? new InputError(m.message) : Object.assign(new Error(m.message), {stack: m.stack}));
        return;
      }
      snapshot = m.snapshot;
      if (m.type === 'ready') resolve({loop, notes: m.notes});
      else for (const l of listeners) l();
    });
    worker.on('error', reject);
  });
}
