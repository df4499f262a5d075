// Short labels for sweep tables and heatmaps: parameter names, values and numbers, sized to fit
// a terminal. Widths are measured as the dashboard measures them (wide characters take two).
import {charWidth, fit, textWidth} from './width.js';

export const width = textWidth;

/** Cuts `s` to `w` columns, marking the cut with "…". */
export const clip = fit;

/** Cuts each label to `w` columns: its end, or its start when cutting the end leaves two alike. */
export function clipAll(labels: readonly string[], w: number): string[] {
  const ends = labels.map((l) => clip(l, w));
  if (new Set(ends).size === new Set(labels).size) return ends;
  return labels.map((l) => {
    if (width(l) <= w) return l;
    let tail = '';
    for (const ch of [...l].reverse()) {
      if (width(tail) + charWidth(ch) > w - 1) break;
      tail = ch + tail;
    }
    return `…${tail}`;
  });
}

/** Cuts a dotted name from the front, keeping its last segment whole: government.policy → gove….policy. */
export function clipName(name: string, w: number): string {
  const dot = name.lastIndexOf('.');
  const room = w - width(name.slice(dot));
  if (width(name) <= w || dot < 0 || room < 2) return clip(name, w);
  return `${clip(name.slice(0, dot), room)}${name.slice(dot)}`;
}

export const padLeft = (s: string, w: number): string => ' '.repeat(Math.max(0, w - width(s))) + s;
export const padRight = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - width(s)));

/**
 * The shortest dotted suffix that tells each path apart: agents.government.policy and
 * agents.taliban.policy → government.policy and taliban.policy; a lone batchSize stays batchSize.
 */
export function shortNames(paths: readonly string[]): string[] {
  const parts = paths.map((p) => p.split('.'));
  return parts.map((segs, i) => {
    for (let k = 1; k < segs.length; k++) {
      const tail = segs.slice(-k).join('.');
      if (parts.every((other, j) => j === i || other.slice(-k).join('.') !== tail)) return tail;
    }
    return paths[i]!;
  });
}

/** A parameter value for display: whole numbers as they are, others to 4 significant digits. */
export function showValue(v: string | number | boolean | null): string {
  if (v === null) return '–';
  if (typeof v === 'number' && !Number.isInteger(v)) return String(Number(v.toPrecision(4)));
  // A text value may hold line breaks (CSV allows them): keep the table's lines whole.
  return String(v).replace(/[\r\n\t]+/g, ' ');
}

/** A statistic for display: fewer decimals as the magnitude grows (3 significant digits or more). */
export function showNumber(x: number): string {
  const a = Math.abs(x);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : 2;
  return (Math.round(x * 10 ** digits) / 10 ** digits || 0).toFixed(digits);
}
