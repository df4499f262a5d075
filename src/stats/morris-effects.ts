// Elementary effects of a Morris design and their screening measures, as described in
// docs/sensitivity.md §"Morris elementary effects": mu, mu* (Campolongo, Cariboni & Saltelli
// 2007) and sigma per input, with a bootstrap percentile interval of mu* over trajectories.
import type {MorrisDesign} from './morris-design.js';
import {bootstrapSettings, drawIndices, percentileInterval, referenceOf, type BootstrapOptions} from './bootstrap.js';

export interface MorrisIndex {
  /** Mean elementary effect: effects of opposite signs cancel. */
  readonly mu: number;
  /** Mean absolute elementary effect: the screening measure. */
  readonly muStar: number;
  /** Sample standard deviation (r − 1) of the elementary effects: nonlinearity or interaction. */
  readonly sigma: number;
  /** Bootstrap percentile interval of mu*. */
  readonly muStarLo: number;
  readonly muStarHi: number;
  /** With options.reference: the interval of mu* minus the reference input's mu*. */
  readonly diffLo?: number;
  readonly diffHi?: number;
}

/** Bootstrap resamples of the trajectories and the confidence of the mu* interval. */
export type MorrisOptions = BootstrapOptions;

/**
 * The elementary effect of every input in every trajectory, r × k row-major (ee[t·k + i] for
 * input i): (f(after) − f(before)) / (±Δ), in the unit scale of the design. `outputs[n]` is the
 * model at row n of design.points.
 */
export function elementaryEffects(design: MorrisDesign, outputs: ArrayLike<number>): Float64Array {
  const {k, r, delta} = design;
  if (outputs.length !== r * (k + 1)) throw new RangeError(`elementaryEffects: expected ${r * (k + 1)} outputs (r(k+1)), got ${outputs.length}`);
  const ee = new Float64Array(r * k);
  for (let t = 0; t < r; t++) {
    for (let s = 0; s < k; s++) {
      const row = t * (k + 1) + s;
      ee[t * k + design.moved[t * k + s]!] = (outputs[row + 1]! - outputs[row]!) / (design.sign[t * k + s]! * delta);
    }
  }
  return ee;
}

/** mu* of input i over the trajectories `pick` (an index list, repeats allowed). */
function muStarOf(ee: Float64Array, k: number, i: number, pick: Int32Array): number {
  let sum = 0;
  for (const t of pick) sum += Math.abs(ee[t * k + i]!);
  return sum / pick.length;
}

/**
 * mu, mu* and sigma per input from r × k elementary effects, and the percentile interval of mu*
 * from `resamples` bootstrap draws of r trajectories with replacement (whole trajectories, so an
 * input's effects stay paired with the others' as the design made them). `next` is uniform in [0, 1).
 */
export function morrisIndices(ee: Float64Array, k: number, next: () => number, options: MorrisOptions = {}): MorrisIndex[] {
  const r = ee.length / k;
  if (!Number.isInteger(r) || r < 2) throw new RangeError(`morrisIndices: need at least 2 trajectories of ${k} effects, got ${ee.length} effects`);
  const {resamples, confidence} = bootstrapSettings('morrisIndices', options);
  const boot = Array.from({length: k}, () => new Float64Array(resamples));
  const pick = new Int32Array(r);
  for (let b = 0; b < resamples; b++) {
    drawIndices(pick, r, next);
    for (let i = 0; i < k; i++) boot[i]![b] = muStarOf(ee, k, i, pick);
  }
  const all = Int32Array.from({length: r}, (_, t) => t);
  const ref = referenceOf('morrisIndices', options, k);
  // Differences first: percentileInterval sorts the draws in place.
  const diffs = ref === null ? null : boot.map((draws) => draws.map((x, b) => x - boot[ref]![b]!));
  return boot.map((draws, i) => {
    let sum = 0;
    for (let t = 0; t < r; t++) sum += ee[t * k + i]!;
    const mu = sum / r;
    let ss = 0;
    for (let t = 0; t < r; t++) ss += (ee[t * k + i]! - mu) ** 2;
    const [muStarLo, muStarHi] = percentileInterval(draws, confidence);
    const index = {mu, muStar: muStarOf(ee, k, i, all), sigma: Math.sqrt(ss / (r - 1)), muStarLo, muStarHi};
    if (!diffs) return index;
    const [diffLo, diffHi] = percentileInterval(diffs[i]!, confidence);
    return {...index, diffLo, diffHi};
  });
}
