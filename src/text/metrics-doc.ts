// README's table of the sweep's metric columns, generated from the observables they pick
// (sim/observables.ts): `npm run docs` writes it between the markers, and a test fails when the
// README differs from it, so a metric cannot be added, renamed or redefined without its docs.
import type {BlockMarkers} from '../fmt/generated-block.js';
import {RUN_OBSERVABLES, TYPE_DOCS} from '../sim/observables.js';
import {METRICS} from '../sweep/metrics.js';

export const METRICS_BLOCK: BlockMarkers = {
  start: '<!-- npm run docs: sweep metric columns (generated from src/sim/observables.ts) -->',
  end: '<!-- npm run docs: end of sweep metric columns -->',
};

/** A table cell: a line break or a pipe would break the row. */
const cell = (text: string): string => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');

/** The markdown table of the metric columns, in column order, each line ending in "\n". */
export function metricsMarkdown(): string {
  const rows = METRICS.map((name) => {
    const o = RUN_OBSERVABLES[name];
    const doc = 'stallRisk' in o ? `${o.doc} (only where stall risk is estimated: below)` : o.doc;
    const type = TYPE_DOCS[o.type];
    const value = `${type.value}${'print' in o ? ', four decimals' : ''}${type.empty ? ', or empty' : ''}`;
    return `| \`${name}\` | ${cell(value)} | ${cell(o.unit)} | ${cell(doc)} |`;
  });
  return ['| column | value | unit | what it is |', '|---|---|---|---|', ...rows].map((l) => `${l}\n`).join('');
}
