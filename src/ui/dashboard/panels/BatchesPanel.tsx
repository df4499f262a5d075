// Release batches over time: government batches rise above the middle, Taliban batches hang
// below it; unilateral batches are drawn with their own character so the chart reads without
// colour. Each column shows the largest batch of its days. The last line is the latest batch.
// In a replay the batches are the record's; it does not say which were agreed, so none is marked.
import {AGENT_COLOR, AGENT_LABEL, count, joinFitting, textWidth, type Line, type Seg} from '../format.js';
import type {PanelSpec} from '../panel.js';
import {panelComponent} from '../panel-component.js';
import type {BatchView, ModelBatchView, ModelSnapshot, RecordSnapshot} from '../../../host/snapshot.js';

/** The x axis covers at least this many days, so the first batches are not one wide smear. */
export const MIN_SPAN = 30;
export const AGREED = '█';
export const UNILATERAL = '▒';
const UNILATERAL_LOW = '░';
const RISING = ['', '▁', '▂', '▃', '▄', '▅', '▆', '▇'];

type Series = BatchView['from'];

/** A batch as drawn: the record does not say which were agreed, so its batches are drawn as plain (agreed-style) bars. */
type Bar = ModelBatchView;

interface Layout {
  govRows: number;
  talRows: number;
  axis: boolean;
  legend: boolean;
}

/** Rows for the chart; the latest-batch line always stays, then legend, then the middle axis. */
export function layoutFor(rows: number): Layout {
  const legend = rows >= 5;
  const axis = rows >= 6;
  const chart = Math.max(2, rows - 1 - (legend ? 1 : 0) - (axis ? 1 : 0));
  const govRows = Math.ceil(chart / 2);
  return {govRows, talRows: chart - govRows, axis, legend};
}

/**
 * The largest batch of a series in each column (the later one on ties). With fewer columns
 * than days a column covers several days; with more, every day gets a bar of the same width,
 * one column narrower than the day when it spans three or more, so neighbours do not merge.
 */
function columns(batches: readonly Bar[], from: Series, span: number, cols: number): (Bar | undefined)[] {
  const best = new Map<number, Bar>();
  const perDay = cols / (span + 1);
  const dayOf = (c: number): number => Math.floor(c / perDay + 1e-9);
  for (const b of batches) {
    if (b.from !== from || b.count <= 0) continue;
    // Days sharing a column compete for it; key them by their column then.
    const key = perDay < 1 ? Math.floor(b.day * perDay + 1e-9) : b.day;
    const cur = best.get(key);
    if (!cur || cur.count <= b.count) best.set(key, b);
  }
  const barWidth = perDay >= 3 ? Math.floor(perDay) - 1 : 1;
  const out: (Bar | undefined)[] = [];
  for (let c = 0; c < cols; c++) {
    if (perDay < 1) {
      out.push(best.get(c));
      continue;
    }
    const d = dayOf(c);
    const first = Math.ceil(d * perDay - 1e-9);
    out.push(c - first < barWidth ? best.get(d) : undefined);
  }
  return out;
}

/**
 * One chart cell: `filled` eighths of it counted from the axis side. Agreed batches show
 * eighths (rising from below, or ▔/▀ hanging from above); unilateral ones shades (▒ from
 * half a cell, ░ below).
 */
function cell(filled: number, unilateral: boolean, hanging: boolean): string {
  if (filled <= 0) return ' ';
  if (unilateral) return filled >= 4 ? UNILATERAL : UNILATERAL_LOW;
  if (filled >= 8) return AGREED;
  if (hanging) return filled >= 4 ? '▀' : '▔';
  return RISING[filled]!;
}

/** Height in eighths of the bar for `b` in a half of `rows` rows scaled to `max`. */
function eighths(b: Bar | undefined, max: number, rows: number): number {
  if (!b || max <= 0) return 0;
  return Math.max(1, Math.round((b.count / max) * rows * 8));
}

function half(cols: readonly (Bar | undefined)[], max: number, rows: number, hanging: boolean, gutter: (row: number) => string): Line[] {
  const color = hanging ? AGENT_COLOR.taliban : AGENT_COLOR.government;
  const lines: Line[] = [];
  for (let r = 0; r < rows; r++) {
    // Cells filled so far, counted from the axis: the gov half's bottom row is its first.
    const level = hanging ? r : rows - 1 - r;
    let text = '';
    for (const b of cols) text += cell(eighths(b, max, rows) - level * 8, b?.unilateral ?? false, hanging);
    lines.push([{text: gutter(r), dim: true}, {text: text.trimEnd(), color}]);
  }
  return lines;
}

function axisLine(gutterWidth: number, plot: number, span: number): Line {
  const left = ' day 0 ';
  const right = ` day ${span} `;
  const room = plot - textWidth(left) - textWidth(right);
  const track = room >= 2 ? `─${left}${'─'.repeat(room - 1)}${right}` : '─'.repeat(plot);
  return [{text: '─'.repeat(gutterWidth - 1) + '┼' + track, dim: true}];
}

function legendLine(span: number, width: number, record: boolean): Line {
  const kinds = record
    ? [{line: [{text: `${AGREED} batch (2020 record)`}], priority: 5}]
    : [
        {line: [{text: `${AGREED} agreed`}], priority: 5},
        {line: [{text: `${UNILATERAL}${UNILATERAL_LOW} unilateral`}], priority: 5},
      ];
  return joinFitting(
    [
      ...kinds,
      {line: [{text: 'gov above', color: AGENT_COLOR.government}, {text: ', '}, {text: 'taliban below', color: AGENT_COLOR.taliban}], priority: 4},
      {line: [{text: `days 0–${span}`, dim: true}], priority: 2},
    ],
    width,
    {text: '  '},
  );
}

function latestLine(bars: readonly Bar[], record: boolean): Line {
  const b = bars[bars.length - 1];
  if (!b) return [{text: 'no release batches yet', dim: true}];
  const kind: Seg[] = record ? [] : [b.unilateral ? {text: 'unilateral', color: 'yellow', bold: true} : {text: 'agreed', color: 'green'}, {text: ' · ', dim: true}];
  return [
    {text: 'latest ', dim: true},
    {text: b.unilateral ? UNILATERAL : AGREED, color: AGENT_COLOR[b.from]},
    {text: ` ${b.date} `},
    {text: AGENT_LABEL[b.from], bold: true, color: AGENT_COLOR[b.from]},
    {text: ` frees ${count(b.count)} · `},
    ...kind,
    {text: b.criteria, dim: true},
  ];
}

function chartLines(bars: readonly Bar[], day: number, record: boolean, width: number, rows: number): Line[] {
  const {govRows, talRows, axis, legend} = layoutFor(rows);
  const span = Math.max(day, MIN_SPAN);
  const max = (from: Series): number => Math.max(0, ...bars.filter((b) => b.from === from).map((b) => b.count));
  const maxGov = max('government');
  const maxTal = max('taliban');
  const labels = [count(maxGov, true), count(maxTal, true)];
  const gutterWidth = Math.max(...labels.map(textWidth)) + 1;
  const plot = Math.max(1, width - gutterWidth);
  const label = (text: string, tick: boolean): string => (tick ? text.padStart(gutterWidth - 1) + '┤' : ' '.repeat(gutterWidth - 1) + '│');
  const lines: Line[] = [
    ...half(columns(bars, 'government', span, plot), maxGov, govRows, false, (r) => label(labels[0]!, r === 0)),
    ...(axis ? [axisLine(gutterWidth, plot, span)] : []),
    ...half(columns(bars, 'taliban', span, plot), maxTal, talRows, true, (r) => label(labels[1]!, r === talRows - 1)),
  ];
  if (legend) lines.push(legendLine(span, width, record));
  lines.push(latestLine(bars, record));
  return lines.slice(-rows);
}

const modelLines = (s: ModelSnapshot, width: number, rows: number): Line[] => chartLines(s.batches, s.day, false, width, rows);
const recordLines = (s: RecordSnapshot, width: number, rows: number): Line[] =>
  chartLines(
    s.batches.map((b) => ({...b, unilateral: false})),
    s.day,
    true,
    width,
    rows,
  );

export const panel: PanelSpec = {
  id: 'batches',
  title: 'Release batches',
  priority: 40,
  model: {lines: modelLines, minRows: 3, maxRows: 30},
  record: {lines: recordLines, minRows: 3, maxRows: 30},
};

export const BatchesPanel = panelComponent(panel);
