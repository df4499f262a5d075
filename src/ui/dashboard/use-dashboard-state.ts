// The dashboard's own UI state (not the simulation's): which overlay is open, how many new seeds
// have been drawn, and in a replay the go-to-date prompt. A pure reducer with typed actions, as
// ink-ui does it.
export interface DashboardState {
  help: boolean;
  /** How many times `n` was pressed: the k-th new seed is `<scenario seed>~k`. */
  newSeeds: number;
  /** Replay: the selected event in full over the whole body. */
  detail: boolean;
  /**
   * Replay: the go-to-date prompt while it is open: what was typed, why the last try failed, and
   * whether Enter was pressed (the hook then seeks, outside the reducer).
   */
  prompt: {text: string; error: string | null; submitted: boolean} | null;
}

export type DashboardAction =
  | {type: 'toggle-help'}
  | {type: 'toggle-detail'}
  /** Esc: closes the help and the event in full. */
  | {type: 'close-overlays'}
  | {type: 'new-seed'}
  | {type: 'open-prompt'}
  | {type: 'prompt-type'; text: string}
  | {type: 'prompt-erase'}
  | {type: 'prompt-submit'}
  | {type: 'prompt-error'; message: string}
  | {type: 'close-prompt'};

export const initialDashboardState: DashboardState = {help: false, newSeeds: 0, detail: false, prompt: null};

/** A date is ten characters; what else would a user mean to type? */
const PROMPT_MAX = 10;

export function dashboardReducer(state: DashboardState, action: DashboardAction): DashboardState {
  switch (action.type) {
    case 'toggle-help':
      return {...state, help: !state.help};
    case 'toggle-detail':
      return {...state, detail: !state.detail, help: false};
    case 'close-overlays':
      return state.help || state.detail ? {...state, help: false, detail: false} : state;
    case 'new-seed':
      return {...state, newSeeds: state.newSeeds + 1};
    case 'open-prompt':
      return {...state, prompt: {text: '', error: null, submitted: false}};
    case 'prompt-type':
      if (!state.prompt) return state;
      return {...state, prompt: {text: (state.prompt.text + action.text).slice(0, PROMPT_MAX), error: null, submitted: false}};
    case 'prompt-erase':
      if (!state.prompt) return state;
      return {...state, prompt: {text: state.prompt.text.slice(0, -1), error: null, submitted: false}};
    case 'prompt-submit':
      return state.prompt ? {...state, prompt: {...state.prompt, submitted: true}} : state;
    case 'prompt-error':
      return state.prompt ? {...state, prompt: {...state.prompt, error: action.message, submitted: false}} : state;
    case 'close-prompt':
      return state.prompt ? {...state, prompt: null} : state;
  }
}

/** New seeds are derived, not random, so any run on screen can be re-run with --seed. */
export function newSeed(baseSeed: string, k: number): string {
  return `${baseSeed}~${k}`;
}
