// Usage errors: the command line itself is wrong. main prints the message with a pointer to
// --help and exits 2 (bad input in a scenario file is an InputError, also exit 2).
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit codes, documented in --help. */
export const EXIT = {ok: 0, failure: 1, usage: 2, interrupted: 130} as const;
