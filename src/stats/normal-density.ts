// The normal density, on the log scale so that a particle far in a tail weighs a tiny positive
// amount rather than 0 (the ABC-SMC weights, src/stats/abc-smc.ts, are formed as logs).

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** log of the Normal(mean, sd²) density at x. */
export function normalLogDensity(x: number, mean: number, sd: number): number {
  const z = (x - mean) / sd;
  return -0.5 * z * z - Math.log(sd) - HALF_LOG_2PI;
}
