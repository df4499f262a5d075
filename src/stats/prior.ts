// The priors of an ABC-SMC fit (src/stats/abc-smc.ts): one per parameter, independent of one
// another, a uniform or a normal that may be truncated to [lo, hi]. Supports are closed intervals
// (or the whole line), so "inside the support" is a comparison and the density is positive on it.
import {normalCdf} from './normal-cdf.js';
import {normalLogDensity} from './normal-density.js';
import {normalQuantile} from './normal-quantile.js';
import {EDGE, standardNormal} from './normal-draw.js';

export type Prior = {kind: 'uniform'; lo: number; hi: number} | {kind: 'normal'; mean: number; sd: number; lo?: number; hi?: number /* optional truncation */};

/** The probability a normal prior keeps after its truncation: Φ(β) − Φ(α) in standard units. */
function normalMass(mean: number, sd: number, lo: number | undefined, hi: number | undefined): number {
  const a = lo === undefined ? -Infinity : (lo - mean) / sd;
  const b = hi === undefined ? Infinity : (hi - mean) / sd;
  // Above the mean, the mirror image: Φ near 1 has no digits left for a difference of tails.
  return a > 0 ? normalCdf(-a) - normalCdf(-b) : normalCdf(b) - normalCdf(a);
}

/**
 * The least probability a truncation may leave a normal. Below it Φ's tail nears the smallest
 * normal doubles and its quantile the subnormal ones, where a draw has no digits left.
 */
const MIN_MASS = 1e-300;

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Refuses, with a RangeError naming `caller` and the prior, anything that is not a proper prior. */
export function checkPriors(caller: string, priors: readonly Prior[]): void {
  if (!Array.isArray(priors) || priors.length === 0) throw new RangeError(`${caller}: need at least one prior`);
  priors.forEach((p: Prior, i) => {
    const at = `${caller}: priors[${i}]`;
    if (p.kind === 'uniform') {
      if (!finite(p.lo) || !finite(p.hi) || !(p.lo < p.hi)) throw new RangeError(`${at}: a uniform needs finite lo < hi, got [${p.lo}, ${p.hi}]`);
    } else if (p.kind === 'normal') {
      if (!finite(p.mean)) throw new RangeError(`${at}: mean must be a finite number, got ${p.mean}`);
      if (!finite(p.sd) || !(p.sd > 0)) throw new RangeError(`${at}: sd must be a finite number > 0, got ${p.sd}`);
      if (p.lo !== undefined && !finite(p.lo)) throw new RangeError(`${at}: lo must be a finite number when given, got ${p.lo}`);
      if (p.hi !== undefined && !finite(p.hi)) throw new RangeError(`${at}: hi must be a finite number when given, got ${p.hi}`);
      if (p.lo !== undefined && p.hi !== undefined && !(p.lo < p.hi)) throw new RangeError(`${at}: needs lo < hi, got [${p.lo}, ${p.hi}]`);
      const mass = normalMass(p.mean, p.sd, p.lo, p.hi);
      if (!(mass >= MIN_MASS)) throw new RangeError(`${at}: the truncation [${p.lo ?? '-∞'}, ${p.hi ?? '∞'}] leaves the normal a probability of ${mass}, below ${MIN_MASS}`);
    } else {
      throw new RangeError(`${at}: kind must be "uniform" or "normal", got ${JSON.stringify((p as {kind?: unknown}).kind)}`);
    }
  });
}

/** log of one prior's density at x: −Infinity outside its support. */
export function logDensityOf(p: Prior, x: number): number {
  if (p.kind === 'uniform') return x >= p.lo && x <= p.hi ? -Math.log(p.hi - p.lo) : -Infinity;
  if ((p.lo !== undefined && !(x >= p.lo)) || (p.hi !== undefined && !(x <= p.hi)) || Number.isNaN(x)) return -Infinity;
  const log = normalLogDensity(x, p.mean, p.sd);
  return p.lo === undefined && p.hi === undefined ? log : log - Math.log(normalMass(p.mean, p.sd, p.lo, p.hi));
}

/**
 * log of the joint prior density of theta[offset] … theta[offset + priors.length − 1]: −Infinity
 * outside the support. The ABC-SMC weights use this form: a product of densities can underflow.
 */
export function logPriorDensity(priors: readonly Prior[], theta: ArrayLike<number>, offset = 0): number {
  let sum = 0;
  for (let i = 0; i < priors.length; i++) sum += logDensityOf(priors[i]!, theta[offset + i]!);
  return sum;
}

/** The joint prior density of theta[offset] … theta[offset + priors.length − 1] (0 outside the support). */
export function priorDensity(priors: readonly Prior[], theta: ArrayLike<number>, offset = 0): number {
  return Math.exp(logPriorDensity(priors, theta, offset));
}

/**
 * A draw from one prior by its quantile function at u (uniform in [0, 1)): one uniform per draw,
 * and never a rejection, however narrow a truncation. Draws rise with u. A truncation above the
 * mean is drawn as the mirror image of one below it (at 1 − u), where Φ keeps its precision.
 */
export function drawFromPrior(p: Prior, u: number): number {
  if (p.kind === 'uniform') return Math.min(p.hi, p.lo + u * (p.hi - p.lo));
  if (p.lo === undefined && p.hi === undefined) return p.mean + p.sd * standardNormal(u);
  const a = p.lo === undefined ? -Infinity : (p.lo - p.mean) / p.sd;
  const b = p.hi === undefined ? Infinity : (p.hi - p.mean) / p.sd;
  const mirror = a > 0;
  const [from, to] = mirror ? [-b, -a] : [a, b];
  // As standardNormal does: u kept off 0 and 1, so an open end is not drawn 38 sd out.
  const v = Math.min(Math.max(mirror ? 1 - u : u, EDGE), 1 - EDGE);
  const pFrom = normalCdf(from);
  const q = pFrom + v * (normalCdf(to) - pFrom);
  // normalQuantile refuses 0 and 1, and a tail truncated far out needs probabilities far below
  // 2^-53; z is then clamped to the bounds, which the rounding of Φ and its inverse may overstep.
  const z = Math.min(to, Math.max(from, normalQuantile(Math.min(Math.max(q, Number.MIN_VALUE), 1 - EDGE))));
  // Back on the prior's scale the rounding of (lo - mean) / sd * sd + mean may step past a bound
  // by an ulp: clamp there too.
  const x = p.mean + p.sd * (mirror ? -z : z);
  return Math.min(p.hi ?? Infinity, Math.max(p.lo ?? -Infinity, x));
}

/**
 * A prior's width, the unit of the kernel's guard against a singular covariance (abc-kernel.ts):
 * a uniform's range, a normal's sd, or its truncated range when that is narrower.
 */
export function priorScale(p: Prior): number {
  if (p.kind === 'uniform') return p.hi - p.lo;
  return p.lo !== undefined && p.hi !== undefined ? Math.min(p.sd, p.hi - p.lo) : p.sd;
}
