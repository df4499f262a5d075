// `parley summarize`: its options (parsed by ../summarize.ts) and its help.
import {defineUsage} from '../args.js';

export const SUMMARIZE_USAGE = defineUsage({
  name: 'summarize',
  synopsis: ['summarize RESULTS [options]'],
  about:
    "Prints the summary per point of a sweep's results file (.csv, .ndjson or .jsonl) as a short table: the shares of runs complete, broken down, unfinished and stalled, and each metric's mean; optionally a heatmap of one metric over two parameters.",
  options: {
    heatmap: {type: 'string', value: 'X,Y,METRIC', help: 'also draw METRIC over the parameters X and Y (full paths or unique tails, e.g. batchSize,patienceDays,shareComplete)'},
    out: {type: 'string', value: 'FILE', help: 'also write the full summary to FILE (.csv, .ndjson or .jsonl), never the results file itself'},
    json: {type: 'boolean', help: 'print the summaries as JSON instead of the table'},
  },
  examples: [
    ['parley summarize runs.csv --heatmap batchSize,patienceDays,shareComplete', 'the table, then the share of complete runs over two parameters'],
    ['parley summarize runs.ndjson --out summary.csv', 'the full summary per point to summary.csv'],
  ],
});
