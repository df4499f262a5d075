// The positional arguments of a bench probe (sweep-probe.ts, sensitivity-probe.ts). The bench
// spawns them itself, but a person may run one by hand: a missing or bad argument, or a spec
// that does not load, is one line on stderr and exit code 2, not a stack trace.
import {InputError} from '../scenario/errors.js';
import {processIo} from '../cli/io.js';

/**
 * The first `required` arguments (all present), or null after printing the usage line. The
 * argument named `workers` must be a positive integer.
 */
export function probeArgs(script: string, names: readonly string[], required: number): (string | undefined)[] | null {
  const args = process.argv.slice(2);
  const workers = names.indexOf('workers');
  const bad = args.length < required || (workers >= 0 && !/^[1-9]\d*$/.test(args[workers] ?? ''));
  if (!bad) return names.map((_, i) => args[i]);
  const usage = names.map((n, i) => (i < required ? `<${n}>` : `[${n}]`)).join(' ');
  processIo.stderr(`usage: node dist/bench/${script} ${usage} (workers a positive integer)\n`);
  process.exitCode = 2;
  return null;
}

/** Runs `load`; an input error (a spec that does not load) is printed as one line with exit code 2. */
export function loaded<T>(script: string, load: () => T): T | null {
  try {
    return load();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    processIo.stderr(`${script}: ${e.message}\n`);
    process.exitCode = 2;
    return null;
  }
}
