// What `npm run history` and `npm run audit:params` share: one count option (runs, seeds) and
// `--json`, the count checked as the CLI checks its own (positiveInt), the result printed as
// JSON or as its text. A bad count or option is a usage error: its message, exit code 2.
import {processIo} from '../io.js';
import {scriptArgs, scriptCount} from './script-args.js';

export function countScript<T>(script: string, option: string, fallback: number, compute: (count: number) => T, text: (result: T, count: number) => string): void {
  const values = scriptArgs(script, {[option]: {type: 'string'}, json: {type: 'boolean', default: false}});
  if (values === null) return;
  const count = scriptCount(script, option, values[option] as string | undefined, fallback);
  if (count === null) return;
  const result = compute(count);
  processIo.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : text(result, count));
}
