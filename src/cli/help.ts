// The --help text, the overview: examples first, then commands, global options, dashboard keys,
// exit codes. Each command's options are in its own help (usage/, command-help.ts). 80 columns.
export const HELP = `parley: simulate the 2020 Afghan government, Taliban and US prisoner exchange

Examples
  parley                                 pick a scenario and watch it live
  parley run baseline --seed 7           the same scenario with another seed
  parley run baseline --set agents.taliban.policy=obstinate-list
  parley run my-scenario.yaml --days 90  a scenario file, first 90 days only
  parley run baseline --json > run.json  the full report, for analysis
  parley run baseline --ndjson | head    the report as one JSON record a line
  parley replay                          play the real 2020 timeline, day by day
  parley replay --compare --runs 200     the model's band over the 2020 record
  parley sweep pace-and-patience --out runs.csv   every run of a sweep spec
  parley sweep my-sweep.yaml --shard 2/8 --out part-2.csv   one of 8 blocks
  parley merge part-*.csv --spec my-sweep.yaml --out runs.csv
  parley sensitivity afghanistan-2020-all   which parameters matter, and how
  parley calibrate afghanistan-2020@2020-06-30 --out cal   fit to 30 June
  parley list                            bundled scenarios, policies, parameters
  parley validate my-scenario.yaml       check a scenario without running it
  parley schema > scenario.schema.json   JSON Schema of scenario files
  parley run --help                      the options of run, with examples

Commands
  run [SCENARIO]      run a scenario: the live dashboard on a terminal, else a
                      summary; SCENARIO is a file (.yaml, .yml, .json) or a
                      bundled name (default: baseline)
  replay [HISTORY]    the 2020 timeline day by day, as the sources report it:
                      the dashboard on a terminal, else text (default:
                      afghanistan-2020; --json for the data);
                      --compare [SCENARIO] [--runs N]: the model against it
  sweep SPEC          run every run of a sweep spec (a file or a bundled
                      sweep) on worker threads, one row a run in run order,
                      to a CSV or NDJSON file or stdout; then a summary per
                      point (FILE.summary.csv for --out FILE, and a table)
  merge FILE…         join the outputs of sweep --shard in run order, after
                      checking they cover every run once (--spec: the whole
                      sweep, row by row, and write its summary)
  sensitivity SPEC    which parameters move which outcome: a Morris or Sobol
                      design run as a sweep, then the indices of each output
                      with intervals and the parameters that are inert
                      (--analyse FILE: from a results file, running nothing)
  calibrate SPEC      fit parameters to a history up to an information date
                      by ABC-SMC (generations run as sweeps), write the
                      weighted posterior, and score its predictions after
                      the date beside naive baselines
  list                list bundled scenarios, and policies with their parameters
  validate SCENARIO…  check scenarios and print what each one sets up
  schema [KIND]       print the JSON Schema of scenario files (or of sweep,
                      sensitivity or calibration specs: KIND sweep,
                      sensitivity, calibration)
  summarize RESULTS   summary per point of a sweep's results (.csv, .ndjson);
                      --heatmap X,Y,METRIC a metric over two parameters,
                      --out FILE (.csv, .ndjson) the full summary, --json

Options
  parley COMMAND --help (or parley help COMMAND) lists the options of that
  command with their meaning and defaults, and shows examples. For all:
  --no-color          no colours (also when NO_COLOR is set)
  -h, --help          show this help
  --version           print the version

Dashboard keys
  space pause/resume   → step a day   + - speed   r restart   n new seed
  ? help and the stall definition   q quit
  in a replay also: ← a day back   n / p next / previous event
  g go to a date (YYYY-MM-DD, Enter)   Enter the selected event in full
  (r starts the replay over; there are no seeds)
  The dashboard opens on a terminal; with --json, --ndjson, --out, in CI or
  when piped, parley prints plain output instead.

Exit codes
  0    success (whatever the outcome of the negotiation)
  1    runtime failure: disk full, no permission, a lost lock, or a bug
  2    bad usage or input: unknown command or option, invalid scenario
  129  a sweep stopped by SIGHUP (its terminal closed), as for 130
  130  interrupted (Ctrl-C); a sweep keeps the rows written and says how
       to resume
  143  a sweep stopped by SIGTERM (a batch system's time limit), as for 130

The same scenario and seed always give byte-identical output.
`;
