// Driving the real CLI in a real terminal, as a person would: tmux at a fixed size, keys sent
// with send-keys, the screen read with capture-pane. Each test gets its own tmux server.
import {execFileSync, spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = fileURLToPath(new URL('../../dist/bundle/bin.js', import.meta.url));

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

export class Terminal {
  private readonly socket = `parley-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  /** Starts `command` (a shell line) in a detached session of the given size. */
  constructor(command: string, readonly columns = 80, readonly rows = 24) {
    // The command runs under `env -u CI` (the dashboard, like Ink, stays plain in CI), then the
    // shell prints its exit code and waits, so the final screen can still be read. The code goes
    // on a line of its own: printed after the cursor of the last frame, it could wrap.
    const line = `env -u CI -u CONTINUOUS_INTEGRATION TERM=xterm-256color ${command}; printf '\\n[exit %s]\\n' "$?"; sleep 60`;
    this.tmux('new-session', '-d', '-x', String(columns), '-y', String(rows), '-s', 'main', '-c', ROOT, line);
  }

  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], {encoding: 'utf8'});
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', 'main');
  }

  /** The screen with the lines the terminal wrapped joined back (as a copy of them reads). */
  joinedScreen(): string {
    return this.tmux('capture-pane', '-J', '-p', '-t', 'main');
  }

  /** The screen with its escape sequences (colours) kept. */
  rawScreen(): string {
    return this.tmux('capture-pane', '-e', '-p', '-t', 'main');
  }

  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'main', ...keys);
  }

  /** Polls the screen until `test` holds; throws with the last screen after `ms`. */
  async waitFor(test: (screen: string) => boolean, ms = 30_000): Promise<string> {
    const end = Date.now() + ms;
    let last = '';
    while (Date.now() < end) {
      last = this.screen();
      if (test(last)) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for the screen; last screen:\n${last}`);
  }

  close(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
  }
}
