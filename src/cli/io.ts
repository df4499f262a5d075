// Where output goes. Data goes to stdout (or --out), messages to stderr; commands get an Io (and
// from it whether each stream is a terminal, and how wide) so they never touch process streams.
import {closeSync, openSync, readdirSync, renameSync, rmSync, writeSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {writeError} from './output-errors.js';

/** A stream that is a terminal, and its width when known (tables and progress bars fit it). */
export interface Terminal {
  readonly columns?: number;
}

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Set when stdout is a terminal. */
  readonly stdoutTerminal?: Terminal;
  /** Set when stderr is a terminal. */
  readonly stderrTerminal?: Terminal;
}

/** An Io over two streams; a terminal's width is read when asked (the window may have been resized). */
export function streamIo(out: NodeJS.WriteStream, err: NodeJS.WriteStream): Io {
  return {
    stdout: (text) => void out.write(text),
    stderr: (text) => void err.write(text),
    get stdoutTerminal() {
      return out.isTTY ? {columns: out.columns} : undefined;
    },
    get stderrTerminal() {
      return err.isTTY ? {columns: err.columns} : undefined;
    },
  };
}

/** The process's own streams: what bin.ts (and the npm scripts' entry points) give the commands. */
export const processIo: Io = streamIo(process.stdout, process.stderr);

/** Writes `text` to stdout, or to `file` when given. */
export function emit(io: Io, text: string, file: string | undefined): void {
  if (file === undefined) io.stdout(text);
  else writeFileAtomic(file, text);
}

/**
 * A file written piece by piece into a temp file beside it, renamed into place by commit(): a
 * failure or an interruption never leaves half a file. The temp file is named so that a user who
 * sees it knows what it is (`runs.json.parley-tmp-4242`), and one left by a process that was
 * killed (SIGKILL runs no cleanup) is removed by the next write to the same file.
 */
export class AtomicFile {
  private readonly temp: string;
  private fd: number | null = null;

  constructor(readonly file: string) {
    this.temp = tempName(file, process.pid);
    removeStaleTemps(file);
    this.fd = this.guard(() => openSync(this.temp, 'w'));
  }

  write(text: string): void {
    this.guard(() => writeFully(this.fd!, text));
  }

  commit(): void {
    this.guard(() => {
      closeSync(this.fd!);
      this.fd = null;
      renameSync(this.temp, this.file);
    });
  }

  /** Drops what was written (idempotent). */
  discard(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.temp, {force: true});
  }

  private guard<T>(f: () => T): T {
    try {
      return f();
    } catch (e) {
      this.discard();
      throw writeError(this.file, e);
    }
  }
}

/** Writes all of `data` to `fd`: writeSync may write part of it (a disk filling up) and say so only in its count. */
export function writeFully(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

const TEMP_TAG = '.parley-tmp-';

/** The temp file beside `file` that process `pid` writes. */
export const tempName = (file: string, pid: number): string => join(dirname(file), `${basename(file)}${TEMP_TAG}${pid}`);

/** Removes the temp files of `file` whose process is gone; a live writer's are left alone. */
function removeStaleTemps(file: string): void {
  const prefix = `${basename(file)}${TEMP_TAG}`;
  let names: string[];
  try {
    names = readdirSync(dirname(file));
  } catch {
    return; // the folder cannot be read: opening the temp file will say why
  }
  for (const name of names) {
    const pid = name.startsWith(prefix) && /^[1-9]\d*$/.test(name.slice(prefix.length)) ? Number(name.slice(prefix.length)) : null;
    if (pid === null || pid === process.pid || processAlive(pid)) continue;
    try {
      rmSync(join(dirname(file), name), {force: true});
    } catch {
      // not ours to remove (permissions): it stays, visibly named
    }
  }
}

/** Whether process `pid` runs on this machine (EPERM: it does, as another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

/** Writes a temp file next to `file`, then renames it: a failure never leaves half a file. */
export function writeFileAtomic(file: string, text: string): void {
  const f = new AtomicFile(file);
  f.write(text);
  f.commit();
}
