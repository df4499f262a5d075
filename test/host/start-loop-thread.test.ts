// The dashboard's engine thread, seen from the UI thread (src/host/start-loop-thread.ts): an error
// before the first snapshot rejects the start; one after it reaches the loop's onFailure
// listener, even one registered later, so the app exits with it instead of freezing.
import {describe, expect, it, vi} from 'vitest';
import {startLoopThread} from '../../src/host/start-loop-thread.js';
import type {LoopJob} from '../../src/host/loop-thread.js';
import type {Snapshot} from '../../src/host/snapshot.js';
import type {ThreadHandlers} from '../../src/host/thread-protocol.js';

/** A thread starter that hands its handlers to the test and records what is sent and stopped. */
function fakeThread() {
  let handlers: ThreadHandlers<unknown> | null = null;
  const stopped = vi.fn();
  const start = ((_url: URL, _job: unknown, h: ThreadHandlers<unknown>) => {
    handlers = h;
    return {send: vi.fn(), stop: stopped};
  }) as unknown as Parameters<typeof startLoopThread>[1];
  return {start, stopped, handlers: () => handlers!};
}

const JOB: LoopJob = {ref: 'baseline', load: {}};
const SNAPSHOT = {day: 0} as unknown as Snapshot;

describe('startLoopThread', () => {
  it('an error before ready rejects', async () => {
    const t = fakeThread();
    const started = startLoopThread(JOB, t.start);
    t.handlers().onError(new Error('bad scenario'));
    await expect(started).rejects.toThrow('bad scenario');
  });

  it('an error after ready goes to onFailure, registered before or after it', async () => {
    const t = fakeThread();
    const started = startLoopThread(JOB, t.start);
    t.handlers().onMessage({type: 'ready', notes: ['n'], snapshot: SNAPSHOT});
    const {loop, notes} = await started;
    expect(notes).toEqual(['n']);
    expect(loop.getSnapshot()).toBe(SNAPSHOT);
    const early = vi.fn();
    loop.onFailure!(early);
    const boom = new Error('engine failed on day 12');
    t.handlers().onError(boom);
    expect(early).toHaveBeenCalledWith(boom);
    const late = vi.fn();
    loop.onFailure!(late);
    expect(late).toHaveBeenCalledWith(boom);
  });

  it('snapshots after ready reach the subscribers; dispose stops the thread and silences them', async () => {
    const t = fakeThread();
    const started = startLoopThread(JOB, t.start);
    t.handlers().onMessage({type: 'ready', notes: [], snapshot: SNAPSHOT});
    const {loop} = await started;
    const heard = vi.fn();
    loop.subscribe(heard);
    const next = {day: 1} as unknown as Snapshot;
    t.handlers().onMessage({type: 'snapshot', snapshot: next});
    expect(heard).toHaveBeenCalledTimes(1);
    expect(loop.getSnapshot()).toBe(next);
    loop.dispose();
    expect(t.stopped).toHaveBeenCalled();
    t.handlers().onMessage({type: 'snapshot', snapshot: SNAPSHOT});
    expect(heard).toHaveBeenCalledTimes(1);
  });
});
