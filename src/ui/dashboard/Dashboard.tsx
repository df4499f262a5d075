// The dashboard: header, the registered panels laid out for the terminal's size, key hints.
// It reads snapshots only; controls go to the Loop. The same dashboard replays the 2020 record
// (a snapshot of kind 'record'): the panels for it, its keys, the date prompt. Either shows the
// selected event in full over the body (a run selects it in the event log). On a short terminal
// the panels of lowest priority are left out, and so are their keys, from the hints, the help
// and the keyboard.
import {Box, Text} from 'ink';
import {useCallback, useEffect, useReducer, useSyncExternalStore} from 'react';
import {rowsOf} from './format.js';
import {computeLayout, type Layout} from './layout.js';
import {Lines} from './Lines.js';
import {panelsFor, type PanelKey, type PanelSpec, type ShownPanel} from './panel.js';
import {Header} from './chrome/Header.js';
import {HelpOverlay} from './chrome/HelpOverlay.js';
import {KeyHints} from './chrome/KeyHints.js';
import {selectedDetail} from './panels/EventLog.js';
import {PANELS} from './panels/index.js';
import {SeekPrompt} from './chrome/SeekPrompt.js';
import {selectedEventLines} from './panels/SelectedEventPanel.js';
import type {Loop} from '../../host/sim-loop.js';
import {useDashboardInput} from './use-dashboard-input.js';
import {dashboardReducer, initialDashboardState} from './use-dashboard-state.js';
import {useTerminalSize} from './use-terminal-size.js';

export interface DashboardProps {
  readonly loop: Loop;
  readonly onQuit: () => void;
  readonly onInterrupt: () => void;
  /** The panels, in display order. @default PANELS (the registry) */
  readonly panels?: readonly PanelSpec[];
}

/** Keys of the panels left out that no panel on screen has. */
function hiddenKeys(layout: Layout<ShownPanel>): PanelKey[] {
  const shown = new Set(layout.columns.flatMap((c) => c.panels.flatMap((p) => p.spec.keys)));
  return [...new Set(layout.dropped.flatMap((p) => p.keys))].filter((k) => !shown.has(k));
}

export function Dashboard({loop, onQuit, onInterrupt, panels = PANELS}: DashboardProps) {
  const subscribe = useCallback((listener: () => void) => loop.subscribe(listener), [loop]);
  const snapshot = useSyncExternalStore(subscribe, () => loop.getSnapshot());
  const [baseSeed] = useReducer((s: string) => s, snapshot.kind === 'model' ? snapshot.seed : '');
  const [state, dispatch] = useReducer(dashboardReducer, initialDashboardState);
  const {columns, rows} = useTerminalSize();
  const layout = computeLayout(panelsFor(panels, snapshot), columns, rows);
  const hidden = hiddenKeys(layout);
  // With the event log left out there is nothing to select.
  const selectable = !hidden.includes('select-event');
  useDashboardInput({loop, state, dispatch, events: selectable ? snapshot.events : [], baseSeed, onQuit, onInterrupt});
  const dropSelection = !selectable && state.selected !== null && !state.detail && !state.help;
  useEffect(() => {
    if (dropSelection) dispatch({type: 'close-overlays'});
  }, [dropSelection]);
  const bodyRows = layout.height - 2;
  const detail = state.detail ? selectedDetail(snapshot, state.selected) : null;
  // The event in full prints URLs whole, past the width, for the terminal to wrap: nothing may clip them sideways.
  const full = state.detail && !state.help && (snapshot.kind === 'record' || detail !== null);
  const overflowX = full ? 'visible' : 'hidden';

  // Not even the panel of highest priority fits: one line says so, in place of the whole frame.
  if (layout.tooSmall) {
    return (
      <Box width={layout.width} height={layout.height} overflowY="hidden">
        <Text wrap="truncate-end">
          terminal too small ({columns}x{rows}): make it at least {layout.neededRows} rows tall
        </Text>
      </Box>
    );
  }

  // Rows the terminal adds by wrapping whole URLs: Ink does not count them, so the frame is that much shorter.
  let wrapped = 0;
  let body;
  if (state.help) {
    body = <HelpOverlay snapshot={snapshot} width={layout.width} rows={bodyRows} hidden={hidden} />;
  } else if (full) {
    const lines = selectedEventLines(detail, layout.width, bodyRows, true);
    wrapped = lines.reduce((n, l) => n + rowsOf(l, layout.width) - 1, 0);
    body = <Lines lines={lines} width={layout.width} />;
  } else {
    body = (
      <Box flexDirection="row" columnGap={1}>
        {layout.columns.map((column, i) => (
          <Box key={i} flexDirection="column" width={column.width}>
            {column.panels.map(({spec, rows: panelRows}) => (
              <Box key={spec.id} height={panelRows} width={column.width} flexDirection="column" overflow="hidden">
                <Lines lines={spec.lines(column.width, panelRows, state.selected)} width={column.width} rows={panelRows} />
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
        <KeyHints width={layout.width} playback={snapshot.playback} replay={snapshot.kind === 'record'} hidden={hidden} />
      )}
    </Box>
  );
}
