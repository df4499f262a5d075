// The dashboard: header, the registered panels laid out for the terminal's size, key hints.
// It reads snapshots only; controls go to the Loop. The same dashboard replays the 2020 record
// (a snapshot with `replay`): the panels for it, its keys, the date prompt, the event in full.
import {Box, Text} from 'ink';
import {useCallback, useReducer, useSyncExternalStore} from 'react';
import {computeLayout} from './layout.js';
import {Lines} from './Lines.js';
import {panelsFor} from './panel.js';
import {Header} from './panels/Header.js';
import {HelpOverlay} from './panels/HelpOverlay.js';
import {KeyHints} from './panels/KeyHints.js';
import {PANELS} from './panels/index.js';
import {SeekPrompt} from './panels/SeekPrompt.js';
import {selectedEventLines} from './panels/SelectedEventPanel.js';
import type {Loop} from './sim-loop.js';
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
  useDashboardInput({loop, state, dispatch, baseSeed, onQuit, onInterrupt});
  const {columns, rows} = useTerminalSize();
  const layout = computeLayout(panelsFor(PANELS, snapshot), columns, rows);
  const bodyRows = layout.height - 2;

  let body;
  if (state.help) {
    body = <HelpOverlay snapshot={snapshot} width={layout.width} rows={bodyRows} />;
  } else if (state.detail && snapshot.replay) {
    body = <Lines lines={selectedEventLines(snapshot.replay.selected, layout.width, bodyRows, true)} width={layout.width} rows={bodyRows} />;
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
                <spec.component snapshot={snapshot} width={column.width} rows={panelRows} />
              </Box>
            ))}
          </Box>
        ))}
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={layout.width} height={layout.height} overflow="hidden">
      <Header snapshot={snapshot} width={layout.width} />
      <Box height={bodyRows} flexDirection="column" overflow="hidden">
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
