// The 0.975 quantile of Student's t, for 95% confidence intervals of a mean (mean ± t·sd/√n).
// Degrees of freedom 1–30 come from a table (scipy.stats.t.ppf(0.975, df), 7 significant
// digits); beyond 30 the Cornish–Fisher expansion of Abramowitz & Stegun 26.7.5 in powers of
// 1/df, whose error there is below 1e-7 (tested against the exact CDF, A&S 26.7.3–4).

const TABLE = [
  12.7062, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139, 2.200985, 2.178813, 2.160369, 2.144787, 2.13145,
  2.119905, 2.109816, 2.100922, 2.093024, 2.085963, 2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.04523, 2.042272,
];

/** The standard normal 0.975 quantile: the limit as df → ∞. */
export const Z975 = 1.959963984540054;

export function t975(df: number): number {
  if (df <= TABLE.length) {
    if (!Number.isInteger(df) || df < 1) throw new RangeError(`t975: degrees of freedom must be a whole number ≥ 1, got ${df}`);
    return TABLE[df - 1]!;
  }
  const z = Z975;
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}
