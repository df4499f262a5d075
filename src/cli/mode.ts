// Interactive or plain: decided once, at the entry point, so no command decides it again. The
// dashboard needs a real terminal on both stdin and stdout, outside CI, with a known size;
// everything else gets plain output and never touches raw mode.

export interface Streams {
  stdin: {isTTY?: boolean};
  stdout: {isTTY?: boolean; columns?: number; rows?: number};
  stderr: {isTTY?: boolean};
}

/** What main decides once and passes to every command. */
export interface Mode {
  /** The dashboard may open (canUseDashboard); otherwise output is plain. */
  dashboard: boolean;
  /** Progress on stderr may redraw its line: a terminal, outside CI; otherwise a line now and then. */
  liveProgress: boolean;
}

export function decideMode(env: NodeJS.ProcessEnv, streams: Streams): Mode {
  return {dashboard: canUseDashboard(env, streams), liveProgress: Boolean(streams.stderr.isTTY) && !inCi(env)};
}

/** Mirrors is-in-ci (Ink's own test): set and not "0"/"false" counts, even when empty. */
export function inCi(env: NodeJS.ProcessEnv): boolean {
  const on = (k: string): boolean => k in env && env[k] !== '0' && env[k] !== 'false';
  return on('CI') || on('CONTINUOUS_INTEGRATION');
}

export function canUseDashboard(env: NodeJS.ProcessEnv, streams: Pick<Streams, 'stdin' | 'stdout'>): boolean {
  const {stdin, stdout} = streams;
  return Boolean(stdin.isTTY && stdout.isTTY) && !inCi(env) && (stdout.columns ?? 0) > 0 && (stdout.rows ?? 0) > 0;
}

/**
 * Whether the terminal shows OSC 8 hyperlinks (the dashboard links source URLs). Decided
 * conservatively: only terminals known to support them, never in CI, under tmux or screen (which
 * pass them on only when configured to), or off a TTY; FORCE_HYPERLINK=1 or 0 overrides. The URL's
 * text is printed either way.
 */
export function supportsHyperlinks(env: NodeJS.ProcessEnv = process.env, stdout: {isTTY?: boolean} = process.stdout): boolean {
  const forced = env.FORCE_HYPERLINK;
  if (forced !== undefined && forced !== '') return forced !== '0' && forced !== 'false';
  if (!stdout.isTTY || inCi(env) || env.TMUX !== undefined || env.STY !== undefined) return false;
  const term = env.TERM ?? '';
  if (term === 'dumb' || /^(screen|tmux)/.test(term)) return false;
  if (env.WT_SESSION !== undefined || env.KITTY_WINDOW_ID !== undefined || term === 'xterm-kitty' || term === 'xterm-ghostty') return true;
  const [major = 0, minor = 0] = (env.TERM_PROGRAM_VERSION ?? '').split('.').map(Number);
  switch (env.TERM_PROGRAM) {
    case 'iTerm.app':
      return major > 3 || (major === 3 && minor >= 1);
    case 'vscode':
      return major > 1 || (major === 1 && minor >= 72);
    case 'WezTerm':
    case 'ghostty':
      return true;
  }
  // GNOME Terminal, Tilix and other VTE terminals since VTE 0.50.
  return Number(env.VTE_VERSION ?? 0) >= 5000;
}
