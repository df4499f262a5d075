// The playback speeds of the dashboard's loops (sim-loop.ts, replay-loop.ts) and of --speed: a
// module of its own, light enough for the command line to check --speed without loading a loop.

/** Rounds per second; Infinity is as fast as the engine goes. */
export const SPEEDS: readonly number[] = [1, 2, 5, 10, 20, 50, 100, Infinity];
export const DEFAULT_SPEED = 10;

/** The step of SPEEDS for `speed`, or of `fallback` when `speed` is not one of them. */
export function speedIndexOf(speed: number | undefined, fallback: number): number {
  const at = speed === undefined ? -1 : SPEEDS.indexOf(speed);
  return at >= 0 ? at : Math.max(0, SPEEDS.indexOf(fallback));
}

/** A step of SPEEDS kept within the list (faster at the top, slower at the bottom, stay). */
export const clampSpeedIndex = (i: number): number => Math.max(0, Math.min(SPEEDS.length - 1, i));
