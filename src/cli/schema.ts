// `parley schema`: the JSON Schema of scenario files (docs/scenario.schema.json is this output).
import {scenarioJsonSchema} from '../scenario/schema.js';
import {parseCommand} from './args.js';
import {UsageError} from './errors.js';
import type {Io} from './io.js';

export function schemaCommand(args: string[], io: Io): number {
  const {positionals} = parseCommand('schema', args, {});
  if (positionals.length > 0) throw new UsageError(`schema takes no arguments, got ${positionals.join(' ')}`);
  io.stdout(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  return 0;
}
