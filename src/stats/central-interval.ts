// Central prediction intervals of an ensemble and whether they cover an observation: the
// coverage of a calibrated forecast's 50% interval is 50% in the long run.
import {ensembleQuantile} from './ensemble.js';

/** The central interval at `level` (0.8: from the 10% to the 90% quantile), by src/stats/ensemble.ts's quantile. */
export function centralInterval(sorted: ArrayLike<number>, level: number): [lo: number, hi: number] {
  if (!(level > 0 && level < 1)) throw new RangeError(`centralInterval: level must be in (0, 1), got ${level}`);
  const tail = (1 - level) / 2;
  return [ensembleQuantile(sorted, tail), ensembleQuantile(sorted, 1 - tail)];
}

/** Whether `y` lies in the closed central interval at `level`. */
export function covers(sorted: ArrayLike<number>, y: number, level: number): boolean {
  const [lo, hi] = centralInterval(sorted, level);
  return y >= lo && y <= hi;
}
