// What a freed prisoner is worth, read from who he is (docs/model.md §4, "Who is freed"): to the
// Taliban, a fighter back; to the COVID-19 pressure on the government, one fewer of the old and
// sick in its prisons. Cold code: population.ts applies it once per pool.

/** Full fighting value up to this age, then a linear decline. */
const PRIME_AGE = 40;
/** Years past PRIME_AGE over which the fighting value falls to AGE_FLOOR. */
const AGE_DECLINE_YEARS = 40;
const AGE_FLOOR = 0.2;

/** Age or health at which a prisoner counts as vulnerable to COVID-19. */
export const VULNERABLE_AGE = 55;
export const VULNERABLE_HEALTH = 50;

/**
 * The Taliban's value of getting a prisoner back, before normalisation: a fit fighter of fighting
 * age is worth most, the old and the sick little; a commander (tier 1) twice a rank-and-file
 * fighter, a priority commander (tier 2) three times. Health is 0 (gravely ill) to 100.
 */
export function fighterWorth(tier: number, age: number, health: number): number {
  const ageFit = age <= PRIME_AGE ? 1 : Math.max(AGE_FLOOR, 1 - (age - PRIME_AGE) / AGE_DECLINE_YEARS);
  return (1 + tier) * ageFit * (health / 100);
}

export const isVulnerable = (age: number, health: number): boolean => age >= VULNERABLE_AGE || health < VULNERABLE_HEALTH;

/**
 * Scales `raw` in place so that the individuals of category `ref` average 1 (all individuals if
 * that category is empty): a batch of such prisoners freed at random then weighs what its head
 * count did before the worth was read.
 */
export function normaliseWorth(raw: Float32Array, category: Uint8Array, ref: number): void {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    if (category[i] === ref) {
      sum += raw[i]!;
      n++;
    }
  }
  if (n === 0) for (let i = 0; i < raw.length; i++) sum += raw[i]!;
  const mean = (n === 0 ? sum / Math.max(1, raw.length) : sum / n) || 1;
  for (let i = 0; i < raw.length; i++) raw[i] = raw[i]! / mean;
}
