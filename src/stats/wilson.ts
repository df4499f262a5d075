// The Wilson score interval of a proportion: unlike p ± z·se it stays inside [0, 1] and is not
// empty at 0 or n hits, which the stall-risk estimate meets often with few rollouts.
import {normalQuantile} from './normal-quantile.js';

/** Wilson score interval for `hits` successes in `n` trials at the given two-sided confidence. */
export function wilson(hits: number, n: number, confidence: number): {p: number; lo: number; hi: number} {
  if (n <= 0) return {p: 0, lo: 0, hi: 1};
  const z = normalQuantile(0.5 + confidence / 2);
  const p = hits / n;
  const z2 = z * z;
  const den = 1 + z2 / n;
  const mid = (p + z2 / (2 * n)) / den;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / den;
  // Clamp so that lo <= p <= hi holds exactly despite rounding at 0 and 1.
  return {p, lo: Math.min(p, Math.max(0, mid - half)), hi: Math.max(p, Math.min(1, mid + half))};
}
