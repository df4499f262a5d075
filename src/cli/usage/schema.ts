// `parley schema`: its help (it has no options).
import {defineUsage} from '../args.js';

export const SCHEMA_USAGE = defineUsage({
  name: 'schema',
  synopsis: ['schema [scenario|sweep]'],
  about:
    'Prints the JSON Schema of scenario files (the default) or of sweep specs, for completion and checks in an editor. docs/scenario.schema.json and docs/sweep.schema.json hold this output; the bundled files point at them with a first line "# yaml-language-server: $schema=…".',
  options: {},
  examples: [
    ['parley schema > scenario.schema.json', 'the schema of scenario files'],
    ['parley schema sweep > sweep.schema.json', 'the schema of sweep specs'],
  ],
});
