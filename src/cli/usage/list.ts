// `parley list`: its options (parsed by ../list.ts) and its help.
import {defineUsage} from '../args.js';

export const LIST_USAGE = defineUsage({
  name: 'list',
  synopsis: ['list [--json]'],
  about: 'Lists the bundled scenarios and sweep specs, and every policy of each agent with its parameters (default, range, meaning).',
  options: {
    json: {type: 'boolean', help: 'print the catalogue as one JSON document'},
  },
  examples: [
    ['parley list', 'scenarios, sweeps and policies, as text'],
    ['parley list --json', 'the same as JSON, for scripts'],
  ],
});
