// The dashboard's panels in display order. A new panel is one file exporting its PanelSpec as
// `panel` (its views per kind of snapshot, its rows and its priority) plus one line here; the
// layout, the size tests and the key hints take it from this list. What frames the panels (the
// header, the key hints, the help overlay, the seek prompt) is in ../chrome/, not a panel.
import type {PanelSpec} from '../panel.js';

const modules: readonly {panel: PanelSpec}[] = await Promise.all([
  import('./TalksPanel.js'),
  import('./ReleasesPanel.js'),
  import('./BatchesPanel.js'),
  import('./StallRiskPanel.js'),
  import('./AgentsPanel.js'),
  import('./SelectedEventPanel.js'),
  import('./EventLog.js'),
]);

export const PANELS: readonly PanelSpec[] = modules.map((m) => m.panel);
