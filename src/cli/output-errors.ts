// Failures of the machine, not of the input: a full disk, a quota, a read-only or forbidden
// place. They are said plainly, naming the file, and exit 1 (bad input exits 2). This is the one
// place that knows which error codes these are and what to call them.
import {InputError} from '../scenario/errors.js';

/** The codes that mean the environment refused a write, in words a user knows. */
const ENVIRONMENT: Readonly<Record<string, string>> = {
  ENOSPC: 'disk full',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EROFS: 'read-only file system',
};

/** What `code` means when it is an environment's refusal to write; undefined for any other. */
export function environmentProblem(code: string | undefined): string | undefined {
  return code !== undefined && Object.hasOwn(ENVIRONMENT, code) ? `${ENVIRONMENT[code]} (${code})` : undefined;
}

/** A write to `file` that failed for want of room, rights or the lock: main prints the message and exits 1. */
export class OutputError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: cannot write: ${problem}`);
    this.name = 'OutputError';
  }
}

/**
 * The error to report for a failed write of `file`: an OutputError when the environment refused
 * it, the error itself when it is already one of parley's, else an InputError (a path that is a
 * folder, or in a folder that does not exist: the command line is wrong).
 */
export function writeError(file: string, e: unknown): Error {
  if (e instanceof OutputError || e instanceof InputError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const problem = environmentProblem(code);
  if (problem !== undefined) return new OutputError(file, problem);
  return new InputError(`${file}: cannot write output file${code ? ` (${code})` : ''}`, file);
}
