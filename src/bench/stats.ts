// Small timing helpers for the benchmark: repeated trials, medians (robust to a noisy machine).
import {median} from '../stats/median.js';

/** Runs `fn` repeatedly for about `ms` milliseconds; returns calls per second and total units. */
export function throughput(fn: () => number, ms: number): {perSecond: number; unitsPerSecond: number} {
  const t0 = performance.now();
  let calls = 0;
  let units = 0;
  let now = t0;
  while (now - t0 < ms) {
    units += fn();
    calls++;
    now = performance.now();
  }
  const s = (now - t0) / 1000;
  return {perSecond: calls / s, unitsPerSecond: units / s};
}

/** Times single calls; returns the median in milliseconds. */
export function timeEach(fn: () => void, repeats: number): number {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}
