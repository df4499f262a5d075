// Where output goes. Data goes to stdout (or --out), messages to stderr; commands get an Io so
// they never touch process streams directly.
import {closeSync, openSync, renameSync, rmSync, writeSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {writeError} from './output-errors.js';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIo: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/** Writes `text` to stdout, or to `file` when given. */
export function emit(io: Io, text: string, file: string | undefined): void {
  if (file === undefined) io.stdout(text);
  else writeFileAtomic(file, text);
}

/**
 * A file written piece by piece into a temp file beside it, renamed into place by commit(): a
 * failure or an interruption never leaves half a file.
 */
export class AtomicFile {
  private readonly temp: string;
  private fd: number | null = null;

  constructor(readonly file: string) {
    this.temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
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

/** Writes a temp file next to `file`, then renames it: a failure never leaves half a file. */
export function writeFileAtomic(file: string, text: string): void {
  const f = new AtomicFile(file);
  f.write(text);
  f.commit();
}
