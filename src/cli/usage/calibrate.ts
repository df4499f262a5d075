// `parley calibrate`: its options (parsed by ../calibrate.ts) and its help.
import {defineUsage} from '../args.js';

export const CALIBRATE_USAGE = defineUsage({
  name: 'calibrate',
  synopsis: ['calibrate SPEC --out DIR [options]'],
  about:
    "Bayesian calibration of a calibration spec (a file, or a bundled one: parley list shows them) by approximate Bayesian computation with sequential Monte Carlo: each generation's particles run as a sweep (on worker threads, one row a run, in DIR/generation-<t>.csv), the closest to the record up to the spec's information date are kept and weighted, and the last population is written as a weighted posterior sample (DIR/posterior.csv, which parley run --posterior and sweeps take). Then a posterior predictive check scores the runs on the record after the information date (coverage of the 50% and 80% intervals, CRPS, weighted interval score, PIT) beside naive baselines fitted on the same information. Byte-identical whatever --workers; --resume continues after an interruption. docs/calibration.md explains the method.",
  options: {
    out: {type: 'string', value: 'DIR', help: 'the folder for the generations, the predictive runs, posterior.csv and report.json (made if missing); an existing one only with --resume or --force'},
    workers: {type: 'string', value: 'N', help: 'worker threads, at most 4 per core', defaultText: 'one per core'},
    shard: {type: 'string', value: 'k/N', help: 'run only block k of N of the first generation not yet complete, then stop; a run without --shard joins the blocks and goes on (a cluster job array, one generation at a time)', defaultText: 'every run'},
    resume: {type: 'boolean', help: 'continue DIR after an interruption: check the rows there and run the rest'},
    force: {type: 'boolean', help: 'replace the runs already in DIR'},
    json: {type: 'boolean', help: 'print the report as JSON instead of tables'},
    quiet: {type: 'boolean', help: 'no progress or notes on stderr'},
  },
  examples: [
    ['parley calibrate afghanistan-2020@2020-06-30 --out cal', 'fit the release pace to the record up to 30 June, score July to September'],
    ['parley calibrate afghanistan-2020@2020-06-30 --out cal --resume', 'continue it after an interruption, to the same files'],
    ['parley calibrate my-spec.yaml --out cal --shard 3/8', 'block 3 of 8 of each generation, as a job of an array'],
    ['parley run afghanistan-2020@2020-06-30 --posterior cal/posterior.csv', 'then: one run with parameters drawn from the posterior'],
  ],
});
