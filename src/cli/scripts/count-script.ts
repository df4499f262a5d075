// What `npm run history` and `npm run audit:params` share: one count option (runs, seeds) and
// `--json`, the count checked as the CLI checks its own (positiveInt), the result printed as
// JSON or as its text. A bad count is a usage error: its message, exit code 2.
import {parseArgs} from 'node:util';
import {positiveInt} from '../args.js';
import {UsageError} from '../errors.js';
import {processIo} from '../io.js';

export function countScript<T>(option: string, fallback: number, compute: (count: number) => T, text: (result: T, count: number) => string): void {
  const {values} = parseArgs({options: {[option]: {type: 'string'}, json: {type: 'boolean', default: false}}});
  let count: number;
  try {
    count = positiveInt(`--${option}`, values[option] as string | undefined) ?? fallback;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    processIo.stderr(`${e.message}\n`);
    process.exitCode = 2;
    return;
  }
  const result = compute(count);
  processIo.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : text(result, count));
}
