// The UI thread's side of the dashboard's engine thread (loop-thread.ts): a Loop whose snapshots
// arrive by message and whose controls go back by message.
import type {LoopJob, LoopMessage, LoopRequest} from './loop-thread.js';
import type {Loop} from './sim-loop.js';
import type {Snapshot} from './snapshot.js';
import {startThread as startWorker} from './thread-protocol.js';

export interface StartedLoop {
  loop: Loop;
  notes: string[];
}

/**
 * Starts the engine thread; resolves once the scenario is loaded and the first snapshot is in.
 * An error before that rejects; an error after it goes to the loop's onFailure listener.
 * `startThread` is the thread starter (a fake one in tests).
 */
export function startLoopThread(job: LoopJob, startThread: typeof startWorker = startWorker): Promise<StartedLoop> {
  return new Promise((resolve, reject) => {
    let snapshot: Snapshot | null = null;
    let ready = false;
    let failed: Error | null = null;
    let onFailure: ((error: Error) => void) | null = null;
    const listeners = new Set<() => void>();
    const thread = startThread<LoopJob, LoopMessage, LoopRequest>(new URL('./loop-thread.js', import.meta.url), job, {
      onMessage: (m) => {
        snapshot = m.snapshot;
        if (m.type === 'ready') {
          ready = true;
          resolve({loop, notes: m.notes});
        } else for (const l of listeners) l();
      },
      // Before `ready`: the scenario is invalid (an InputError) or the thread failed. After it:
      // the engine failed mid-run; kept until someone listens.
      onError: (e) => {
        if (!ready) return reject(e);
        failed = e;
        onFailure?.(e);
      },
    });
    const send = thread.send;
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
      // Held in the thread, where the playback is known at once (a pause sent just before is not yet in this thread's snapshot).
      hold: (on) => send({type: 'hold', on}),
      dispose: () => {
        listeners.clear();
        onFailure = null;
        thread.stop();
      },
      onFailure: (listener) => {
        onFailure = listener;
        if (failed) listener(failed);
      },
    };
  });
}
