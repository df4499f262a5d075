// `parley schema`: its help (it has no options).
import {defineUsage} from '../args.js';

export const SCHEMA_USAGE = defineUsage({
  name: 'schema',
  synopsis: ['schema [scenario|sweep|sensitivity|calibration]'],
  about:
    'Prints the JSON Schema of scenario files (the default), of sweep, sensitivity or calibration specs, for completion and checks in an editor. docs/scenario.schema.json, docs/sweep.schema.json, docs/sensitivity.schema.json and docs/calibration.schema.json hold this output; the bundled files point at them with a first line "# yaml-language-server: $schema=…".',
  options: {},
  examples: [
    ['parley schema > scenario.schema.json', 'the schema of scenario files'],
    ['parley schema sweep > sweep.schema.json', 'the schema of sweep specs'],
    ['parley schema sensitivity > sensitivity.schema.json', 'the schema of sensitivity specs'],
  ],
});
