// The contract between the layout and the panels. A panel says once, for each kind of snapshot
// it shows (a model run, the 2020 record), how: the lines it draws and the rows it takes. Its
// lines are a pure view of that snapshot: at most `rows` lines of at most `width` columns. The
// layout picks `rows` within [minRows, maxRows] and the width, and when the terminal is too short
// it leaves out the panels of lowest priority first.
import type {ModelSnapshot, RecordSnapshot, Snapshot} from '../../host/snapshot.js';
import type {Line} from './format.js';

export interface RowRange {
  readonly minRows: number;
  readonly maxRows: number;
}

/** Keys that act on what a panel shows: hinted (and taken) only while it is on screen. */
export type PanelKey = 'select-event' | 'details';

/** How a panel shows one kind of snapshot. */
export interface PanelView<S extends Snapshot> extends RowRange {
  /** `selected`: a run's event selected in the log (EventView.n), null when none. */
  readonly lines: (s: S, width: number, rows: number, selected: number | null) => Line[];
  /** The rows this snapshot takes when they differ from minRows/maxRows (set against the record, a panel says more); undefined keeps those. */
  readonly rowsFor?: (s: S) => RowRange | undefined;
  /** The keys that act on this panel's content. @default none */
  readonly keys?: readonly PanelKey[];
}

export interface PanelSpec {
  readonly id: string;
  readonly title: string;
  /** When rows run short, the panel of lowest priority goes first (on ties, the one further down). */
  readonly priority: number;
  /** How it shows a model run; absent: not shown in a run. */
  readonly model?: PanelView<ModelSnapshot>;
  /** How it shows the record; absent: not shown in a replay. */
  readonly record?: PanelView<RecordSnapshot>;
}

/** What the layout places: a panel's rows and priority for one snapshot, with its lines bound to it. */
export interface Slot extends RowRange {
  readonly id: string;
  readonly priority: number;
}

export interface ShownPanel extends Slot {
  readonly title: string;
  readonly keys: readonly PanelKey[];
  readonly lines: (width: number, rows: number, selected: number | null) => Line[];
}

function bind<S extends Snapshot>(spec: PanelSpec, view: PanelView<S> | undefined, s: S): ShownPanel[] {
  if (!view) return [];
  const rows = view.rowsFor?.(s) ?? view;
  return [
    {
      id: spec.id,
      title: spec.title,
      priority: spec.priority,
      minRows: rows.minRows,
      maxRows: rows.maxRows,
      keys: view.keys ?? [],
      lines: (width, n, selected) => view.lines(s, width, n, selected),
    },
  ];
}

/** The panels a snapshot shows, in order: each panel's view for the snapshot's kind, the one place that switches on it. */
export function panelsFor(panels: readonly PanelSpec[], s: Snapshot): ShownPanel[] {
  return panels.flatMap((p) => (s.kind === 'model' ? bind(p, p.model, s) : bind(p, p.record, s)));
}
