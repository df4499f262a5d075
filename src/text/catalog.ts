// `parley list` as text: scenarios, then each agent's policies with their parameters (default,
// range, meaning), wrapped to 80 columns.
import type {Catalog, ParamInfo} from '../host/catalog.js';
import {firstSentence, padEnd, wrap} from './plain.js';

const WIDTH = 80;

export function formatCatalog(c: Catalog): string {
  const out: string[] = ['Scenarios (parley run NAME)', ...entries(c.scenarios), '', 'Sweeps (parley sweep NAME --out runs.csv)', ...entries(c.sweeps), '', 'Sensitivity analyses (parley sensitivity NAME --out runs.csv)', ...entries(c.sensitivity), '', 'Calibrations (parley calibrate NAME --out DIR)', ...entries(c.calibration)];
  out.push('', 'Policies (--set agents.AGENT.policy=NAME, --set agents.AGENT.params.PARAM=VALUE)');
  for (const agent of [...new Set(c.policies.map((p) => p.agent))]) {
    out.push('', agent);
    for (const p of c.policies.filter((q) => q.agent === agent)) {
      out.push('', `  ${p.name}`, wrap(p.summary, WIDTH, '    ', 4), wrap(p.theory, WIDTH, '    based on ', 13));
      out.push(...params(p.params));
    }
  }
  return out.join('\n') + '\n';
}

/** Bundled files by name, each with the first sentence of its description. */
function entries(list: Catalog['scenarios']): string[] {
  if (list.length === 0) return ['  (none bundled)'];
  const nameWidth = Math.max(...list.map((s) => s.name.length));
  return list.map((s) => wrap(firstSentence(s.description), WIDTH, `  ${padEnd(s.name, nameWidth)}  `, nameWidth + 4));
}

function params(list: readonly ParamInfo[]): string[] {
  const nameWidth = Math.max(0, ...list.map((p) => p.name.length));
  const valueWidth = Math.max(0, ...list.map((p) => valueAndRange(p).length));
  const indent = 6 + nameWidth + 2 + valueWidth + 2;
  return list.map((p) => {
    const text = p.values ? `${p.description}; one of ${p.values.join(', ')}` : p.description;
    const head = `      ${padEnd(p.name, nameWidth)}  ${padEnd(valueAndRange(p), valueWidth)}  `;
    // Too little room left for the description: give it its own lines.
    if (WIDTH - indent < 24) return `${head.trimEnd()}\n${wrap(text, WIDTH, '        ', 8)}`;
    return wrap(text, WIDTH, head, indent);
  });
}

/** `100 (10–2000)`, `true`, `humanitarian`. */
function valueAndRange(p: ParamInfo): string {
  const value = typeof p.default === 'string' ? p.default : JSON.stringify(p.default);
  if (p.min !== null || p.max !== null) return `${value} (${p.min ?? ''}–${p.max ?? ''})`;
  return value;
}
