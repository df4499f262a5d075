// `parley list`: bundled scenarios and the policies of each agent with their parameters.
import {formatCatalog} from '../text/catalog.js';
import {parseCommand} from './args.js';
import {catalog} from '../host/catalog.js';
import {UsageError} from './errors.js';
import type {Io} from './io.js';
import {LIST_USAGE} from './usage/list.js';

export function listCommand(args: string[], io: Io): number {
  const {values, positionals} = parseCommand(LIST_USAGE, args);
  if (positionals.length > 0) throw new UsageError(`list takes no arguments, got ${positionals.join(' ')}`);
  const c = catalog();
  io.stdout(values.json ? `${JSON.stringify(c, null, 2)}\n` : formatCatalog(c));
  return 0;
}
