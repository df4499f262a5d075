// `parley schema [scenario|sweep]`: the JSON Schema of scenario files or of sweep specs
// (docs/scenario.schema.json and docs/sweep.schema.json are this output).
import {scenarioJsonSchema} from '../scenario/schema.js';
import {didYouMean} from '../scenario/suggest.js';
import {sweepJsonSchema} from '../sweep/spec.js';
import {sensitivityJsonSchema} from '../sensitivity/spec.js';
import {calibrationJsonSchema} from '../calibration/spec.js';
import {parseCommand} from './args.js';
import {UsageError} from './errors.js';
import type {Io} from './io.js';
import {SCHEMA_USAGE} from './usage/schema.js';

const SCHEMAS: Record<string, () => unknown> = {scenario: scenarioJsonSchema, sweep: sweepJsonSchema, sensitivity: sensitivityJsonSchema, calibration: calibrationJsonSchema};

export function schemaCommand(args: string[], io: Io): number {
  const {positionals} = parseCommand(SCHEMA_USAGE, args);
  const [kind = 'scenario', ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`schema takes one of ${Object.keys(SCHEMAS).join(' or ')}, got ${positionals.join(' ')}`);
  if (!Object.hasOwn(SCHEMAS, kind)) throw new UsageError(`schema takes ${Object.keys(SCHEMAS).join(' or ')}, got "${kind}"${didYouMean(kind, Object.keys(SCHEMAS))}`);
  io.stdout(`${JSON.stringify(SCHEMAS[kind]!(), null, 2)}\n`);
  return 0;
}
