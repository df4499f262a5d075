// Keys to picker intents: ↑/k and ↓/j move, Enter chooses, q or Escape cancels, a key at a
// time (use-keys.ts: `jj` typed fast moves twice). Inactive without raw mode (piped stdin).
import {useKeys} from '../use-keys.js';
import type {PickerStateApi} from './use-picker-state.js';

export interface UsePickerProps {
  readonly state: PickerStateApi;
  readonly onCancel: () => void;
  /** @default true */
  readonly isActive?: boolean;
}

export function usePicker({state, onCancel, isActive = true}: UsePickerProps): void {
  useKeys(
    (input, key) => {
      if (key.downArrow || input === 'j') state.focusNext();
      else if (key.upArrow || input === 'k') state.focusPrevious();
      else if (key.return) state.select();
      else if (key.escape || input === 'q') onCancel();
    },
    {isActive},
  );
}
