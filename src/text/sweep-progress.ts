// Progress of a sweep on stderr (stdout carries data). On a terminal: one line redrawn in place,
// at most 10 times a second; otherwise a plain line every few seconds. Updated once per written
// chunk, never per run, so it costs nothing in the hot path.
import {groupDigits} from '../fmt/group-digits.js';

export interface ProgressOptions {
  /** Runs in this sweep (or shard). */
  total: number;
  /** Runs already done when it starts (read back on --resume): not counted in the pace. */
  done: number;
  write: (text: string) => void;
  /** Redraw one line in place (a terminal) instead of printing plain lines. */
  tty: boolean;
  columns?: number;
  /** Milliseconds; injectable for tests. */
  now?: () => number;
}

export interface Progress {
  update(done: number): void;
  /** Clears the bar (a terminal), so what follows starts on a clean line. */
  stop(): void;
}

const TTY_MS = 100;
const PLAIN_MS = 5000;

/** 75 → "1:15", 3725 → "1:02:05". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const two = (x: number): string => String(x).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`;
}

export interface Pace {
  done: number;
  total: number;
  /** Runs a second in this session, null before any. */
  perSecond: number | null;
}

const left = (p: Pace): string => (p.perSecond ? formatDuration((p.total - p.done) / p.perSecond) : '–');
const rate = (p: Pace): string => (p.perSecond === null ? '–' : groupDigits(Math.round(p.perSecond)));
const percent = (p: Pace): number => (p.total === 0 ? 100 : Math.floor((100 * p.done) / p.total));

/** The terminal line: a bar, runs done of total, runs a second and time left, fitted to `width`. */
export function barLine(p: Pace, width: number): string {
  const text = ` ${groupDigits(p.done)}/${groupDigits(p.total)} runs ${String(percent(p)).padStart(3)}%  ${rate(p)} runs/s  ${left(p)} left`;
  const barWidth = Math.max(0, Math.min(30, width - 1 - text.length - 2));
  if (barWidth < 5) return text.trimStart().slice(0, Math.max(0, width - 1));
  const fill = p.total === 0 ? barWidth : Math.floor((barWidth * p.done) / p.total);
  return `[${'█'.repeat(fill)}${'░'.repeat(barWidth - fill)}]${text}`;
}

/** The plain line, for logs: `parley: 1,234 of 10,000 runs (12%), 850 runs/s, about 0:10 left`. */
export const plainLine = (p: Pace): string => `parley: ${groupDigits(p.done)} of ${groupDigits(p.total)} runs (${percent(p)}%), ${rate(p)} runs/s, about ${left(p)} left\n`;

export function createProgress(o: ProgressOptions): Progress {
  const now = o.now ?? Date.now;
  const start = now();
  const startDone = o.done;
  let last = o.tty ? -Infinity : start;
  let shown = false;
  const pace = (done: number): Pace => {
    const seconds = (now() - start) / 1000;
    return {done, total: o.total, perSecond: done > startDone && seconds > 0 ? (done - startDone) / seconds : null};
  };
  return {
    update(done) {
      const t = now();
      if (t - last < (o.tty ? TTY_MS : PLAIN_MS) || done >= o.total) return;
      last = t;
      if (o.tty) {
        o.write(`\r${barLine(pace(done), o.columns ?? 80)}\u001b[K`);
        shown = true;
      } else o.write(plainLine(pace(done)));
    },
    stop() {
      if (shown) o.write('\r\u001b[K');
      shown = false;
    },
  };
}
