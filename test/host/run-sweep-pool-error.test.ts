// A pool destroyed with chunks in flight can still hear from a worker about a task it dropped;
// piscina then emits 'error' ("Unexpected message from Worker") on the pool, which kills the
// process when nobody listens. The race is timing-bound, so a stand-in pool replays it exactly:
// the first chunk fails, and destroying the pool emits the stray 'error' as piscina does.
import {describe, expect, it, vi} from 'vitest';
import type {SweepPlan} from '../../src/sweep/plan.js';

vi.mock('piscina', async () => {
  const {EventEmitter} = await import('node:events');
  const {failure} = await import('../../src/host/thread-protocol.js');
  class Piscina extends EventEmitter {
    run(task: {from: number}): Promise<unknown> {
      if (task.from === 0) return Promise.resolve(failure(new Error('point 0 makes an invalid scenario')));
      return new Promise(() => {}); // still running when the sweep stops
    }
    destroy(): Promise<void> {
      this.emit('error', new Error('Unexpected message from Worker: {taskId: 5}'));
      return Promise.resolve();
    }
  }
  return {Piscina};
});
vi.mock('../../src/sweep/plan.js', () => ({planSource: () => ({})}));

describe('runSweep and the pool', () => {
  it('an error the pool reports after the sweep stopped neither replaces the sweep error nor escapes', async () => {
    const {runSweep} = await import('../../src/host/run-sweep.js');
    const plan = {runs: 100, design: {listBytes: 0}} as unknown as SweepPlan;
    await expect(runSweep({plan, workers: 2, chunkSize: 10, write: () => {}})).rejects.toThrow('point 0 makes an invalid scenario');
  });
});
