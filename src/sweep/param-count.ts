// Counting a sweep parameter's values without building them, shared by the spec's checks
// (src/sweep/spec.ts) and the designs (src/sweep/design.ts).

/** How many values a range with a step has (min, min + step, … up to max). */
export const steppedCount = (min: number, max: number, step: number): number => Math.floor((max - min) / step + 1e-9) + 1;

/** The k-th value of a range with a step: min + k × step, without float drift. */
export const steppedValue = (min: number, step: number, k: number): number => Number((min + k * step).toPrecision(12));

/** A range with a step as its list of values (min, min + step, … up to max). */
export function steppedValues(min: number, max: number, step: number): number[] {
  const out: number[] = [];
  const n = steppedCount(min, max, step);
  for (let k = 0; k < n; k++) out.push(steppedValue(min, step, k));
  return out;
}

/** A varied parameter's values as the spec gives them: a list, or a range with an optional step. */
type Values = {readonly values: readonly unknown[]} | Range;
type Range = {readonly min: number; readonly max: number; readonly step?: number | undefined};

/** The whole numbers a continuous range with `integer: true` draws from (none when lo > hi). */
export const wholeBounds = (r: Range): [number, number] => [Math.ceil(r.min), Math.floor(r.max)];

/** How many values a parameter has, or null for a continuous range (without building its list). */
export function valueCount(p: Values): number | null {
  if ('values' in p) return p.values.length;
  return p.step === undefined ? null : steppedCount(p.min, p.max, p.step);
}
