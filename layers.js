// @ts-check
// parley's layers, top to bottom, and what each folder of src/ may import (besides itself).
// Imports run one way, downwards: eslint.config.js turns this table into no-restricted-imports
// rules, and test/code/layers.test.ts checks the whole import graph against it (and that no two
// files import each other). docs/architecture.md explains the layers.
/** @param {...string} folders */
const below = (...folders) => folders;

const base = below('stats', 'fmt');
const engine = below('sim', ...base);
const model = below('agents', ...engine);
const scenario = below('scenario', ...model);
const data = below('history', ...scenario);

/** @type {Readonly<Record<string, readonly string[]>>} */
export const LAYERS = {
  // The commands: arguments, the one interactive-or-plain decision, exit codes. bench is tooling
  // beside them (it measures every layer).
  cli: below('ui', 'text', 'host', 'calibration', 'sensitivity', 'sweep', 'analysis', ...data),
  bench: below('cli', 'ui', 'text', 'host', 'calibration', 'sensitivity', 'sweep', 'analysis', ...data),
  // Ink only: the dashboard and the picker. They read snapshots from host and draw text widths.
  ui: below('text', 'host', 'calibration', 'sensitivity', 'sweep', 'analysis', ...data),
  // Every plain-text renderer: run summary, replay text, tables, heatmap, progress, widths.
  text: below('host', 'calibration', 'sensitivity', 'sweep', 'analysis', ...data),
  // Scenario and options to an engine on a thread: prepareRun, the worker protocol, the live
  // loops and the snapshots the UI reads.
  host: below('calibration', 'sensitivity', 'sweep', 'analysis', ...data),
  // Global sensitivity analysis: a Morris or Saltelli design run as a sweep, and its indices.
  // Calibration as inference: ABC-SMC generations run as sweeps, the posterior and its predictive check.
  calibration: below('sweep', 'analysis', ...data),
  sensitivity: below('sweep', 'analysis', ...data),
  sweep: below(...scenario),
  analysis: below(...data),
  history: below(...scenario),
  scenario: below(...model),
  agents: below(...engine),
  sim: below(...base),
  stats: below(),
  fmt: below(),
};
