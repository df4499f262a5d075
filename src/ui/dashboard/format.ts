// Pure text helpers for the dashboard panels: styled segments and lines, bars, sparklines and
// labels. Panels compute every line to fit its budget themselves (Ink must never wrap), with the
// width helpers of src/text/width.ts, re-exported here for the panels.
import {groupDigits} from '../../fmt/group-digits.js';
import type {Actor} from '../../host/history-view.js';
import {charWidth, fit, flatten, pad, take, textWidth} from '../../text/width.js';

export {charWidth, fit, pad, textWidth};
export type {Actor};

export type Color = 'green' | 'red' | 'yellow' | 'cyan' | 'blue' | 'magenta' | 'gray';

/** A run of text with one style; a line is a list of them. */
export interface Seg {
  readonly text: string;
  readonly color?: Color;
  readonly bold?: boolean;
  readonly dim?: boolean;
  readonly inverse?: boolean;
  /** The URL this text stands for: an OSC 8 hyperlink to it where the terminal supports them (Lines.tsx). */
  readonly link?: string;
  /**
   * Never cut: printed whole even past the width, for the terminal to wrap (a URL a user copies
   * must not be broken by a line end or an ellipsis). A line with such a segment takes
   * rowsOf(line, width) rows.
   */
  readonly whole?: boolean;
}
export type Line = readonly Seg[];

export const lineWidth = (line: Line): number => line.reduce((w, s) => w + textWidth(s.text), 0);

/** Terminal rows a line takes at `width` columns: one, or more for a line the terminal wraps (a whole segment). */
export const rowsOf = (line: Line, width: number): number =>
  line.some((s) => s.whole) ? Math.max(1, Math.ceil(lineWidth(line) / Math.max(1, width))) : 1;

export const lineText = (line: Line): string => line.map((s) => s.text).join('');

/** A line cut to `width` columns (the segment cut ends in `…`), styles kept. */
export function fitLine(line: Line, width: number): Seg[] {
  const flat = line.map((seg) => ({...seg, text: flatten(seg.text)})).filter((seg) => seg.text !== '');
  if (lineWidth(flat) <= width) return flat;
  const out: Seg[] = [];
  let left = width - 1; // room for the ellipsis
  for (const seg of flat) {
    const w = textWidth(seg.text);
    if (w <= left) {
      out.push(seg);
      left -= w;
      continue;
    }
    if (width > 0) out.push({...seg, text: take(seg.text, left) + '…'});
    break;
  }
  return out;
}

/** The first of `options` that fits `width` (the last, to be cut, when none does). */
export const firstFitting = (options: readonly Line[], width: number): Line =>
  options.find((l) => lineWidth(l) <= width) ?? options[options.length - 1] ?? [];

/** A line cut or padded to exactly `width` columns (for side-by-side columns). */
export function padLine(line: Line, width: number): Seg[] {
  const out = fitLine(line, width);
  const w = lineWidth(out);
  if (w < width) out.push({text: ' '.repeat(width - w)});
  return out;
}

const DOT: Seg = {text: ' · ', dim: true};

/** Part of a line that may be dropped, lowest priority first, when the line is too long. */
export interface Piece {
  readonly line: Line;
  readonly priority: number;
}

/** The pieces that fit `width` in their order, the lowest-priority ones dropped first. */
export function keptPieces(pieces: readonly Piece[], width: number, separator: Seg = DOT): Piece[] {
  const kept = [...pieces];
  const widthOf = (ps: readonly Piece[]): number =>
    ps.reduce((w, p) => w + lineWidth(p.line), 0) + Math.max(0, ps.length - 1) * textWidth(separator.text);
  while (kept.length > 1 && widthOf(kept) > width) {
    const lowest = kept.reduce((lo, p, i) => (p.priority < kept[lo]!.priority ? i : lo), 0);
    kept.splice(lowest, 1);
  }
  return kept;
}

/** The pieces that fit, separated, as one line (cut if even the most important one is too long). */
export function joinFitting(pieces: readonly Piece[], width: number, separator: Seg = DOT): Seg[] {
  const line: Seg[] = [];
  keptPieces(pieces, width, separator).forEach((p, i) => {
    if (i > 0) line.push(separator);
    line.push(...p.line);
  });
  return fitLine(line, width);
}

const EIGHTHS_LEFT = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/**
 * A horizontal progress bar of exactly `width` cells: `█` done, an eighth block for the
 * partial cell, `░` to go. Never full before `value` reaches `total`, never empty above 0.
 */
export function bar(value: number, total: number, width: number): string {
  if (width <= 0) return '';
  const cells = width * 8;
  let eighths = total > 0 ? Math.floor((Math.max(0, value) / total) * cells) : 0;
  if (value >= total && total > 0) eighths = cells;
  else if (value > 0 && total > 0) eighths = Math.min(cells - 1, Math.max(1, eighths));
  const full = Math.floor(eighths / 8);
  const part = EIGHTHS_LEFT[eighths % 8]!;
  return '█'.repeat(full) + part + '░'.repeat(width - full - (part ? 1 : 0));
}

/** Block levels for probabilities; braille levels for the marked (alternate) series. */
export const SPARK = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;
export const SPARK_ALT = ['⡀', '⣀', '⣄', '⣤', '⣦', '⣶', '⣷', '⣿'] as const;

/** One character a value in [0, 1]; NaN (not estimated) is a blank. */
export function sparkChar(p: number, alternate = false): string {
  if (Number.isNaN(p)) return ' ';
  const level = Math.min(7, Math.max(0, Math.floor(p * 8)));
  return (alternate ? SPARK_ALT : SPARK)[level]!;
}

/** The latest `width` values as a sparkline; `alternate[i]` draws value i with braille levels. */
export function sparkline(values: readonly number[], width: number, alternate: readonly boolean[] = []): string {
  if (width <= 0) return '';
  const from = Math.max(0, values.length - width);
  let out = '';
  for (let i = from; i < values.length; i++) out += sparkChar(values[i]!, alternate[i] ?? false);
  return out;
}

/** 0.34 → "34%"; keeps "0%" and "100%" for exact values so rounding never claims certainty. */
export function percent(p: number): string {
  if (!Number.isFinite(p)) return '–';
  if (p > 0 && p < 0.005) return '<1%';
  if (p < 1 && p > 0.995) return '>99%';
  return `${Math.round(p * 100)}%`;
}

/** "28–40%" (the % once, after the upper end). */
export function percentRange(lo: number, hi: number): string {
  return `${percent(lo).replace(/%$/, '')}–${percent(hi)}`;
}

/** 4.2 → "4.2", 5 → "5". */
export function decimal(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return '–';
  const s = n.toFixed(digits);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** Counts with digit groups; five-digit and longer numbers shortened ("12k") when asked. */
export function count(n: number, short = false): string {
  if (short && Math.abs(n) >= 10_000) return `${decimal(n / 1000, 0)}k`;
  return groupDigits(Math.round(n));
}

export const speedLabel = (speed: number): string => (Number.isFinite(speed) ? `${decimal(speed)} d/s` : 'max');

/** Column of `day` on an axis of `cols` cells covering days 0..span. */
export function columnOf(day: number, span: number, cols: number): number {
  if (cols <= 1 || span <= 0) return 0;
  return Math.min(cols - 1, Math.max(0, Math.floor((day / span) * (cols - 1) + 1e-9)));
}

/** Who acts: the three agents, 'world' for joint acts or a date passing, 'other' for third parties (the 2020 record has them). */

export const AGENT_LABEL: Readonly<Record<Actor, string>> = {
  government: 'government',
  taliban: 'taliban',
  us: 'US',
  world: 'world',
  other: 'other',
};
export const AGENT_SHORT: Readonly<Record<Actor, string>> = {government: 'gov', taliban: 'tal', us: 'US', world: 'world', other: 'other'};
export const AGENT_COLOR: Readonly<Record<Actor, Color>> = {government: 'blue', taliban: 'yellow', us: 'cyan', world: 'magenta', other: 'gray'};
