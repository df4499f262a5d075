// The picker's state as a pure reducer (ink-ui's anatomy): which item has the focus and which
// was chosen. No Ink here, so it is tested as plain functions.
import {useCallback, useEffect, useReducer, useRef} from 'react';

export interface PickerItem {
  readonly name: string;
  readonly description: string;
}

export interface PickerState {
  readonly items: readonly PickerItem[];
  readonly focusedIndex: number;
  /** The chosen item's name, once Enter was pressed. */
  readonly selected: string | null;
}

export type PickerAction = {readonly type: 'focus-next'} | {readonly type: 'focus-previous'} | {readonly type: 'select'};

/** Focus on `initial` when it is one of the items, else on the first. */
export function createInitialState(items: readonly PickerItem[], initial?: string): PickerState {
  const at = items.findIndex((it) => it.name === initial);
  return {items, focusedIndex: Math.max(0, at), selected: null};
}

/** Focus wraps around: with a handful of scenarios, up from the top reaches the bottom. */
export function reducer(state: PickerState, action: PickerAction): PickerState {
  const n = state.items.length;
  if (n === 0) return state;
  switch (action.type) {
    case 'focus-next':
      return {...state, focusedIndex: (state.focusedIndex + 1) % n};
    case 'focus-previous':
      return {...state, focusedIndex: (state.focusedIndex - 1 + n) % n};
    case 'select':
      return {...state, selected: state.items[state.focusedIndex]!.name};
  }
}

export interface PickerStateApi {
  readonly items: readonly PickerItem[];
  readonly focusedIndex: number;
  focusNext(): void;
  focusPrevious(): void;
  select(): void;
}

export interface UsePickerStateProps {
  readonly items: readonly PickerItem[];
  readonly onSelect: (name: string) => void;
  readonly initial?: string;
}

export function usePickerState({items, onSelect, initial}: UsePickerStateProps): PickerStateApi {
  const [state, dispatch] = useReducer(reducer, undefined, () => createInitialState(items, initial));
  // The latest callback, so a parent passing a new function each render is not called twice.
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);
  // Reported from an effect, after the state holding the choice has committed.
  useEffect(() => {
    if (state.selected !== null) onSelectRef.current(state.selected);
  }, [state.selected]);
  return {
    items: state.items,
    focusedIndex: state.focusedIndex,
    focusNext: useCallback(() => dispatch({type: 'focus-next'}), []),
    focusPrevious: useCallback(() => dispatch({type: 'focus-previous'}), []),
    select: useCallback(() => dispatch({type: 'select'}), []),
  };
}
