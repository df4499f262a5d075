// Histograms of a weighted sample on equal-width bins, one- and two-dimensional: the marginal and
// pairwise posteriors of an ABC-SMC population (src/stats/abc-smc.ts) for a report to draw. Each
// bin holds its share of the total weight, so the bins of a range that misses some of the sample
// sum to less than 1, which a report can say.
import {weightTotal} from './weighted-moments.js';

/** Equal-width bins on [lo, hi]. */
export interface Bins {
  lo: number;
  hi: number;
  bins: number;
}

function checkBins(caller: string, b: Bins): void {
  if (!Number.isFinite(b.lo) || !Number.isFinite(b.hi) || !(b.lo < b.hi)) throw new RangeError(`${caller}: a range needs finite lo < hi, got [${b.lo}, ${b.hi}]`);
  if (!Number.isInteger(b.bins) || b.bins < 1) throw new RangeError(`${caller}: bins must be a whole number ≥ 1, got ${b.bins}`);
}

/** The bin of x, or −1 outside [lo, hi] (or NaN). hi itself is in the last bin: the bins cover the closed range. */
export function binOf(x: number, {lo, hi, bins}: Bins): number {
  if (!(x >= lo && x <= hi)) return -1;
  return Math.min(bins - 1, Math.floor(((x - lo) / (hi - lo)) * bins));
}

/** The share of the total weight in each of `bins` equal bins of [lo, hi]. */
export function histogram(values: ArrayLike<number>, weights: ArrayLike<number>, lo: number, hi: number, bins: number): Float64Array {
  const range = {lo, hi, bins};
  checkBins('histogram', range);
  const total = weightTotal('histogram', weights, values.length);
  const out = new Float64Array(bins);
  for (let i = 0; i < values.length; i++) {
    const b = binOf(values[i]!, range);
    if (b >= 0) out[b] = out[b]! + weights[i]! / total;
  }
  return out;
}

/**
 * The share of the total weight in each cell of x's bins by y's bins, row-major with y as the
 * row (cell y·x.bins + x), as a heatmap is drawn: x across, y down.
 */
export function histogram2d(xs: ArrayLike<number>, ys: ArrayLike<number>, weights: ArrayLike<number>, x: Bins, y: Bins): Float64Array {
  checkBins('histogram2d', x);
  checkBins('histogram2d', y);
  if (ys.length !== xs.length) throw new RangeError(`histogram2d: ${xs.length} x values but ${ys.length} y values`);
  const total = weightTotal('histogram2d', weights, xs.length);
  const out = new Float64Array(x.bins * y.bins);
  for (let i = 0; i < xs.length; i++) {
    const bx = binOf(xs[i]!, x);
    const by = binOf(ys[i]!, y);
    if (bx >= 0 && by >= 0) out[by * x.bins + bx] = out[by * x.bins + bx]! + weights[i]! / total;
  }
  return out;
}
