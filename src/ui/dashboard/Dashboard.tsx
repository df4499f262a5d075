// The dashboard: header, the registered panels laid out for the terminal's size, key hints.
// It reads snapshots only; controls go to the Loop. The same dashboard replays the 2020 record
// (a snapshot with `replay`): the panels for it, its keys, the date prompt. Either shows the
// selected event in full over the body (a run selects it in the event log).
import {Box, Text} from 'ink';
import {useCallback, useReducer, useSyncExternalStore} from 'react';
import {rowsOf} from './format.js';
import {computeLayout} from './layout.js';
import {Lines} from './Lines.js';
import {panelsFor} from './panel.js';
import {Header} from './panels/Header.js';
import {HelpOverlay} from './panels/HelpOverlay.js';
import {KeyHints} from './panels/KeyHints.js';
import {selectedDetail} from './panels/EventLog.js';
import {PANELS} from './panels/index.js';
import {SeekPrompt} from './panels/SeekPrompt.js';
import {selectedEventLines} from './panels/SelectedEventPanel.js';
import type {Loop} from '../../host/sim-loop.js';
import {useDashboardInput} from './use-dashboard-input.js';
import {dashboardReducer, initialDashboardState} from './use-dashboard-state.js';
import {useTerminalSize} from './use-terminal-size.js';

export interface DashboardProps {
  readonly loop: Loop;
  readonly onQuit: () => void;
  readonly onInterrupt: () => void;
}

export function Dashboard({loop, onQuit, onInterrupt}: DashboardProps) {
  const subscribe = useCallback((listener: () => void) => loop.subscribe(listener), [loop]);
  const snapshot = useSyncExternalStore(subscribe, () => loop.getSnapshot());
  const [baseSeed] = useReducer((s: string) => s, snapshot.seed);
  const [state, dispatch] = useReducer(dashboardReducer, initialDashboardState);
  useDashboardInput({loop, state, dispatch, events: snapshot.events, baseSeed, onQuit, onInterrupt});
  const {columns, rows} = useTerminalSize();
  const layout = computeLayout(panelsFor(PANELS, snapshot), columns, rows);
  const bodyRows = layout.height - 2;
  const detail = state.detail ? selectedDetail(snapshot, state.selected) : null;
  // The event in full prints URLs whole, past the width, for the terminal to wrap: nothing may clip them sideways.
  const full = state.detail && !state.help && (snapshot.replay !== undefined || detail !== null);
  const overflowX = full ? 'visible' : 'hidden';

  // Rows the terminal adds by wrapping whole URLs: Ink does not count them, so the frame is that much shorter.
  let wrapped = 0;
  let body;
  if (state.help) {
    body = <HelpOverlay snapshot={snapshot} width={layout.width} rows={bodyRows} />;
  } else if (full) {
    const lines = selectedEventLines(detail, layout.width, bodyRows, true);
    wrapped = lines.reduce((n, l) => n + rowsOf(l, layout.width) - 1, 0);
    body = <Lines lines={lines} width={layout.width} />;
  } else if (layout.tooSmall) {
    body = (
      <Text wrap="truncate-end">
        terminal too small ({columns}x{rows}): make it at least 80x24
      </Text>
    );
  } else {
    body = (
      <Box flexDirection="row" columnGap={1}>
        {layout.columns.map((column, i) => (
          <Box key={i} flexDirection="column" width={column.width}>
            {column.panels.map(({spec, rows: panelRows}) => (
              <Box key={spec.id} height={panelRows} width={column.width} flexDirection="column" overflow="hidden">
                <spec.component snapshot={snapshot} width={column.width} rows={panelRows} selected={state.selected} />
              </Box>
            ))}
          </Box>
        ))}
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={layout.width} height={layout.height - wrapped} overflowY="hidden" overflowX={overflowX}>
      <Header snapshot={snapshot} width={layout.width} />
      <Box height={bodyRows - wrapped} flexDirection="column" overflowY="hidden" overflowX={overflowX}>
        {body}
      </Box>
      {state.prompt ? (
        <SeekPrompt text={state.prompt.text} error={state.prompt.error} width={layout.width} />
      ) : (
        <KeyHints width={layout.width} playback={snapshot.playback} replay={snapshot.replay !== undefined} />
      )}
    </Box>
  );
}
