// `parley sweep`: its options (parsed by ../sweep.ts) and its help.
import {defineUsage} from '../args.js';

export const SWEEP_USAGE = defineUsage({
  name: 'sweep',
  synopsis: ['sweep SPEC [options]'],
  about:
    'Runs every run of a sweep spec (a file, or a bundled sweep: parley list shows them) on worker threads, one row a run in run order, to a CSV or NDJSON file or stdout, with progress on stderr; then a summary per point (FILE.summary.csv for --out FILE, and a table). Ctrl-C, SIGTERM or SIGHUP stops it cleanly and prints the command that resumes. One sweep at a time writes a given --out: a second is refused.',
  options: {
    workers: {type: 'string', value: 'N', help: 'worker threads, at most 4 per core', defaultText: 'one per core'},
    posterior: {
      type: 'string',
      value: 'FILE',
      help: "draw each run's model parameters from a posterior sample (the CSV parley calibrate writes), as the spec's posterior field does: the run's seed chooses a particle by weight, so rows are the same on any --workers or --shard. Rows gain the columns particle and posterior (the file's digest): --resume and merge refuse rows of another posterior. Stall-risk rollouts use the run's particle. A path the spec varies or sets is refused",
      defaultText: "the spec's posterior, if any",
    },
    out: {
      type: 'string',
      value: 'FILE',
      help: 'write the rows to FILE (.csv, .ndjson or .jsonl), never the spec or its scenario; an existing file only with --resume or --force',
      defaultText: 'stdout',
    },
    format: {type: 'string', value: 'F', help: "rows as csv or ndjson; must agree with --out's extension", defaultText: "--out's extension, else csv"},
    shard: {type: 'string', value: 'k/N', help: 'run only the k-th of N contiguous blocks of runs (parley merge joins them)', defaultText: 'every run'},
    resume: {type: 'boolean', help: 'continue --out after an interruption: check the rows there and run the rest'},
    force: {type: 'boolean', help: 'replace an existing --out and its summary'},
    quiet: {type: 'boolean', help: 'no progress or notes on stderr'},
  },
  examples: [
    ['parley sweep pace-and-patience --out runs.csv', 'every run on all cores, to runs.csv and runs.summary.csv'],
    ['parley sweep my-sweep.yaml --shard 2/8 --out part-2.csv --resume', 'the second of 8 blocks, continued if it was interrupted'],
  ],
});
