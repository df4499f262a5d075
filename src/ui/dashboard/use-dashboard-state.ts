// The dashboard's own UI state (not the simulation's): which overlay is open, how many new seeds
// have been drawn, the event selected in a run's log, and in a replay the go-to-date prompt. A
// pure reducer with typed actions, as ink-ui does it.
export interface DashboardState {
  help: boolean;
  /** How many times `n` was pressed: the k-th new seed is `<scenario seed>~k`. */
  newSeeds: number;
  /** The selected event in full over the whole body (a replay's, or the one selected in a run's log). */
  detail: boolean;
  /** A run: the event selected in the log, by its place in the run's log (EventView.n); null when none. */
  selected: number | null;
  /** Replay: the go-to-date prompt while it is open: what was typed, and why the last try failed. */
  prompt: {text: string; error: string | null} | null;
}

export type DashboardAction =
  | {type: 'toggle-help'}
  | {type: 'toggle-detail'}
  /** Esc: closes the help and the event in full; with neither open, drops the selection. */
  | {type: 'close-overlays'}
  | {type: 'select'; n: number}
  | {type: 'new-seed'}
  /** A restart: the old run's events are gone. */
  | {type: 'restarted'}
  | {type: 'open-prompt'}
  | {type: 'prompt-type'; text: string}
  | {type: 'prompt-erase'}
  | {type: 'prompt-error'; message: string}
  | {type: 'close-prompt'};

export const initialDashboardState: DashboardState = {help: false, newSeeds: 0, detail: false, selected: null, prompt: null};

/** A date is ten characters; what else would a user mean to type? */
const PROMPT_MAX = 10;

export function dashboardReducer(state: DashboardState, action: DashboardAction): DashboardState {
  switch (action.type) {
    case 'toggle-help':
      return {...state, help: !state.help};
    case 'toggle-detail':
      return {...state, detail: !state.detail, help: false};
    case 'close-overlays':
      if (state.help || state.detail) return {...state, help: false, detail: false};
      return state.selected === null ? state : {...state, selected: null};
    case 'select':
      return {...state, selected: action.n};
    case 'new-seed':
      return {...state, newSeeds: state.newSeeds + 1, selected: null, detail: false};
    case 'restarted':
      return {...state, selected: null, detail: false};
    case 'open-prompt':
      return {...state, prompt: {text: '', error: null}};
    case 'prompt-type':
      if (!state.prompt) return state;
      return {...state, prompt: {text: (state.prompt.text + action.text).slice(0, PROMPT_MAX), error: null}};
    case 'prompt-erase':
      if (!state.prompt) return state;
      return {...state, prompt: {text: state.prompt.text.slice(0, -1), error: null}};
    case 'prompt-error':
      return state.prompt ? {...state, prompt: {...state.prompt, error: action.message}} : state;
    case 'close-prompt':
      return state.prompt ? {...state, prompt: null} : state;
  }
}

/** New seeds are derived, not random, so any run on screen can be re-run with --seed. */
export function newSeed(baseSeed: string, k: number): string {
  return `${baseSeed}~${k}`;
}

/** Whether the run waits behind what is open: the help, an event in full, or a run's selected event being read. */
export const holdsPlayback = (state: DashboardState): boolean => state.help || state.detail || state.selected !== null;
