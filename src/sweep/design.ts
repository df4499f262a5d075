// Experimental designs: the points of a sweep, each one value per varied parameter. Generated
// whole and up front from the master seed, so a point's values never depend on which worker
// or shard runs it.
import {createRng, type Rng} from '../sim/rng.js';
import type {ParamSpec, ParamValue, SweepSpec} from './spec.js';

/** A range with a step as its list of values (min, min + step, … up to max, no float drift). */
export function steppedValues(min: number, max: number, step: number): number[] {
  const out: number[] = [];
  const n = Math.floor((max - min) / step + 1e-9);
  for (let k = 0; k <= n; k++) out.push(Number((min + k * step).toPrecision(12)));
  return out;
}

/** The finite list of a parameter's values, or null for a continuous range. */
export function listOf(p: ParamSpec): readonly ParamValue[] | null {
  if ('values' in p) return p.values;
  return p.step === undefined ? null : steppedValues(p.min, p.max, p.step);
}

/** Maps u in [0, 1) to a value of the parameter (a stepped range's list is made once, not per point). */
function sampler(p: ParamSpec): (u: number) => ParamValue {
  const list = listOf(p);
  if (list) return (u) => list[Math.min(list.length - 1, Math.floor(u * list.length))]!;
  const r = p as Extract<ParamSpec, {min: number}>;
  return (u) => {
    const x = r.min + u * (r.max - r.min);
    return r.integer ? Math.min(r.max, Math.round(x)) : Number(x.toPrecision(12));
  };
}

export function gridPoints(params: readonly ParamSpec[]): ParamValue[][] {
  let points: ParamValue[][] = [[]];
  // The first parameter varies slowest, as in a nested loop written in spec order.
  for (const p of params) {
    const list = listOf(p)!;
    points = points.flatMap((pt) => list.map((v) => [...pt, v]));
  }
  return points;
}

export function randomPoints(params: readonly ParamSpec[], n: number, rng: Rng): ParamValue[][] {
  const samplers = params.map(sampler);
  return Array.from({length: n}, () => samplers.map((at) => at(rng.next())));
}

/** Latin hypercube: each parameter's [0, 1) cut into n strata, each stratum used exactly once. */
export function latinHypercubePoints(params: readonly ParamSpec[], n: number, rng: Rng): ParamValue[][] {
  const columns = params.map((p) => {
    const at = sampler(p);
    const strata = Array.from({length: n}, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [strata[i], strata[j]] = [strata[j]!, strata[i]!];
    }
    return strata.map((s) => at((s + rng.next()) / n));
  });
  return Array.from({length: n}, (_, i) => columns.map((col) => col[i]!));
}

export function designPoints(spec: SweepSpec): ParamValue[][] {
  const params = Object.values(spec.vary);
  const rng = createRng(`${spec.seed}/design`);
  switch (spec.design) {
    case 'grid':
      return gridPoints(params);
    case 'random':
      return randomPoints(params, spec.points!, rng);
    case 'latin-hypercube':
      return latinHypercubePoints(params, spec.points!, rng);
  }
}
