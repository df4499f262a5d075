// Keyboard → intents, a keypress at a time (use-keys.ts: keys typed fast or pasted each count).
// A replay adds its keys (days back, events, a date to go to, the event in full) in place of the
// seed keys; a run selects events in its log instead. While the date prompt is open, keys type
// into it; while the help is open, only closing it, q and Ctrl-C act, and the run waits behind it
// (as it does behind an event in full, or while a run's selected event is being read).
import type {Key} from 'ink';
import {useEffect, useLayoutEffect, useRef, type Dispatch} from 'react';
import {useKeys} from '../use-keys.js';
import {isReplayLoop, type ReplayLoopApi} from '../../host/replay-loop.js';
import type {Loop} from '../../host/sim-loop.js';
import type {EventView} from '../../host/snapshot.js';
import {dashboardReducer, holdsPlayback, newSeed, type DashboardAction, type DashboardState} from './use-dashboard-state.js';

export interface DashboardInput {
  loop: Loop;
  state: DashboardState;
  dispatch: Dispatch<DashboardAction>;
  /** The events the log carries, oldest first: a run's selection moves through them. */
  events: readonly EventView[];
  baseSeed: string;
  onQuit(): void;
  onInterrupt(): void;
}

type Act = (action: DashboardAction) => void;

/** Typing into the date prompt: Enter goes to the date (or says why not), backspace erases. */
function promptKey(loop: Loop, text: string, input: string, key: Key, act: Act): void {
  if (key.escape) return act({type: 'close-prompt'});
  if (key.return || input === '\n') {
    if (!isReplayLoop(loop)) return act({type: 'close-prompt'});
    const error = loop.seek(text);
    return act(error === null ? {type: 'close-prompt'} : {type: 'prompt-error', message: error});
  }
  if (key.backspace || key.delete) return act({type: 'prompt-erase'});
  if (key.ctrl || key.meta || input < ' ') return;
  act({type: 'prompt-type', text: input});
}

function replayKey(loop: ReplayLoopApi, input: string, key: Key, act: Act): void {
  if (key.leftArrow) return loop.stepBack();
  if (input === 'n' || input === ']') return loop.nextEvent();
  if (input === 'p' || input === '[') return loop.previousEvent();
  if (input === 'g') return act({type: 'open-prompt'});
  if (key.return) return act({type: 'toggle-detail'});
  if (input === 'r') return loop.restart();
}

/** The event `by` places older (-1) or newer (+1) than the selected one; the latest when none is (or it scrolled away). */
function moveSelection(events: readonly EventView[], selected: number | null, by: number): number | null {
  if (events.length === 0) return null;
  const at = selected === null ? -1 : events.findIndex((e) => e.n === selected);
  const next = at < 0 ? events.length - 1 : Math.max(0, Math.min(events.length - 1, at + by));
  return events[next]!.n;
}

function runKey(events: readonly EventView[], state: DashboardState, input: string, key: Key, act: Act): boolean {
  const select = (by: number): void => {
    const n = moveSelection(events, state.selected, by);
    if (n !== null) act({type: 'select', n});
  };
  if (key.upArrow || input === '[') select(-1);
  else if (key.downArrow || input === ']') select(1);
  else if (key.return) {
    // Enter with nothing selected (or the selected event scrolled away) shows the latest one.
    if (!state.detail) select(0);
    if (state.detail || events.length > 0) act({type: 'toggle-detail'});
  } else return false;
  return true;
}

export function useDashboardInput({loop, state: rendered, dispatch, events: shown, baseSeed, onQuit, onInterrupt}: DashboardInput): void {
  // The state and events as of the last key: keys in one chunk come before React renders again,
  // so each action is applied here too (the reducer is pure) and the next key sees it.
  const latest = useRef({state: rendered, events: shown});
  useLayoutEffect(() => {
    latest.current = {state: rendered, events: shown};
  });
  const act: Act = (action) => {
    latest.current = {...latest.current, state: dashboardReducer(latest.current.state, action)};
    dispatch(action);
  };

  useKeys((input, key) => {
    const {state, events} = latest.current;
    if (key.ctrl && input === 'c') return onInterrupt();
    if (state.prompt) return promptKey(loop, state.prompt.text, input, key, act);
    if (input === 'q') return onQuit();
    if (input === '?') return act({type: 'toggle-help'});
    if (key.escape) return act({type: 'close-overlays'});
    if (state.help) return;
    if (input === ' ') return loop.togglePause();
    if (key.rightArrow) return loop.step();
    if (input === '+' || input === '=') return loop.faster();
    if (input === '-' || input === '_') return loop.slower();
    if (isReplayLoop(loop)) return replayKey(loop, input, key, act);
    if (runKey(events, state, input, key, act)) return;
    if (input === 'r') {
      act({type: 'restarted'});
      return loop.restart();
    }
    if (input === 'n') {
      act({type: 'new-seed'});
      return loop.restart(newSeed(baseSeed, state.newSeeds + 1));
    }
  });

  // The run waits while the help, an event in full or a selected event is open, then goes on as it was.
  const held = holdsPlayback(rendered);
  useEffect(() => {
    if (!held) return;
    loop.hold(true);
    return () => loop.hold(false);
  }, [held, loop]);
}
