// Interactive or plain: decided once, at the entry point (conventions B2, rule 4). The
// dashboard needs a real terminal on both stdin and stdout, outside CI, with a known size;
// everything else gets plain output and never touches raw mode.

export interface Streams {
  stdin: {isTTY?: boolean};
  stdout: {isTTY?: boolean; columns?: number; rows?: number};
}

/** Mirrors is-in-ci (Ink's own test): set and not "0"/"false" counts, even when empty. */
export function inCi(env: NodeJS.ProcessEnv): boolean {
  const on = (k: string): boolean => k in env && env[k] !== '0' && env[k] !== 'false';
  return on('CI') || on('CONTINUOUS_INTEGRATION');
}

export function canUseDashboard(env: NodeJS.ProcessEnv = process.env, streams: Streams = process): boolean {
  const {stdin, stdout} = streams;
  return Boolean(stdin.isTTY && stdout.isTTY) && !inCi(env) && (stdout.columns ?? 0) > 0 && (stdout.rows ?? 0) > 0;
}
