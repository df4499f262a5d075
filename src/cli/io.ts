// Where output goes. Data goes to stdout (or --out), messages to stderr; commands get an Io so
// they never touch process streams directly.
import {closeSync, openSync, renameSync, rmSync, writeFileSync, writeSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {InputError} from '../scenario/errors.js';

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

/** Writes a temp file next to `file`, then renames it: a failure never leaves half a file. */
/** Writes `text` (or its pieces, one after another) to a temp file beside `file`, then renames it. */
export function writeFileAtomic(file: string, text: string | Iterable<string>): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    if (typeof text === 'string') writeFileSync(temp, text);
    else {
      const fd = openSync(temp, 'w');
      try {
        for (const piece of text) writeSync(fd, piece);
      } finally {
        closeSync(fd);
      }
    }
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, {force: true});
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: cannot write output file${code ? ` (${code})` : ''}`, file);
  }
}
