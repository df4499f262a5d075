#!/usr/bin/env node
// The `parley` executable. Only process-level concerns live here; everything else is main.ts,
// imported dynamically so the environment is set up before any module (or colour library) loads.
// (output-errors.js loads nothing else: it names the codes of a full or read-only disk.)
import {environmentProblem} from './output-errors.js';

// PARLEY_DEBUG=1's stack traces: the bundle (dist/bundle/) carries source maps back to dist/'s files.
if (process.env.PARLEY_DEBUG === '1') process.setSourceMapsEnabled(true);

// React's development build checks every render and is several times slower; parley is an
// application, not a library under development. Set before React (via Ink) can load.
process.env.NODE_ENV ??= 'production';

// Colour libraries honour FORCE_COLOR=0 but not NO_COLOR (https://no-color.org); --no-color
// does the same, set here before anything that colours can load.
if (process.env.NO_COLOR || process.argv.includes('--no-color')) process.env.FORCE_COLOR = '0';

// `parley run --ndjson | head -1`: the reader has gone, which is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  process.stderr.write(`parley: cannot write to standard output: ${environmentProblem(e.code) ?? e.message}\n`);
  process.exit(1);
});

// Ctrl-C: say so and stop at once (a plain run gives the event loop a turn every few tens of
// milliseconds, the dashboard's engine and a sweep's run on threads of their own, so this is never
// delayed; a sweep stops more gently, stop-signals.ts). This file alone ends the process.
process.on('SIGINT', () => {
  process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}parley: interrupted\n`);
  process.exit(130);
});

const {main} = await import('./main.js');
process.exitCode = await main(process.argv.slice(2));
