// The dashboard's own UI state (not the simulation's): which overlay is open, and how many new
// seeds have been drawn. A pure reducer with typed actions, as ink-ui does it.
export interface DashboardState {
  help: boolean;
  /** How many times `n` was pressed: the k-th new seed is `<scenario seed>~k`. */
  newSeeds: number;
}

export type DashboardAction = {type: 'toggle-help'} | {type: 'close-help'} | {type: 'new-seed'};

export const initialDashboardState: DashboardState = {help: false, newSeeds: 0};

export function dashboardReducer(state: DashboardState, action: DashboardAction): DashboardState {
  switch (action.type) {
    case 'toggle-help':
      return {...state, help: !state.help};
    case 'close-help':
      return state.help ? {...state, help: false} : state;
    case 'new-seed':
      return {...state, newSeeds: state.newSeeds + 1};
  }
}

/** New seeds are derived, not random, so any run on screen can be re-run with --seed. */
export function newSeed(baseSeed: string, k: number): string {
  return `${baseSeed}~${k}`;
}
