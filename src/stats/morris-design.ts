// Morris's one-at-a-time trajectories on a p-level grid of the unit cube, as described in
// docs/sensitivity.md §"Morris elementary effects". Randomness comes from the caller's uniform
// source, so the design is reproducible from a seed without this layer knowing the engine's generator.

export interface MorrisDesign {
  /** Number of inputs. */
  readonly k: number;
  /** Number of trajectories. */
  readonly r: number;
  /** Grid levels: 0, 1/(p−1), …, 1. */
  readonly p: number;
  /** The step, p / (2(p − 1)). */
  readonly delta: number;
  /** r(k+1) rows × k columns, row-major: trajectory t is rows t(k+1) … t(k+1)+k. */
  readonly points: Float64Array;
  /** r·k entries: the input that moves from row t(k+1)+s to the next is moved[t·k+s]. */
  readonly moved: Int32Array;
  /** r·k entries, +1 or −1: the direction of that move. */
  readonly sign: Int8Array;
}

/** The step of a p-level design: half the grid plus half a level, so every level pairs with one. */
export function morrisDelta(p: number): number {
  return p / (2 * (p - 1));
}

/**
 * r trajectories for k inputs. Each input of a trajectory gets a base level among the lower half
 * of the grid (so that base + Δ is still on the grid, Morris 1991) and a random direction: it
 * starts at the base and moves up, or starts at base + Δ and moves down. The inputs move in a
 * random order. Draws per trajectory: k pairs (level, direction), then k − 1 for the order.
 */
export function morrisDesign(k: number, r: number, p: number, next: () => number): MorrisDesign {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`morrisDesign: k must be a whole number ≥ 1, got ${k}`);
  if (!Number.isInteger(r) || r < 1) throw new RangeError(`morrisDesign: r must be a whole number ≥ 1, got ${r}`);
  if (!Number.isInteger(p) || p < 2 || p % 2 !== 0) throw new RangeError(`morrisDesign: p must be an even whole number ≥ 2, got ${p}`);
  const half = p / 2; // Δ in levels
  const points = new Float64Array(r * (k + 1) * k);
  const moved = new Int32Array(r * k);
  const sign = new Int8Array(r * k);
  const level = new Int32Array(k); // the current point, in whole levels, so that it stays exactly on the grid
  const dir = new Int8Array(k);
  const order = new Int32Array(k);
  const draw = (n: number): number => Math.min(n - 1, Math.floor(next() * n));
  for (let t = 0; t < r; t++) {
    for (let i = 0; i < k; i++) {
      const base = draw(half);
      dir[i] = draw(2) === 0 ? 1 : -1;
      level[i] = dir[i] === 1 ? base : base + half;
      order[i] = i;
    }
    for (let i = k - 1; i > 0; i--) {
      const j = draw(i + 1);
      const o = order[i]!;
      order[i] = order[j]!;
      order[j] = o;
    }
    let row = t * (k + 1);
    for (let i = 0; i < k; i++) points[row * k + i] = level[i]! / (p - 1);
    for (let s = 0; s < k; s++) {
      const i = order[s]!;
      level[i] = level[i]! + dir[i]! * half;
      moved[t * k + s] = i;
      sign[t * k + s] = dir[i]!;
      row++;
      for (let j = 0; j < k; j++) points[row * k + j] = level[j]! / (p - 1);
    }
  }
  return {k, r, p, delta: morrisDelta(p), points, moved, sign};
}
