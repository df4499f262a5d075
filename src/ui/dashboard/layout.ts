// Who gets how many rows and columns. Pure, so it is tested without rendering. The live region
// is kept one row shorter than the terminal: at full height Ink 6 clears the whole screen on
// every frame (flicker, lost scrollback).
import type {PanelSpec} from './panel.js';

export interface Placed {
  spec: PanelSpec;
  rows: number;
}

export interface Layout {
  width: number;
  /** Rows for the whole frame (header, panels, key hints). */
  height: number;
  /** One column, or two side by side on large terminals. */
  columns: {width: number; panels: Placed[]}[];
  /** True when even the smallest panels do not fit: show a "terminal too small" line. */
  tooSmall: boolean;
}

/** Header and key hints. */
const CHROME_ROWS = 2;
const TWO_COLUMNS_FROM = {columns: 120, rows: 34};

export function computeLayout(panels: readonly PanelSpec[], columns: number, rows: number): Layout {
  const height = Math.max(1, rows - 1);
  const width = Math.max(1, columns);
  const body = height - CHROME_ROWS;
  const two = columns >= TWO_COLUMNS_FROM.columns && rows >= TWO_COLUMNS_FROM.rows;
  if (!two) {
    const placed = distribute(panels, body);
    return {width, height, columns: [{width, panels: placed ?? []}], tooSmall: placed === null};
  }
  // Two columns: split the panels in display order where the minimum rows balance.
  const total = panels.reduce((n, p) => n + p.minRows, 0);
  let acc = 0;
  let cut = 0;
  while (cut < panels.length && acc + panels[cut]!.minRows <= total / 2 + 1) acc += panels[cut++]!.minRows;
  const leftWidth = Math.floor((width - 1) / 2);
  const left = distribute(panels.slice(0, cut), body);
  const right = distribute(panels.slice(cut), body);
  return {
    width,
    height,
    columns: [
      {width: leftWidth, panels: left ?? []},
      {width: width - leftWidth - 1, panels: right ?? []},
    ],
    tooSmall: left === null || right === null,
  };
}

/** Minimum rows first, then one more row at a time to each panel in turn, up to its maximum. */
function distribute(panels: readonly PanelSpec[], budget: number): Placed[] | null {
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
