// The short on-screen summary of a sweep: one line per point with its parameters and a few key
// columns, fitted to the terminal width by dropping the least important columns first, then
// shortening parameter values. The full table is the summary file.
import {wrap} from './plain.js';
import {clip, clipName, padLeft, padRight, shortNames, showValue, width} from './labels.js';
import {shares, type PointSummary} from '../sweep/summary.js';

const MAX_LINES = 20;
const GAP = '  ';

interface Column {
  header: string;
  cells: string[];
  /** Left-aligned (parameter values) or right-aligned (numbers). */
  left?: boolean;
  /** Parameter columns can be shortened; the others are dropped whole. */
  param?: boolean;
  /** What the footnote says about it. */
  note?: string;
}

const dash = '–';
const fixed = (x: number | null | undefined, d: number): string => (x === null || x === undefined ? dash : (Math.round(x * 10 ** d) / 10 ** d || 0).toFixed(d));
const pct = (x: number | null): string => (x === null ? dash : `${Math.round(x * 100)}%`);

/** "181.2 ± 6.4", the means and the half-widths each aligned on their own. */
function meanAndHalf(stats: readonly ({mean: number | null; lo: number | null; hi: number | null} | undefined)[]): string[] {
  const means = stats.map((s) => fixed(s?.mean, 1));
  const halves = stats.map((s) => (s?.lo == null || s.hi == null ? '' : fixed((s.hi - s.lo) / 2, 1)));
  const mw = Math.max(...means.map(width));
  const hw = Math.max(0, ...halves.map(width));
  return means.map((m, i) => padLeft(m, mw) + (hw === 0 ? '' : halves[i] === '' ? ' '.repeat(hw + 3) : ` ± ${padLeft(halves[i]!, hw)}`));
}

function columnsOf(shown: readonly PointSummary[]): {core: Column[]; optional: Column[]} {
  const params = Object.keys(shown[0]?.params ?? {});
  const names = shortNames(params);
  const has = (m: string): boolean => shown.some((s) => m in s.metrics);
  const sh = shown.map(shares);
  const core: Column[] = [
    {header: 'point', cells: shown.map((s) => String(s.point))},
    ...params.map((p, i): Column => ({header: names[i]!, cells: shown.map((s) => showValue(s.params[p] ?? null)), left: true, param: true})),
    {header: 'runs', cells: shown.map((s) => String(s.runs))},
    {header: 'done', cells: sh.map((x) => pct(x.complete)), note: 'share of runs complete'},
  ];
  if (has('completionDay')) core.push({header: 'day', cells: meanAndHalf(shown.map((s) => s.metrics.completionDay)), note: 'mean completion day of the complete runs ± half its 95% interval'});
  // Dropped in this order (last first) when the table is too wide.
  const optional: Column[] = [];
  if (has('stalledDays')) optional.push({header: 'stalled', cells: shown.map((s) => fixed(s.metrics.stalledDays?.mean, 1)), note: 'mean days stalled'});
  if (has('walkouts')) optional.push({header: 'walkouts', cells: shown.map((s) => fixed(s.metrics.walkouts?.mean, 2)), note: 'mean walk-outs'});
  optional.push({header: 'broken', cells: sh.map((x) => pct(x.broken)), note: 'share broken down'});
  return {core, optional};
}

const natural = (c: Column): number => Math.max(width(c.header), ...c.cells.map(width));
const total = (cols: readonly Column[], widths: ReadonlyMap<Column, number>): number => cols.reduce((t, c) => t + widths.get(c)!, 0) + GAP.length * (cols.length - 1);

/** Drops optional columns and shortens parameter columns (widest first) until the table fits. */
function fit(core: Column[], optional: Column[], maxWidth: number): {cols: Column[]; widths: Map<Column, number>} {
  const widths = new Map([...core, ...optional].map((c) => [c, natural(c)]));
  const over = (): boolean => total([...core, ...optional], widths) > maxWidth;
  const params = core.filter((c) => c.param);
  const shrinkParams = (floor: number): void => {
    while (over()) {
      const widest = params.reduce<Column | null>((a, c) => (widths.get(c)! > floor && (a === null || widths.get(c)! > widths.get(a)!) ? c : a), null);
      if (!widest) return;
      widths.set(widest, widths.get(widest)! - 1);
    }
  };
  if (over()) optional.pop(); // broken goes first
  shrinkParams(12);
  while (over() && optional.length > 0) optional.pop();
  shrinkParams(6);
  return {cols: [...core, ...optional], widths};
}

/** Summaries the table can show: it needs no more than the first TABLE_POINTS of a sweep's. */
export const TABLE_POINTS = MAX_LINES + 1;

/**
 * The short table. `summaries` may be only the first TABLE_POINTS of the sweep's when `totals`
 * gives the points and runs of all of them.
 */
export function formatSummaryTable(summaries: readonly PointSummary[], maxWidth = 80, totals = {points: summaries.length, runs: summaries.reduce((t, s) => t + s.runs, 0)}): string {
  const {points, runs} = totals;
  const head = `${points} point${points === 1 ? '' : 's'}, ${runs} run${runs === 1 ? '' : 's'}`;
  if (summaries.length === 0) return `${head}\n`;
  const shown = summaries.slice(0, points > MAX_LINES + 1 ? MAX_LINES : MAX_LINES + 1);
  const {core, optional} = columnsOf(shown);
  const {cols, widths} = fit(core, optional, maxWidth);
  const cell = (c: Column, text: string, header = false): string => {
    const w = widths.get(c)!;
    const cut = header ? clipName(text, w) : clip(text, w);
    return c.left ? padRight(cut, w) : padLeft(cut, w);
  };
  const line = (texts: string[]): string => clip(texts.join(GAP).trimEnd(), maxWidth);
  const lines = [head, line(cols.map((c) => cell(c, c.header, true))), ...shown.map((_, i) => line(cols.map((c) => cell(c, c.cells[i]!))))];
  if (shown.length < points) lines.push(`… ${points - shown.length} more points`);
  const notes = cols.filter((c) => c.note).map((c) => `${c.header}: ${c.note}`);
  lines.push(wrap(`${notes.join('; ')}.`, maxWidth, '', 0));
  return `${lines.join('\n')}\n`;
}
