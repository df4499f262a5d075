// `parley run`: its options (parsed by run.ts) and its help.
import {defineUsage} from '../args.js';

export const RUN_USAGE = defineUsage({
  name: 'run',
  synopsis: ['run [SCENARIO] [options]'],
  about:
    'Runs a scenario: the live dashboard on a terminal, otherwise a text summary (or the report as --json or --ndjson). SCENARIO is a file (.yaml, .yml, .json) or a bundled name (parley list shows them); without one, baseline. The same scenario and seed always give byte-identical output.',
  options: {
    seed: {type: 'string', value: 'S', help: 'seed of the negotiation', defaultText: "the scenario's"},
    days: {type: 'string', value: 'N', help: 'simulate at most N days', defaultText: "the scenario's days"},
    set: {
      type: 'string',
      multiple: true,
      value: 'PATH=VALUE',
      help: 'change a scenario field, checked like the file, e.g. agents.government.params.batchSize=200; a last segment + appends to a list (events.+={...}); repeatable; parley list shows the parameters',
    },
    posterior: {
      type: 'string',
      value: 'FILE',
      help: "draw the model's parameters from a posterior sample (the CSV parley calibrate writes: particle,weight,<--set path>,…): the run's seed chooses one particle by weight, whose values apply after the scenario file; the summary names it and --json has it in posterior. The stall-risk rollouts use the same particle. A --set on a drawn path is refused",
      defaultText: "the scenario's parameters",
    },
    json: {type: 'boolean', help: 'print the full report as one JSON document'},
    ndjson: {type: 'boolean', help: 'print the report as one JSON record a line'},
    out: {
      type: 'string',
      value: 'FILE',
      help: 'write to FILE instead of stdout, atomically, in the format its extension names: .json JSON, .ndjson or .jsonl NDJSON, .txt the text summary; any other name: the summary, or what --json or --ndjson asks. A flag that contradicts the extension is refused, and so is the scenario file as FILE',
      defaultText: 'stdout',
    },
    'no-stall-risk': {type: 'boolean', help: 'skip the daily stall-risk estimate, which makes a run much faster', defaultText: 'estimated unless the scenario sets stall.rollouts to 0'},
    speed: {type: 'string', value: 'N|max', help: 'dashboard speed in days a second: 1, 2, 5, 10, 20, 50, 100 or max', defaultText: '10'},
    from: {
      type: 'string',
      value: 'DATE',
      help: 'start from the historical record on DATE (YYYY-MM-DD) and simulate forward: a counterfactual fork, for a scenario that names its history, such as afghanistan-2020',
      defaultText: 'day 0',
    },
  },
  examples: [
    ['parley run baseline --seed 7', 'the baseline scenario with another seed'],
    ['parley run afghanistan-2020 --from 2020-04-07 --out fork.json', 'a fork from the record of 7 April 2020, its JSON report to fork.json'],
  ],
});
