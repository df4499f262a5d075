// Option parsing with node:util parseArgs, turning its errors into short usage messages.
import {parseArgs, type ParseArgsConfig} from 'node:util';
import {UsageError} from './errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses one command's arguments (after the command name); positionals are the caller's to check. */
export function parseCommand<const O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({args, options, allowPositionals: true, strict: true});
  } catch (e) {
    throw new UsageError(describeParseError(command, e as Error & {code?: string}));
  }
}

function describeParseError(command: string, e: Error & {code?: string}): string {
  const option = /'(-[^' ]*)/.exec(e.message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option} for ${command}`;
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (e.message.includes('does not take an argument')) return `${option} takes no value`;
    if (e.message.includes('ambiguous')) return `${option} needs a value (write ${option}=VALUE for a value starting with "-")`;
    return `${option} needs a value`;
  }
  return e.message.split('\n')[0]!;
}

/** `--days 30` → 30; anything but a positive whole number is a usage error naming the option. */
export function positiveInt(option: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(text.trim())) throw new UsageError(`${option} must be a positive whole number, got "${text}"`);
  return Number(text.trim());
}
