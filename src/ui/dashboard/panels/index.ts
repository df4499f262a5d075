// The dashboard's panels in display order. A new panel is one file exporting its PanelSpec
// plus its import and entry here.
import type {PanelSpec} from '../panel.js';
import {agentsPanel} from './AgentsPanel.js';
import {batchesPanel} from './BatchesPanel.js';
import {eventLog} from './EventLog.js';
import {releasesPanel} from './ReleasesPanel.js';
import {selectedEventPanel} from './SelectedEventPanel.js';
import {stallRiskPanel} from './StallRiskPanel.js';
import {talksPanel} from './TalksPanel.js';

export const PANELS: readonly PanelSpec[] = [
  talksPanel,
  releasesPanel,
  batchesPanel,
  stallRiskPanel,
  agentsPanel,
  selectedEventPanel,
  eventLog,
];

export {Header} from './Header.js';
export {HelpOverlay} from './HelpOverlay.js';
export {KeyHints} from './KeyHints.js';
