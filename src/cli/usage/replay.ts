// `parley replay`: its options (parsed by replay.ts) and its help.
import {defineUsage} from '../args.js';

export const REPLAY_USAGE = defineUsage({
  name: 'replay',
  synopsis: ['replay [HISTORY] [options]', 'replay --compare [SCENARIO] [--runs N] [options]'],
  about:
    'Plays the 2020 timeline day by day, as the sources report it: the dashboard on a terminal, otherwise text (or --json). HISTORY is a file or a bundled history; without one, afghanistan-2020. With --compare, runs a model SCENARIO (default: afghanistan-2020) over N seeds and sets it against the record.',
  options: {
    json: {type: 'boolean', help: 'print JSON instead of text'},
    out: {
      type: 'string',
      value: 'FILE',
      help: 'write to FILE instead of stdout, atomically, in the format its extension names: .json JSON, .txt text (.ndjson and .jsonl are refused); any other name: text, or JSON with --json. A --json that contradicts the extension is refused, and so is an input file as FILE',
      defaultText: 'stdout',
    },
    compare: {type: 'boolean', help: 'set a model scenario (the argument) against the record'},
    runs: {type: 'string', value: 'N', help: 'seeds the model is run with, with --compare', defaultText: '100'},
    constructed: {type: 'boolean', help: 'with --compare: fit the constructed points of the record too (implied or carried forward), not only the reported ones'},
    posterior: {
      type: 'string',
      value: 'FILE',
      help: "with --compare: draw the model's parameters from a posterior sample (the CSV parley calibrate writes): each seed runs the particle it draws by weight, so the 10-90% band carries parameter uncertainty as well as the dice; the output names the posterior",
      defaultText: "the scenario's parameters",
    },
    history: {type: 'string', value: 'HISTORY', help: 'the record to replay or compare against: a file or a bundled history', defaultText: 'afghanistan-2020'},
    speed: {type: 'string', value: 'N|max', help: 'dashboard speed in days a second: 1, 2, 5, 10, 20, 50, 100 or max', defaultText: '5'},
  },
  examples: [
    ['parley replay --out 2020.txt', 'the 2020 record as text, to 2020.txt'],
    ['parley replay --compare --runs 200', "the model's band over the record, from 200 seeds"],
  ],
});
