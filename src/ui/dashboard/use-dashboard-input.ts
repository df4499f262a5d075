// Keyboard → intents. Guarded with isRawModeSupported: without a TTY on stdin, useInput would
// make Ink throw (conventions B2), so the dashboard is only ever mounted on a terminal anyway.
// A replay adds its keys (days back, events, a date to go to, the event in full) in place of
// the seed keys; while the date prompt is open, keys type into it.
import {useInput, useStdin, type Key} from 'ink';
import {useEffect, useLayoutEffect, useRef, type Dispatch} from 'react';
import {isReplayLoop, type ReplayLoopApi} from './replay-loop.js';
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

/**
 * Typing into the date prompt. Keys sent together (a paste, or a date and its Enter) arrive as
 * one string, so it is read a character at a time: Enter submits, backspace erases.
 */
function promptKey(input: string, key: Key, dispatch: Dispatch<DashboardAction>): void {
  if (key.escape) return dispatch({type: 'close-prompt'});
  if (key.return) return dispatch({type: 'prompt-submit'});
  if (key.backspace || key.delete) return dispatch({type: 'prompt-erase'});
  if (key.ctrl || key.meta) return;
  for (const ch of input) {
    if (ch === '\r' || ch === '\n') dispatch({type: 'prompt-submit'});
    else if (ch === '\u007F' || ch === '\b') dispatch({type: 'prompt-erase'});
    else if (ch >= ' ') dispatch({type: 'prompt-type', text: ch});
  }
}

function replayKey(loop: ReplayLoopApi, input: string, key: Key, dispatch: Dispatch<DashboardAction>): void {
  if (key.leftArrow) return loop.stepBack();
  if (input === 'n' || input === ']') return loop.nextEvent();
  if (input === 'p' || input === '[') return loop.previousEvent();
  if (input === 'g') return dispatch({type: 'open-prompt'});
  if (key.return) return dispatch({type: 'toggle-detail'});
  if (input === 'r') return loop.restart();
}

export function useDashboardInput({loop, state: rendered, dispatch, baseSeed, onQuit, onInterrupt}: DashboardInput): void {
  const {isRawModeSupported} = useStdin();
  // Ink re-registers the handler in a passive effect, a moment after the frame is drawn: keys
  // typed in between (the date right after `g`) must still see the state that frame shows.
  const latest = useRef(rendered);
  useLayoutEffect(() => {
    latest.current = rendered;
  });
  useInput(
    (input, key) => {
      const state = latest.current;
      if (key.ctrl && input === 'c') return onInterrupt();
      if (state.prompt) return promptKey(input, key, dispatch);
      if (input === 'q') return onQuit();
      if (input === '?') return dispatch({type: 'toggle-help'});
      if (key.escape) return dispatch({type: 'close-overlays'});
      if (input === ' ') return loop.togglePause();
      if (key.rightArrow) return loop.step();
      if (input === '+' || input === '=') return loop.faster();
      if (input === '-' || input === '_') return loop.slower();
      if (isReplayLoop(loop)) return replayKey(loop, input, key, dispatch);
      if (input === 'r') return loop.restart();
      if (input === 'n') {
        dispatch({type: 'new-seed'});
        return loop.restart(newSeed(baseSeed, state.newSeeds + 1));
      }
    },
    {isActive: isRawModeSupported === true},
  );

  // Enter in the date prompt: seek once the reducer has the whole text, then close or say why not.
  const submitted = rendered.prompt?.submitted === true ? rendered.prompt.text : null;
  useEffect(() => {
    if (submitted === null || !isReplayLoop(loop)) return;
    const error = loop.seek(submitted);
    dispatch(error === null ? {type: 'close-prompt'} : {type: 'prompt-error', message: error});
  }, [submitted, loop, dispatch]);
}
