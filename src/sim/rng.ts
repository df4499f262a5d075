// The engine's only source of randomness: seedrandom's Alea, seeded with strings and owned by
// the simulation state (as boardgame.io keeps its PRNG inside the game state). Alea is fast,
// has a tiny serialisable state and round-trips exactly through JSON.
import seedrandom from 'seedrandom';

export type RngState = seedrandom.State.Alea;

export interface Rng {
  /** Uniform in [0, 1), 32 bits of randomness. */
  next(): number;
  /** The generator's state, for snapshots; `createRng(seed, state)` resumes from it exactly. */
  state(): RngState;
}

export function createRng(seed: string, state?: RngState): Rng {
  const prng = state ? seedrandom.alea('', {state}) : seedrandom.alea(seed, {state: true});
  return {next: prng, state: () => prng.state()};
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

/** Approximately normal (sum of four uniforms, scaled): cheap and bounded. */
export function noise(rng: Rng, sd: number): number {
  const s = rng.next() + rng.next() + rng.next() + rng.next() - 2;
  return s * sd * 1.7320508075688772;
}
