// Experimental designs: the points of a sweep, each one value per varied parameter. Generated
// whole and up front from the master seed, so a point's values never depend on which worker
// or shard runs it.
import {createRng, type Rng} from '../sim/rng.js';
import {steppedCount, steppedValue, steppedValues, wholeBounds} from './param-count.js';
import type {ParamSpec, ParamValue, SweepSpec} from './spec.js';

type Range = Extract<ParamSpec, {min: number}>;

/**
 * Values that stand for all of a parameter's when each is checked alone on the base scenario:
 * every listed value, and a range's ends (and, with a step, its second value). The scenario's
 * limits on a number are bounds, whole numbers, or comparisons with other fields, so a value
 * between the ends fails only if an end does, or the second value does (a fractional step on a
 * whole-number field). Checking every value of a stepped range took 0.11 ms a value: minutes
 * for a range of millions.
 */
export function valuesToCheck(p: ParamSpec): readonly ParamValue[] {
  if ('values' in p) return p.values;
  if (p.step === undefined) return p.integer ? wholeBounds(p) : [p.min, p.max];
  const n = steppedCount(p.min, p.max, p.step);
  return [...new Set([0, Math.min(1, n - 1), n - 1])].map((k) => steppedValue(p.min, p.step!, k));
}

/** The finite list of a parameter's values, or null for a continuous range. */
function listOf(p: ParamSpec): readonly ParamValue[] | null {
  if ('values' in p) return p.values;
  return p.step === undefined ? null : steppedValues(p.min, p.max, p.step);
}

/**
 * One parameter's values over the points: an index into its list of values for each point, or,
 * for a continuous range, the numbers themselves.
 */
type Column = {list: readonly ParamValue[]; at: Uint32Array} | {list: null; at: Float64Array};

/** A design as plain data (typed arrays and lists), which a worker thread receives by structured clone. */
export interface DesignData {
  size: number;
  columns: readonly Column[];
  seeds: SeedKeys | null;
}

/**
 * A sweep's points, stored column by column: 4 or 8 bytes a value. Every worker thread holds the
 * design whole, and as arrays of arrays a 100,000-point, 2-parameter design took some 7 MB of
 * each heap (72 bytes a point, by a heap snapshot).
 */
export class Design {
  constructor(
    readonly size: number,
    private readonly columns: readonly Column[],
    /** Designs that share seeds between points (sensitivity designs): see SeedKeys. */
    readonly seeds: SeedKeys | null = null,
  ) {}

  value(point: number, param: number): ParamValue {
    const c = this.columns[param]!;
    return c.list === null ? c.at[point]! : c.list[c.at[point]!]!;
  }

  /** The design as data, for Design.fromData in another thread: the same points, without drawing them again. */
  get data(): DesignData {
    return {size: this.size, columns: this.columns, seeds: this.seeds};
  }

  static fromData(d: DesignData): Design {
    return new Design(d.size, d.columns, d.seeds);
  }

  /** A point's values in parameter order. */
  point(point: number): ParamValue[] {
    return this.columns.map((_, j) => this.value(point, j));
  }

  /** The bytes of the columns: typed arrays, outside the JS heap. */
  get byteLength(): number {
    return this.columns.reduce((sum, c) => sum + c.at.byteLength, 0);
  }

  /** About the bytes the lists of values take on the JS heap (8 a value). */
  get listBytes(): number {
    return this.columns.reduce((sum, c) => sum + (c.list === null ? 0 : c.list.length * 8), 0);
  }
}

/**
 * The seeds of a design whose points share them: point i's runs take the seeds of group
 * `group[i]`, variant `variant[i]` (one seed a replicate). A Morris trajectory or a Saltelli row
 * is a group, so the points compared with each other run on the same random numbers and their
 * differences are the parameters' doing; the variant is the design's seed factor, whose own
 * effect measures the seed noise.
 */
export interface SeedKeys {
  readonly group: Uint32Array;
  readonly variant: Uint8Array;
}

/**
 * The points of a design given on the unit cube: row i of `u` (k numbers, row-major) places
 * point i's k parameters in their ranges, as sampled designs do (a list takes the value its share
 * of [0, 1] falls on; 1 takes the last).
 */
export function unitCubePoints(params: readonly ParamSpec[], u: Float64Array, seeds: SeedKeys): Design {
  const k = params.length;
  const n = u.length / k;
  const sampled = params.map((p) => sampledColumn(p, n));
  for (let i = 0; i < n; i++) sampled.forEach((s, j) => s.draw(i, u[i * k + j]!));
  return new Design(n, sampled.map((s) => s.column), seeds);
}

/** An empty column for n points of the parameter, and how a draw u in [0, 1) fills one point of it. */
function sampledColumn(p: ParamSpec, n: number): {column: Column; draw: (point: number, u: number) => void} {
  const list = listOf(p);
  if (list) {
    const at = new Uint32Array(n);
    return {column: {list, at}, draw: (i, u) => void (at[i] = Math.min(list.length - 1, Math.floor(u * list.length)))};
  }
  const r = p as Range;
  const [lo, hi] = wholeBounds(r);
  const at = new Float64Array(n);
  return {
    column: {list: null, at},
    draw: (i, u) => {
      const x = r.min + u * (r.max - r.min);
      at[i] = r.integer ? Math.max(lo, Math.min(hi, Math.round(x))) : Number(x.toPrecision(12));
    },
  };
}

export function gridPoints(params: readonly ParamSpec[]): Design {
  const lists = params.map((p) => listOf(p)!);
  const size = lists.reduce((n, list) => n * list.length, 1);
  // The first parameter varies slowest, as in a nested loop written in spec order.
  let stride = size;
  const columns = lists.map((list): Column => {
    stride /= list.length;
    const at = new Uint32Array(size);
    for (let i = 0; i < size; i++) at[i] = Math.floor(i / stride) % list.length;
    return {list, at};
  });
  return new Design(size, columns);
}

export function randomPoints(params: readonly ParamSpec[], n: number, rng: Rng): Design {
  const sampled = params.map((p) => sampledColumn(p, n));
  // Point by point, each parameter in turn: the order the draws are taken from the stream.
  for (let i = 0; i < n; i++) for (const s of sampled) s.draw(i, rng.next());
  return new Design(n, sampled.map((s) => s.column));
}

/** Latin hypercube: each parameter's [0, 1) cut into n strata, each stratum used exactly once. */
export function latinHypercubePoints(params: readonly ParamSpec[], n: number, rng: Rng): Design {
  const strata = new Uint32Array(n);
  const columns = params.map((p) => {
    const {column, draw} = sampledColumn(p, n);
    for (let i = 0; i < n; i++) strata[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [strata[i], strata[j]] = [strata[j]!, strata[i]!];
    }
    for (let i = 0; i < n; i++) draw(i, (strata[i]! + rng.next()) / n);
    return column;
  });
  return new Design(n, columns);
}

export function designPoints(spec: SweepSpec): Design {
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
