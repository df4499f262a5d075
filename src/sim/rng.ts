// The engine's only source of randomness: Alea, as in seedrandom 3, seeded with strings and
// owned by the simulation state (as boardgame.io keeps its PRNG inside the game state).
//
// Seeding is seedrandom's own (its Mash hash of the seed string). The generator step is a typed
// port of seedrandom's Alea `next` (boardgame.io's random.alea.ts does the same) so that a
// generator can be reset in place: stall-risk rollouts restart a thousand streams per estimate
// without allocating. test/sim/rng.test.ts checks the output equals seedrandom's draw for draw.
import seedrandom from 'seedrandom';

export type RngState = seedrandom.State.Alea;

export interface Rng {
  /** Uniform in [0, 1), 32 bits of randomness. */
  next(): number;
  /** The generator's state, for snapshots; `createRng(seed, state)` resumes from it exactly. */
  state(): RngState;
}

export class Alea implements Rng {
  c = 1;
  s0 = 0;
  s1 = 0;
  s2 = 0;

  constructor(state: RngState) {
    this.setState(state);
  }

  next(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
    this.s0 = this.s1;
    this.s1 = this.s2;
    return (this.s2 = t - (this.c = t | 0));
  }

  state(): RngState {
    return {c: this.c, s0: this.s0, s1: this.s1, s2: this.s2};
  }

  setState(st: RngState): void {
    this.c = st.c;
    this.s0 = st.s0;
    this.s1 = st.s1;
    this.s2 = st.s2;
  }
}

/** The initial state seedrandom's Alea derives from a seed string. */
export function seedState(seed: string): RngState {
  return seedrandom.alea(seed, {state: true}).state();
}

export function createRng(seed: string, state?: RngState): Alea {
  return new Alea(state ?? seedState(seed));
}

/**
 * A seed for a named sub-stream of `base`. Derived from the coordinates only (never from the
 * order in which work happens), so the same coordinates give the same stream everywhere.
 */
export function deriveSeed(base: string, ...parts: readonly (string | number)[]): string {
  return parts.length === 0 ? base : `${base}/${parts.join('/')}`;
}

/** Bernoulli draw. */
export function chance(rng: Rng, p: number): boolean {
  return p > 0 && rng.next() < p;
}

/** Integer in [0, n). */
export function randInt(rng: Rng, n: number): number {
  return Math.floor(rng.next() * n);
}

/** Zero-mean noise with standard deviation `sd`: triangular (two uniforms), cheap and bounded. */
export function noise(rng: Rng, sd: number): number {
  return (rng.next() + rng.next() - 1) * sd * 2.449489742783178; // sqrt(6)
}
