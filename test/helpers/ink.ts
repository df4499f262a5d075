// Frame helpers for Ink component tests. Import './no-color.js' before this (and before ink).
import {EventEmitter} from 'node:events';
import type {ReactNode} from 'react';
import {render, renderToString} from 'ink';
import {textWidth} from '../../src/ui/dashboard/format.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001B\[[0-9;?]*[ -/]*[@-~]/g;

/** A frame as plain lines (colour codes stripped, should any remain). */
export const linesOf = (frame: string | undefined): string[] => (frame ?? '').replace(ANSI, '').split('\n');

/** Lets Ink handle input written to stdin (one macrotask, two for a lone Escape). */
export const tick = (times = 1): Promise<void> =>
  Array.from({length: times}).reduce<Promise<void>>((p) => p.then(() => new Promise((r) => setTimeout(r, 0))), Promise.resolve());

/** Yields until `check` holds (React runs effects a macrotask or two after a commit). */
export async function waitFor(check: () => boolean, tries = 50): Promise<void> {
  for (let i = 0; i < tries && !check(); i++) await tick();
}

/** Polls a frame every 10 ms until `test` holds; fails with the last frame after `ms`. */
export async function waitForFrame(read: () => string, test: (frame: string) => boolean, ms = 5000): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const frame = read();
    if (test(frame)) return frame;
    if (Date.now() > end) throw new Error(`timed out; last frame:\n${frame}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Renders into a terminal far wider than any budget, so a line that overflows its width shows
 * up as too long instead of being clipped (ink-testing-library's stdout is 100 columns).
 */
export const renderWide = (node: ReactNode): string[] => linesOf(renderToString(node, {columns: 400}));

/** Problems with a frame's size, empty when it fits `rows` x `width`. */
export function sizeProblems(lines: readonly string[], width: number, rows: number): string[] {
  const out: string[] = [];
  if (lines.length > rows) out.push(`${lines.length} lines > ${rows}`);
  lines.forEach((l, i) => {
    if (textWidth(l) > width) out.push(`line ${i + 1} is ${textWidth(l)} > ${width}: ${l}`);
  });
  return out;
}

class SizedStdout extends EventEmitter {
  lastFrame = '';
  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
  }
  write = (frame: string): boolean => {
    this.lastFrame = frame;
    return true;
  };
}

class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  private data: string | null = null;
  write = (data: string): void => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = (): string | null => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

/**
 * Renders into a terminal of `columns` x `rows` (ink-testing-library's has 100 columns and no
 * rows, so the dashboard would lay out for 100x24 whatever the test needs).
 */
export function renderSized(node: ReactNode, columns: number, rows: number) {
  const stdout = new SizedStdout(columns, rows);
  const stdin = new FakeStdin();
  const instance = render(node, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return {
    lines: (): string[] => linesOf(stdout.lastFrame),
    stdin,
    unmount: (): void => {
      instance.unmount();
      instance.cleanup();
    },
  };
}
