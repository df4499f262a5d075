// A standard normal from one uniform, by the quantile function: one uniform per normal (Box–Muller
// takes two and makes pairs), so a keyed stream's k-th normal is always its k-th uniform.
import {normalQuantile} from './normal-quantile.js';

/** The least probability passed on, and 1 less it the most: a uniform of exactly 0 has no quantile. */
export const EDGE = 2 ** -53;

/** The standard normal quantile of u, a uniform in [0, 1). */
export function standardNormal(u: number): number {
  return normalQuantile(Math.min(Math.max(u, EDGE), 1 - EDGE));
}
