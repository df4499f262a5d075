// The standard normal density and distribution function for tests that compare a score with its
// closed form under a normal forecast. Φ is from the Taylor series of erf, summed to machine
// precision; test/stats/crps.test.ts checks it against published values.

export const normalPdf = (z: number): number => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);

/** Φ(z) for |z| ≤ 6 (the series loses digits to cancellation beyond). */
export function normalCdf(z: number): number {
  if (Math.abs(z) > 6) throw new RangeError('normalCdf: |z| ≤ 6 only');
  const x = z / Math.SQRT2;
  // erf(x) = 2/√π Σ (−1)^n x^(2n+1) / (n! (2n + 1))
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (-x * x) / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
  }
  return 0.5 * (1 + (2 / Math.sqrt(Math.PI)) * sum);
}

/** The CRPS of a Normal(mu, sigma) forecast at y (Gneiting & Raftery 2007): σ[z(2Φ(z) − 1) + 2φ(z) − 1/√π]. */
export function normalCrps(mu: number, sigma: number, y: number): number {
  const z = (y - mu) / sigma;
  return sigma * (z * (2 * normalCdf(z) - 1) + 2 * normalPdf(z) - 1 / Math.sqrt(Math.PI));
}
