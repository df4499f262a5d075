// Rounding for output: four decimals, far below the model's precision, stable across machines,
// and short to read. `|| 0` writes -0 as 0, so a rounded tiny negative never prints "-0".

export const round4 = (x: number): number => Math.round(x * 1e4) / 1e4 || 0;
