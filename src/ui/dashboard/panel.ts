// The contract between the layout and the panels: a panel is a pure view of one snapshot that
// renders at most `rows` lines of at most `width` columns. The layout picks `rows` within
// [minRows, maxRows] and the width; the panel decides what fits.
import type React from 'react';
import type {Snapshot} from '../../host/snapshot.js';

export interface PanelProps {
  readonly snapshot: Snapshot;
  /** Columns available; no line may be longer. */
  readonly width: number;
  /** Lines available; the panel renders at most this many. */
  readonly rows: number;
  /** A run: the event selected in the log (EventView.n), null when none. @default null */
  readonly selected?: number | null;
}

export interface RowRange {
  readonly minRows: number;
  readonly maxRows: number;
}

export interface PanelSpec extends RowRange {
  readonly id: string;
  readonly title: string;
  readonly component: (props: PanelProps) => React.ReactNode;
  /**
   * The rows this snapshot needs when they differ from minRows/maxRows (a replay has less to say
   * about agents, more about the selected event); undefined keeps minRows/maxRows, null hides the
   * panel for it. @default the same
   */
  readonly rowsFor?: (s: Snapshot) => RowRange | null | undefined;
}

/** The panels a snapshot shows, in order, each with the rows it takes for that snapshot. */
export function panelsFor(panels: readonly PanelSpec[], s: Snapshot): PanelSpec[] {
  return panels.flatMap((p) => {
    const asked = p.rowsFor?.(s);
    const rows = asked === undefined ? p : asked;
    return rows ? [{...p, minRows: rows.minRows, maxRows: rows.maxRows}] : [];
  });
}
