// `parley sensitivity`: its options (parsed by ../sensitivity.ts) and its help.
import {defineUsage} from '../args.js';

export const SENSITIVITY_USAGE = defineUsage({
  name: 'sensitivity',
  synopsis: ['sensitivity SPEC [options]', 'sensitivity SPEC --analyse FILE [--method M] [--json]'],
  about:
    "Global sensitivity analysis of a sensitivity spec (a file, or a bundled one: parley list shows them): runs its Morris or Sobol design as a sweep (on worker threads, one row a run, resumable, shardable) and prints, for each output, the parameters ranked by mu* or ST with bootstrap intervals, the seed's own index, and the parameters that do not rise above it (inert). With --out FILE the runs go to FILE and the indices to FILE.indices.csv and FILE.convergence.csv. --analyse redoes the analysis from a results file, running nothing. docs/sensitivity.md explains the methods.",
  options: {
    method: {type: 'string', value: 'M', help: 'morris (screening: mu*, mu, sigma) or sobol (S1, ST)', defaultText: "the spec's method"},
    workers: {type: 'string', value: 'N', help: 'worker threads, at most 4 per core', defaultText: 'one per core'},
    out: {type: 'string', value: 'FILE', help: 'write the runs to FILE (.csv, .ndjson or .jsonl); an existing file only with --resume or --force', defaultText: 'keep no runs'},
    format: {type: 'string', value: 'F', help: "rows as csv or ndjson; must agree with --out's extension", defaultText: "--out's extension, else csv"},
    shard: {type: 'string', value: 'k/N', help: 'run only the k-th of N contiguous blocks of runs (parley merge joins them; then --analyse)', defaultText: 'every run'},
    resume: {type: 'boolean', help: 'continue --out after an interruption: check the rows there and run the rest'},
    force: {type: 'boolean', help: 'replace an existing --out and its indices files'},
    analyse: {type: 'string', value: 'FILE', help: "analyse FILE, the complete results of this spec and method (each row is checked against them); rewrites FILE's indices files"},
    json: {type: 'boolean', help: 'print the analysis as JSON instead of the tables'},
    quiet: {type: 'boolean', help: 'no progress or notes on stderr'},
  },
  examples: [
    ['parley sensitivity afghanistan-2020-all --out morris.csv', 'screen every parameter of the three policies on all cores'],
    ['parley sensitivity afghanistan-2020-all --method sobol --out sobol.csv', 'Sobol indices of the same parameters'],
    ['parley sensitivity afghanistan-2020-all --analyse morris.csv --json', 'the analysis again, as JSON, from the results file'],
  ],
});
