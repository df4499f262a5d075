// Keyboard → intents. Guarded with isRawModeSupported: without a TTY on stdin, useInput would
// make Ink throw (conventions B2), so the dashboard is only ever mounted on a terminal anyway.
import {useInput, useStdin} from 'ink';
import type {Dispatch} from 'react';
import type {Loop} from './sim-loop.js';
import {newSeed, type DashboardAction, type DashboardState} from './use-dashboard-state.js';

export interface DashboardInput {
  loop: Loop;
  state: DashboardState;
  dispatch: Dispatch<DashboardAction>;
  baseSeed: string;
  onQuit(): void;
  onInterrupt(): void;
}

export function useDashboardInput({loop, state, dispatch, baseSeed, onQuit, onInterrupt}: DashboardInput): void {
  const {isRawModeSupported} = useStdin();
  useInput(
    (input, key) => {
      if (key.ctrl && input === 'c') return onInterrupt();
      if (input === 'q') return onQuit();
      if (input === '?') return dispatch({type: 'toggle-help'});
      if (key.escape) return dispatch({type: 'close-help'});
      if (input === ' ') return loop.togglePause();
      if (key.rightArrow) return loop.step();
      if (input === '+' || input === '=') return loop.faster();
      if (input === '-' || input === '_') return loop.slower();
      if (input === 'r') return loop.restart();
      if (input === 'n') {
        dispatch({type: 'new-seed'});
        return loop.restart(newSeed(baseSeed, state.newSeeds + 1));
      }
    },
    {isActive: isRawModeSupported === true},
  );
}
