// `parley merge`: its options (parsed by ../merge.ts) and its help.
import {defineUsage} from '../args.js';

export const MERGE_USAGE = defineUsage({
  name: 'merge',
  synopsis: ['merge FILE… [options]'],
  about:
    'Joins the outputs of parley sweep --shard into one, in run order, after checking that they share a header, cover every run once and were drawn from one posterior, if any; with --spec, every row is checked against the sweep and the summary is written.',
  options: {
    out: {
      type: 'string',
      value: 'FILE',
      help: 'write the merged rows to FILE, in the format of the files merged and never one of them or the spec; an existing file only with --force',
      defaultText: 'stdout',
    },
    spec: {type: 'string', value: 'SPEC', help: 'check every row against this sweep spec and that the files hold the whole sweep; with --out FILE, write FILE.summary.csv too'},
    posterior: {type: 'string', value: 'FILE', help: 'with --spec: the posterior the sweep was run with by --posterior (a spec that names its own needs none); rows drawn from another are refused', defaultText: "the spec's"},
    format: {type: 'string', value: 'F', help: "the files' format, csv or ndjson", defaultText: 'their extensions'},
    force: {type: 'boolean', help: 'replace an existing --out'},
    quiet: {type: 'boolean', help: 'no notes on stderr'},
  },
  examples: [
    ['parley merge part-*.csv --spec my-sweep.yaml --out runs.csv', 'the blocks of a sweep as one file, checked row by row, with its summary'],
    ['parley merge part-1.ndjson part-2.ndjson > runs.ndjson', 'two blocks to stdout, checked only to fit together'],
  ],
});
