// Who gets how many rows and columns. Pure, so it is tested without rendering. The live region
// is kept one row shorter than the terminal: at full height Ink 6 clears the whole screen on
// every frame (flicker, lost scrollback). When the panels' minimum rows do not fit, the panel of
// lowest priority is left out, then the next, until the rest fit.
import type {Slot} from './panel.js';

export interface Placed<P extends Slot> {
  spec: P;
  rows: number;
}

export interface Layout<P extends Slot = Slot> {
  width: number;
  /** Rows for the whole frame (header, panels, key hints). */
  height: number;
  /** One column, or two side by side on large terminals. */
  columns: {width: number; panels: Placed<P>[]}[];
  /** The panels left out for want of rows, in display order. */
  dropped: P[];
  /** True when not even the panel of highest priority fits: show a "terminal too small" line. */
  tooSmall: boolean;
  /** Terminal rows that would fit that panel. */
  neededRows: number;
}

/** Header and key hints. */
const CHROME_ROWS = 2;
const TWO_COLUMNS_FROM = {columns: 120, rows: 34};

export function computeLayout<P extends Slot>(panels: readonly P[], columns: number, rows: number): Layout<P> {
  const height = Math.max(1, rows - 1);
  const width = Math.max(1, columns);
  const body = height - CHROME_ROWS;
  const two = columns >= TWO_COLUMNS_FROM.columns && rows >= TWO_COLUMNS_FROM.rows;
  const first = panels.reduce<P | null>((hi, p) => (hi === null || p.priority > hi.priority ? p : hi), null);
  const neededRows = (first?.minRows ?? 0) + CHROME_ROWS + 1;
  let kept: readonly P[] = panels;
  for (;;) {
    const placed = two ? twoColumns(kept, width, body) : [{width, panels: distribute(kept, body)}];
    const fits = placed.every((c) => c.panels !== null) && (kept.length > 0 || panels.length === 0);
    if (fits || kept.length === 0) {
      return {
        width,
        height,
        columns: placed.map((c) => ({width: c.width, panels: c.panels ?? []})),
        dropped: panels.filter((p) => !kept.includes(p)),
        tooSmall: !fits,
        neededRows,
      };
    }
    // The lowest priority goes; of equals, the one further down.
    const lowest = kept.reduce((lo, p) => (p.priority <= lo.priority ? p : lo));
    kept = kept.filter((p) => p !== lowest);
  }
}

/** Two columns: the panels split in display order where the minimum rows balance. */
function twoColumns<P extends Slot>(panels: readonly P[], width: number, body: number): {width: number; panels: Placed<P>[] | null}[] {
  const total = panels.reduce((n, p) => n + p.minRows, 0);
  let acc = 0;
  let cut = 0;
  while (cut < panels.length && acc + panels[cut]!.minRows <= total / 2 + 1) acc += panels[cut++]!.minRows;
  const leftWidth = Math.floor((width - 1) / 2);
  return [
    {width: leftWidth, panels: distribute(panels.slice(0, cut), body)},
    {width: width - leftWidth - 1, panels: distribute(panels.slice(cut), body)},
  ];
}

/** Minimum rows first, then one more row at a time to each panel in turn, up to its maximum. */
function distribute<P extends Slot>(panels: readonly P[], budget: number): Placed<P>[] | null {
  const placed = panels.map((spec) => ({spec, rows: spec.minRows}));
  let left = budget - placed.reduce((n, p) => n + p.rows, 0);
  if (left < 0) return null;
  let grew = true;
  while (left > 0 && grew) {
    grew = false;
    for (const p of placed) {
      if (left > 0 && p.rows < p.spec.maxRows) {
        p.rows++;
        left--;
        grew = true;
      }
    }
  }
  return placed;
}
