// A hand-cranked clock for the dashboard's loops (SimLoop, ReplayLoop): nothing happens until
// the test advances time, so pacing is tested without waiting and without flakiness.
import type {LoopTimers} from '../../src/host/sim-loop.js';

/**
 * A fake clock: `advance(ms)` moves time and runs whatever timers fall due, in order; `pending()`
 * counts the timers still set. Each reading of the clock costs `costPerReading` ms.
 */
export function fakeTimers(costPerReading = 0) {
  let now = 0;
  let next = 1;
  const pending = new Map<number, {at: number; fn: () => void}>();
  const timers: LoopTimers = {
    now: () => (now += costPerReading),
    later: (fn, ms) => {
      const id = next++;
      pending.set(id, {at: now + Math.max(0, ms), fn});
      return id;
    },
    cancel: (id) => void pending.delete(id as number),
  };
  const advance = (ms: number): void => {
    const end = now + ms;
    for (;;) {
      const due = [...pending.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0]);
      if (due.length === 0) break;
      const [id, t] = due[0]!;
      pending.delete(id);
      now = Math.max(now, t.at);
      t.fn();
    }
    now = end;
  };
  return {timers, advance, pending: (): number => pending.size};
}
