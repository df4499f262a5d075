// The command dispatcher: picks the command, runs it, and turns every failure into a message
// on stderr and an exit code (see EXIT). Never throws and never calls process.exit, so piped
// output is always flushed.
import {InputError} from '../scenario/errors.js';
import {EXIT, UsageError} from './errors.js';
import {OutputError} from './output-errors.js';
import {HELP} from './help.js';
import {commandHelp} from './command-help.js';
import {USAGES} from './usage/index.js';
import {didYouMean} from '../scenario/suggest.js';
import {processIo, type Io} from './io.js';
import {listCommand} from './list.js';
import {DEFAULT_SCENARIO, runCommand} from './run.js';
import {replayCommand} from './replay.js';
import {schemaCommand} from './schema.js';
import {validateCommand} from './validate.js';
import {versionLine} from './version.js';
import {canUseDashboard} from './mode.js';

type Command = (args: string[], io: Io) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  run: runCommand,
  replay: replayCommand,
  list: listCommand,
  validate: validateCommand,
  schema: schemaCommand,
  // Loaded on demand: the other commands need neither the worker pool nor the CSV writer.
  sweep: async (args, io) => (await import('./sweep.js')).sweepCommand(args, io),
  merge: async (args, io) => (await import('./merge.js')).mergeCommand(args, io),
  summarize: async (args, io) => (await import('./summarize.js')).summarizeCommand(args, io),
};

/** A bare `parley`: the scenario picker and dashboard on a terminal, else the baseline summary. */
async function withoutArguments(io: Io): Promise<number> {
  if (canUseDashboard()) {
    const {runDashboard} = await import('./dashboard.js');
    return runDashboard(io, {load: {}});
  }
  return dispatch(['run', DEFAULT_SCENARIO], io);
}

export async function main(argv: string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    // --no-color is global (bin.ts already applied it); it is not a command's option.
    const args = argv.filter((a) => a !== '--no-color');
    return await (args.length === 0 ? withoutArguments(io) : dispatch(args, io));
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`parley: ${e.message}; see parley --help\n`);
      return EXIT.usage;
    }
    if (e instanceof OutputError) {
      io.stderr(`parley: ${e.message}\n`);
      return EXIT.failure;
    }
    if (e instanceof InputError) {
      io.stderr(`parley: ${e.message}\n`);
      return EXIT.usage;
    }
    const err = e instanceof Error ? e : new Error(String(e));
    io.stderr(`parley: internal error: ${err.message}\n`);
    io.stderr(env.PARLEY_DEBUG === '1' ? `${err.stack ?? ''}\n` : 'parley: set PARLEY_DEBUG=1 to see the stack trace\n');
    return EXIT.failure;
  }
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const [first = '', ...rest] = argv;
  // --help anywhere before a `--` wins, so `parley run --help` works too.
  const options = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  if (first === 'help' || options.includes('-h') || options.includes('--help')) {
    // `parley help run`, `parley run --help`: that command's help; otherwise the overview.
    const named = first === 'help' ? rest.find((a) => !a.startsWith('-')) : Object.hasOwn(COMMANDS, first) ? first : undefined;
    if (named === undefined) io.stdout(HELP);
    else if (Object.hasOwn(USAGES, named)) io.stdout(commandHelp(USAGES[named]!));
    else throw unknownCommand(named);
    return EXIT.ok;
  }
  if (first === '--version') {
    io.stdout(`${versionLine()}\n`);
    return EXIT.ok;
  }
  if (Object.hasOwn(COMMANDS, first)) return COMMANDS[first]!(rest, io);
  if (first.startsWith('-')) throw new UsageError(`expected a command (${Object.keys(COMMANDS).join(', ')}) before ${first}`);
  throw unknownCommand(first);
}

function unknownCommand(name: string): UsageError {
  const names = Object.keys(COMMANDS);
  return new UsageError(`unknown command "${name}"${didYouMean(name, names)}; the commands are ${names.join(', ')}`);
}
