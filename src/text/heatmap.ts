// A terminal heatmap of one metric over two parameters: its mean over all runs with each (x, y)
// pair, shaded on a ramp with the value printed in the cell. Runs are folded in as they stream
// (a sum and a count per pair); drawing is a pure function of those sums. Numeric axes with more
// values than fit are cut into equal bins (exact: sums and counts add up), text axes are cut off.
import {wrap} from './plain.js';
import {clip, clipAll, padLeft, padRight, shortNames, showNumber, showValue, width} from './labels.js';
import type {Value} from '../sweep/summary.js';

/** Metrics drawn from the status and stall columns: shares of runs rather than means. */
export const SHARES = {
  shareComplete: 'share of runs complete',
  shareBroken: 'share of runs broken down',
  shareUnfinished: 'share of runs still going at the horizon',
  shareStalled: 'share of runs with a stall episode',
} as const;
export type ShareMetric = keyof typeof SHARES;
const isShare = (m: string): m is ShareMetric => m in SHARES;

export interface HeatmapCell {
  x: Value;
  y: Value;
  /** Sum and count of the metric over the pair's runs where it is not null. */
  sum: number;
  n: number;
  runs: number;
}

export interface HeatmapInput {
  x: string;
  y: string;
  metric: string;
  /** In first-seen order. */
  cells: readonly HeatmapCell[];
}

export interface HeatmapOptions {
  width?: number;
  /** 256-colour backgrounds instead of shade characters. */
  color?: boolean;
}

/** The value a row contributes, or null when it has none (metric empty, status not kept). */
function rowValue(metric: string, row: Record<string, Value>): number | null {
  const status = row.status ?? null;
  switch (metric) {
    case 'shareComplete':
      return status === null ? null : Number(status === 'complete');
    case 'shareBroken':
      return status === null ? null : Number(status === 'broken');
    case 'shareUnfinished':
      return status === null ? null : Number(status === 'ongoing');
    case 'shareStalled':
      return typeof row.stallEpisodes === 'number' ? Number(row.stallEpisodes > 0) : null;
    default: {
      const v = row[metric];
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    }
  }
}

export class HeatmapAccumulator {
  private readonly cells = new Map<string, HeatmapCell>();
  constructor(
    readonly x: string,
    readonly y: string,
    readonly metric: string,
  ) {}

  add(row: Record<string, Value>): void {
    const x = row[this.x] ?? null;
    const y = row[this.y] ?? null;
    const key = JSON.stringify([x, y]);
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = {x, y, sum: 0, n: 0, runs: 0}));
    cell.runs++;
    const v = rowValue(this.metric, row);
    if (v !== null) {
      cell.sum += v;
      cell.n++;
    }
  }

  input(): HeatmapInput {
    return {x: this.x, y: this.y, metric: this.metric, cells: [...this.cells.values()]};
  }
}

/** One axis: its labels and where each raw value falls (an index, or -1 when not shown). */
interface Axis {
  labels: string[];
  index: (v: Value) => number;
  note: string | null;
}

/** Numbers ascending, then the other values in first-seen order. */
function ordered(values: readonly Value[]): Value[] {
  const distinct = [...new Map(values.map((v) => [JSON.stringify(v), v])).values()];
  const numbers = distinct.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
  return [...numbers, ...distinct.filter((v) => typeof v !== 'number')];
}

function axis(name: string, values: readonly Value[], max: number): Axis {
  const all = ordered(values);
  const key = (v: Value): string => JSON.stringify(v);
  if (all.length <= max) {
    const at = new Map(all.map((v, i) => [key(v), i]));
    return {labels: all.map(showValue), index: (v) => at.get(key(v)) ?? -1, note: null};
  }
  if (all.every((v) => typeof v === 'number')) {
    // Rice's rule (2·∛n bins) keeps sampled designs from scattering into near-empty cells.
    const bins = Math.max(2, Math.min(max, Math.ceil(2 * Math.cbrt(all.length))));
    const nums = all as number[];
    const lo = nums[0]!;
    const step = (nums[nums.length - 1]! - lo) / bins;
    const labels = Array.from({length: bins}, (_, i) => showValue(Number((lo + (i + 0.5) * step).toPrecision(3))));
    const note = `${name}: ${all.length} values in ${bins} equal bins of ${showValue(Number(step.toPrecision(3)))}, labelled by their midpoints`;
    return {labels, index: (v) => Math.min(bins - 1, Math.floor(((v as number) - lo) / step)), note};
  }
  const at = new Map(all.slice(0, max).map((v, i) => [key(v), i]));
  return {labels: all.slice(0, max).map(showValue), index: (v) => at.get(key(v)) ?? -1, note: `${name}: the first ${max} of ${all.length} values shown`};
}

interface Grid {
  xs: Axis;
  ys: Axis;
  /** [row][column]: the mean, null without a value, undefined without runs. */
  means: (number | null | undefined)[][];
}

function grid(input: HeatmapInput, maxX: number, maxY: number, names: {x: string; y: string}): Grid {
  const xs = axis(names.x, input.cells.map((c) => c.x), maxX);
  const ys = axis(names.y, input.cells.map((c) => c.y), maxY);
  const sums = ys.labels.map(() => xs.labels.map(() => ({sum: 0, n: 0, runs: 0})));
  for (const c of input.cells) {
    const i = ys.index(c.y);
    const j = xs.index(c.x);
    if (i < 0 || j < 0) continue;
    const s = sums[i]![j]!;
    s.sum += c.sum;
    s.n += c.n;
    s.runs += c.runs;
  }
  return {xs, ys, means: sums.map((row) => row.map((s) => (s.runs === 0 ? undefined : s.n === 0 ? null : s.sum / s.n)))};
}

const RAMP = [' ', '░', '▒', '▓', '█'];
// xterm-256 backgrounds from dark purple to yellow (a viridis-like ramp), with a readable foreground.
const BACKGROUNDS = [53, 24, 30, 71, 185];
const FOREGROUNDS = [15, 15, 15, 16, 16];
const MAX_ROWS = 20;

interface Layout {
  g: Grid;
  /** Widths of the y labels, of a cell and of the value inside it (0: no values, shade only). */
  labelW: number;
  cellW: number;
  valueW: number;
}

/**
 * Cell width depends on the values shown, which depend on the binning, which depends on how many
 * cells fit: settled in a few rounds (the number of columns only goes down).
 */
function layout(input: HeatmapInput, show: (v: number) => string, names: {x: string; y: string}, maxWidth: number): Layout {
  let g = grid(input, Math.min(ordered(input.cells.map((c) => c.x)).length, maxWidth), MAX_ROWS, names);
  let out: Layout = {g, labelW: 0, cellW: 0, valueW: 0};
  for (let round = 0; round < 4; round++) {
    const labelW = Math.min(16, Math.max(width(names.y) + 2, ...g.ys.labels.map(width)));
    const valueW = Math.max(1, ...g.means.flat().map((m) => (typeof m === 'number' ? width(show(m)) : 1)));
    const avail = maxWidth - labelW;
    // Labels may take their share of the width, so that a few columns show them in full.
    const fair = Math.min(20, Math.floor(avail / g.xs.labels.length) - 1);
    let cellW = Math.max(valueW + 3, Math.min(Math.max(8, fair), Math.max(...g.xs.labels.map(width))));
    const values = Math.floor(avail / (cellW + 1)) >= 1;
    if (!values) cellW = 3;
    out = {g, labelW, cellW, valueW: values ? valueW : 0};
    const fits = Math.max(1, Math.floor(avail / (cellW + 1)));
    if (fits >= g.xs.labels.length) break;
    g = grid(input, fits, MAX_ROWS, names);
  }
  return out;
}

/** The legend: each shade with the value at its centre; swatches are three columns wide either way. */
function legend(lo: number, hi: number, show: (v: number) => string, color: boolean, maxWidth: number): string[] {
  if (hi === lo) return [`every cell ${show(lo)}`];
  const swatch = (k: number): string => (color ? `\u001b[48;5;${BACKGROUNDS[k]}m   \u001b[0m` : `[${RAMP[k]}]`);
  const last = RAMP.length - 1;
  const lines: string[] = [];
  let line = '';
  let used = 0;
  RAMP.forEach((_, k) => {
    const text = ` ${show(lo + ((hi - lo) * k) / last)}${k === 0 ? ' (min)' : k === last ? ' (max)' : ''}`;
    const w = 3 + width(text);
    if (used > 0 && used + 2 + w > maxWidth) {
      lines.push(line);
      [line, used] = ['', 0];
    }
    line += `${used > 0 ? '  ' : ''}${swatch(k)}${text}`;
    used += (used > 0 ? 2 : 0) + w;
  });
  return [...lines, line];
}

export function formatHeatmap(input: HeatmapInput, {width: maxWidth = 80, color = false}: HeatmapOptions = {}): string {
  const share = isShare(input.metric);
  const show = (v: number): string => (share ? `${Math.round(v * 100)}%` : showNumber(v));
  const runs = input.cells.reduce((t, c) => t + c.runs, 0);
  const title = wrap(`${input.metric}: ${share ? SHARES[input.metric as ShareMetric] : 'mean over runs'}, ${runs} run${runs === 1 ? '' : 's'}`, maxWidth, '', 0);
  if (runs === 0) return `${title}
no runs to draw
`;
  const [xName, yName] = shortNames([input.x, input.y]) as [string, string];
  const {g, labelW, cellW, valueW} = layout(input, show, {x: xName, y: yName}, maxWidth);

  const means = g.means.flat();
  const present = means.filter((m): m is number => typeof m === 'number');
  const lo = Math.min(...present);
  const hi = Math.max(...present);
  const cell = (m: number | null | undefined): string => {
    if (m === undefined || m === null) return padLeft(m === undefined ? '·' : '–', cellW);
    const k = hi === lo ? 2 : Math.round(((m - lo) / (hi - lo)) * (RAMP.length - 1));
    const value = valueW > 0 ? show(m) : '';
    if (color) return `\u001b[48;5;${BACKGROUNDS[k]}m\u001b[38;5;${FOREGROUNDS[k]}m${padLeft(value && `${value} `, cellW)}\u001b[0m`;
    // The shade fills the cell up to the value, so the blocks line up whatever the value's width.
    return value ? `${RAMP[k]!.repeat(cellW - valueW - 1)} ${padLeft(value, valueW)}` : RAMP[k]!.repeat(cellW);
  };
  const numericY = input.cells.every((c) => typeof c.y === 'number');
  const yLabels = clipAll(g.ys.labels, labelW).map((s) => (numericY ? padLeft : padRight)(s, labelW));

  const lines = [
    title,
    clip(`across: ${input.x}`, maxWidth),
    clip(`down:   ${input.y}`, maxWidth),
    '',
    clip(`${' '.repeat(labelW)} ${xName} →`, maxWidth),
    `${padRight(clip(`${yName} ↓`, labelW), labelW)}${clipAll(g.xs.labels, cellW).map((l) => ` ${padLeft(l, cellW)}`).join('')}`,
    ...yLabels.map((l, i) => `${l}${g.means[i]!.map((m) => ` ${cell(m)}`).join('')}`),
    '',
    ...(present.length === 0 ? ['no values to shade'] : legend(lo, hi, show, color, maxWidth)),
  ];
  const marks = [means.includes(undefined) && '· no runs', means.includes(null) && `– no ${input.metric} value`].filter(Boolean);
  if (marks.length > 0) lines.push(marks.join('; '));
  for (const note of [g.xs.note, g.ys.note]) if (note) lines.push(wrap(note, maxWidth, '', 2));
  return `${lines.join('\n')}\n`;
}
