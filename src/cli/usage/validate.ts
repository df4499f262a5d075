// `parley validate`: its options (parsed by ../validate.ts) and its help.
import {defineUsage} from '../args.js';

export const VALIDATE_USAGE = defineUsage({
  name: 'validate',
  synopsis: ['validate SCENARIO… [--set PATH=VALUE]…'],
  about: 'Checks scenario files or bundled names without running them and prints what each one sets up. Every one is checked; the exit code is 2 if any is invalid.',
  options: {
    set: {type: 'string', multiple: true, value: 'PATH=VALUE', help: 'change a field before checking, as parley run --set does (repeatable)'},
  },
  examples: [
    ['parley validate my-scenario.yaml', 'check a scenario file'],
    ['parley validate baseline --set days=90', 'check the baseline with a change'],
  ],
});
