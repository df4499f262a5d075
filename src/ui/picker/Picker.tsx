// The scenario picker: a title, then each scenario's name and one-line description; the
// focused one is marked with ❯ (and colour).
import {Box, Text} from 'ink';
import {usePicker} from './use-picker.js';
import {usePickerState, type PickerItem} from './use-picker-state.js';

export interface PickerProps {
  readonly items: readonly PickerItem[];
  readonly onSelect: (name: string) => void;
  readonly onCancel: () => void;
  /** Listen to the keyboard. @default true */
  readonly isActive?: boolean;
  /** @default 'Choose a scenario' */
  readonly title?: string;
  /** The name focused first. @default the first item */
  readonly initial?: string;
}

export function Picker({items, onSelect, onCancel, isActive = true, title = 'Choose a scenario', initial}: PickerProps) {
  const state = usePickerState({items, onSelect, initial});
  usePicker({state, onCancel, isActive});
  const nameWidth = Math.max(0, ...items.map((it) => it.name.length));
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>{title}</Text>
        <Text dimColor>{'  ↑/↓ move · enter run · q quit'}</Text>
      </Text>
      {items.length === 0 && <Text dimColor>no scenarios found</Text>}
      {items.map((it, i) => {
        const focused = i === state.focusedIndex;
        return (
          <Text key={it.name} wrap="truncate-end">
            <Text color="cyan">{focused ? '❯ ' : '  '}</Text>
            <Text color={focused ? 'cyan' : undefined} bold={focused}>
              {it.name.padEnd(nameWidth)}
            </Text>
            <Text dimColor={!focused}>{`  ${it.description.replace(/\s+/g, ' ').trim()}`}</Text>
          </Text>
        );
      })}
    </Box>
  );
}
