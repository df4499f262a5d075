// The options of the npm scripts (`npm run bench`, `calibrate`, `docs`, `history`,
// `audit:params`): parsed with node:util parseArgs like the CLI's, and a mistake in them (an
// unknown option, a missing value, a count that is not a positive whole number) is a usage error
// as in the CLI: one line naming the script and the option, exit code 2, no stack trace.
import {parseArgs, type ParseArgsConfig} from 'node:util';
import {positiveInt} from '../args.js';
import {UsageError} from '../errors.js';
import {processIo} from '../io.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values<O extends Options> = ReturnType<typeof parseArgs<{options: O}>>['values'];

/** Parses `argv` (default: the process's) or ends the process with a usage error; returns null then. */
export function scriptArgs<O extends Options>(script: string, options: O, argv?: string[]): Values<O> | null {
  try {
    return parseArgs({options, args: argv ?? process.argv.slice(2)}).values;
  } catch (e) {
    const code = (e as {code?: string}).code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) throw e;
    return usageError(script, (e as Error).message);
  }
}

/** The value of a count option as a positive whole number, `fallback` when absent; null after a usage error. */
export function scriptCount(script: string, option: string, text: string | undefined, fallback: number): number | null {
  try {
    return positiveInt(`--${option}`, text) ?? fallback;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return usageError(script, e.message);
  }
}

function usageError(script: string, message: string): null {
  processIo.stderr(`${script}: ${message}\n`);
  process.exitCode = 2;
  return null;
}
