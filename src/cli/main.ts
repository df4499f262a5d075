// The command dispatcher: decides once whether to be interactive (mode.ts), picks the command,
// runs it, and turns every failure into a message on stderr and an exit code (see EXIT). Never
// throws and never calls process.exit, so piped output is always flushed. Each command's module
// is imported when it runs: `parley --version` loads none, `parley run --json` not the dashboard
// (Ink, React) nor the sweep's worker pool and spec schema.
import {InputError} from '../scenario/errors.js';
import {EXIT, UsageError} from './errors.js';
import {OutputError} from './output-errors.js';
import {didYouMean} from '../scenario/suggest.js';
import {processIo, type Io} from './io.js';
import {versionLine} from './version.js';
import {decideMode, type Mode, type Streams} from './mode.js';

type Command = (args: string[], io: Io, mode: Mode) => number | Promise<number>;

/** Each command, by the module that holds it: a new command is one file and one line here. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./run.js')).runCommand,
  replay: async () => (await import('./replay.js')).replayCommand,
  list: async () => (await import('./list.js')).listCommand,
  validate: async () => (await import('./validate.js')).validateCommand,
  schema: async () => (await import('./schema.js')).schemaCommand,
  sweep: async () => (await import('./sweep.js')).sweepCommand,
  merge: async () => (await import('./merge.js')).mergeCommand,
  sensitivity: async () => (await import('./sensitivity.js')).sensitivityCommand,
  summarize: async () => (await import('./summarize.js')).summarizeCommand,
  calibrate: async () => (await import('./calibrate.js')).calibrateCommand,
};

/** A bare `parley`: the scenario picker and dashboard on a terminal, else the baseline summary. */
async function withoutArguments(io: Io, mode: Mode): Promise<number> {
  if (mode.dashboard) {
    const {runDashboard} = await import('./dashboard.js');
    return runDashboard(io, {load: {}});
  }
  return dispatch(['run'], io, mode);
}

export async function main(argv: string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env, streams: Streams = process): Promise<number> {
  try {
    // --no-color is global (bin.ts already applied it); it is not a command's option.
    const args = argv.filter((a) => a !== '--no-color');
    // Interactive or plain: decided here, once, for every command.
    const mode = decideMode(env, streams);
    return await (args.length === 0 ? withoutArguments(io, mode) : dispatch(args, io, mode));
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

async function dispatch(argv: string[], io: Io, mode: Mode): Promise<number> {
  const [first = '', ...rest] = argv;
  // --help anywhere before a `--` wins, so `parley run --help` works too.
  const options = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  if (first === 'help' || options.includes('-h') || options.includes('--help')) {
    // `parley help run`, `parley run --help`: that command's help; otherwise the overview.
    const named = first === 'help' ? rest.find((a) => !a.startsWith('-')) : Object.hasOwn(COMMANDS, first) ? first : undefined;
    const {USAGES} = await import('./usage/index.js');
    if (named === undefined) io.stdout((await import('./help.js')).HELP);
    else if (Object.hasOwn(USAGES, named)) io.stdout((await import('./command-help.js')).commandHelp(USAGES[named]!));
    else throw unknownCommand(named);
    return EXIT.ok;
  }
  if (first === '--version') {
    io.stdout(`${versionLine()}\n`);
    return EXIT.ok;
  }
  if (Object.hasOwn(COMMANDS, first)) return (await COMMANDS[first]!())(rest, io, mode);
  if (first.startsWith('-')) throw new UsageError(`expected a command (${Object.keys(COMMANDS).join(', ')}) before ${first}`);
  throw unknownCommand(first);
}

function unknownCommand(name: string): UsageError {
  const names = Object.keys(COMMANDS);
  return new UsageError(`unknown command "${name}"${didYouMean(name, names)}; the commands are ${names.join(', ')}`);
}
