// The signals that stop a long command cleanly. Outside of one, Ctrl-C ends parley at once
// (bin.ts: one line, exit 130) and SIGTERM and SIGHUP kill it; bin.ts alone ends the process.

/**
 * Ctrl-C; SIGTERM, what Slurm and other batch systems send at a time limit; SIGHUP, when the
 * terminal closes. Each exits 128 + its number, as a shell reports a process it ended.
 */
export const STOPS = {
  SIGINT: {how: 'interrupted', code: 130},
  SIGTERM: {how: 'terminated (SIGTERM)', code: 143},
  SIGHUP: {how: 'hung up (SIGHUP: the terminal closed)', code: 129},
} as const satisfies Partial<Record<NodeJS.Signals, {how: string; code: number}>>;
export type StopSignal = keyof typeof STOPS;

/**
 * Runs `work` with STOPS' signals calling `interrupt` (the first one only) instead of their usual
 * handlers, which end the process at once. A second signal gets the usual handler back and is
 * raised again, so it ends the process as it would have (Ctrl-C: exit 130; SIGTERM, SIGHUP:
 * killed by it, which a shell reports as 143, 129). That is safe for a sweep: rows are written
 * whole, in order, and the output lock goes with the process.
 */
export async function whileInterruptible<T>(interrupt: (signal: StopSignal) => void, work: () => Promise<T>): Promise<T> {
  const signals = Object.keys(STOPS) as StopSignal[];
  const previous = new Map(signals.map((sig) => [sig, process.listeners(sig)]));
  let caught = false;
  let restored = false;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    for (const sig of signals) {
      process.off(sig, handler);
      for (const l of previous.get(sig)!) process.on(sig, l);
    }
  };
  const handler = (sig: NodeJS.Signals): void => {
    if (caught) {
      restore();
      process.kill(process.pid, sig);
      return;
    }
    caught = true;
    // After SIGHUP the terminal may be gone: a message it cannot show is no reason to fail.
    if (sig === 'SIGHUP') process.stderr.on('error', () => {});
    interrupt(sig as StopSignal);
  };
  for (const sig of signals) {
    process.removeAllListeners(sig);
    process.on(sig, handler);
  }
  try {
    return await work();
  } finally {
    restore();
  }
}
