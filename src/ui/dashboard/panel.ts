// The contract between the layout and the panels: a panel is a pure view of one snapshot that
// renders at most `rows` lines of at most `width` columns. The layout picks `rows` within
// [minRows, maxRows] and the width; the panel decides what fits.
import type React from 'react';
import type {Snapshot} from './snapshot.js';

export interface PanelProps {
  readonly snapshot: Snapshot;
  /** Columns available; no line may be longer. */
  readonly width: number;
  /** Lines available; the panel renders at most this many. */
  readonly rows: number;
}

export interface PanelSpec {
  readonly id: string;
  readonly title: string;
  readonly component: (props: PanelProps) => React.ReactNode;
  readonly minRows: number;
  readonly maxRows: number;
}
