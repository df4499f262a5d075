// Keys to picker intents: ↑/k and ↓/j move, Enter chooses, q or Escape cancels. Inactive
// without raw mode (piped stdin), where Ink's useInput would throw.
import {useInput, useStdin} from 'ink';
import type {PickerStateApi} from './use-picker-state.js';

export interface UsePickerProps {
  readonly state: PickerStateApi;
  readonly onCancel: () => void;
  /** @default true */
  readonly isActive?: boolean;
}

export function usePicker({state, onCancel, isActive = true}: UsePickerProps): void {
  const {isRawModeSupported} = useStdin();
  useInput(
    (input, key) => {
      if (key.downArrow || input === 'j') state.focusNext();
      else if (key.upArrow || input === 'k') state.focusPrevious();
      else if (key.return) state.select();
      else if (key.escape || input === 'q') onCancel();
    },
    {isActive: isActive && isRawModeSupported},
  );
}
