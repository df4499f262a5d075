// A registered panel as an Ink component: its view for the snapshot's kind drawn with Lines, or
// nothing when it has none for that kind. The dashboard and the component tests both use it.
import type React from 'react';
import type {Snapshot} from '../../host/snapshot.js';
import {Lines} from './Lines.js';
import {panelsFor, type PanelSpec} from './panel.js';

export interface PanelProps {
  readonly snapshot: Snapshot;
  /** Columns available; no line may be longer. */
  readonly width: number;
  /** Lines available; the panel renders at most this many. */
  readonly rows: number;
  /** A run: the event selected in the log (EventView.n), null when none. @default null */
  readonly selected?: number | null;
}

export function panelComponent(spec: PanelSpec): (props: PanelProps) => React.ReactNode {
  return function Panel({snapshot, width, rows, selected = null}: PanelProps) {
    const shown = panelsFor([spec], snapshot)[0];
    return shown ? <Lines lines={shown.lines(width, rows, selected)} width={width} rows={rows} /> : null;
  };
}
