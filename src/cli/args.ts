// Option parsing with node:util parseArgs. Each command declares its options once, in a
// CommandUsage (src/cli/usage/): the same table is parsed here and printed by `parley COMMAND
// --help` (command-help.ts), so the help cannot list an option that is not parsed or miss one.
import {parseArgs} from 'node:util';
import {didYouMean} from '../scenario/suggest.js';
import {UsageError} from './errors.js';

/** One option: how parseArgs reads it, and what its help says. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** The value's placeholder in the help (`--days N`); string options only. */
  value?: string;
  /** What it does, one sentence or two. */
  help: string;
  /** What happens without it, shown as "(default: …)". */
  defaultText?: string;
}

export type OptionTable = Record<string, OptionSpec>;

/** Everything `parley COMMAND --help` prints, and the options the command parses. */
export interface CommandUsage<O extends OptionTable = OptionTable> {
  name: string;
  /** Synopsis lines after `parley `, e.g. `run [SCENARIO] [options]`. */
  synopsis: string[];
  /** What the command does, a short paragraph. */
  about: string;
  options: O;
  /** Two or more: the command line and what it does. */
  examples: [command: string, does: string][];
}

/** Declares a command's usage with its option table's exact type, for typed parse results. */
export const defineUsage = <const O extends OptionTable>(usage: CommandUsage<O>): CommandUsage<O> => usage;

type Values<O extends OptionTable> = {
  [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : O[K]['multiple'] extends true ? string[] : string;
};

/** Parses one command's arguments (after the command name); positionals are the caller's to check. */
export function parseCommand<O extends OptionTable>(usage: CommandUsage<O>, args: string[]): {values: Values<O>; positionals: string[]} {
  // Only what parseArgs knows: a help field named `default` would become a value.
  const options = Object.fromEntries(Object.entries(usage.options).map(([name, o]) => [name, {type: o.type, multiple: o.multiple ?? false}]));
  try {
    const {values, positionals} = parseArgs({args, options, allowPositionals: true, strict: true});
    return {values: values as Values<O>, positionals};
  } catch (e) {
    throw new UsageError(describeParseError(usage, e as Error & {code?: string}));
  }
}

function describeParseError(usage: CommandUsage, e: Error & {code?: string}): string {
  const option = /'(-[^' ]*)/.exec(e.message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option} for ${usage.name}${didYouMean(option, Object.keys(usage.options).map((name) => `--${name}`))}`;
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
