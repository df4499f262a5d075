import '../helpers/no-color.js';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test, vi} from 'vitest';
import {Picker} from '../../src/ui/picker/Picker.js';
import {createInitialState, reducer, type PickerItem} from '../../src/ui/picker/use-picker-state.js';
import {linesOf, tick, waitFor} from '../helpers/ink.js';

afterEach(cleanup);

const ITEMS: PickerItem[] = [
  {name: 'afghanistan-2020', description: 'The 2020 exchange as it happened.'},
  {name: 'hardline-government', description: 'A government that will not budge.'},
  {name: 'us-pressure', description: 'The US leans on both sides.'},
];
const DOWN = '\u001B[B';
const UP = '\u001B[A';
const ENTER = '\r';
const ESCAPE = '\u001B';

const focused = (frame: string | undefined): string | undefined => linesOf(frame).find((l) => l.startsWith('❯'));

describe('picker state', () => {
  test('starts on the first item, or on the one asked for', () => {
    expect(createInitialState(ITEMS)).toEqual({items: ITEMS, focusedIndex: 0, selected: null});
    expect(createInitialState(ITEMS, 'us-pressure').focusedIndex).toBe(2);
    expect(createInitialState(ITEMS, 'nope').focusedIndex).toBe(0);
  });

  test('focus moves and wraps around; select takes the focused name', () => {
    let s = createInitialState(ITEMS);
    s = reducer(s, {type: 'focus-previous'});
    expect(s.focusedIndex).toBe(2);
    s = reducer(s, {type: 'focus-next'});
    s = reducer(s, {type: 'focus-next'});
    expect(s.focusedIndex).toBe(1);
    expect(reducer(s, {type: 'select'}).selected).toBe('hardline-government');
  });

  test('no items: nothing to move to or select', () => {
    const s = createInitialState([]);
    expect(reducer(reducer(s, {type: 'focus-next'}), {type: 'select'})).toBe(s);
  });
});

describe('Picker', () => {
  test('a title, then each name with its description; the first is focused', () => {
    const {lastFrame} = render(<Picker items={ITEMS} onSelect={() => {}} onCancel={() => {}} />);
    const lines = linesOf(lastFrame());
    expect(lines[0]).toMatch(/^Choose a scenario/);
    expect(lines.slice(1)).toEqual([
      '❯ afghanistan-2020     The 2020 exchange as it happened.',
      '  hardline-government  A government that will not budge.',
      '  us-pressure          The US leans on both sides.',
    ]);
  });

  test('arrows and j/k move the focus', async () => {
    const {lastFrame, stdin} = render(<Picker items={ITEMS} onSelect={() => {}} onCancel={() => {}} />);
    await tick();
    stdin.write(DOWN);
    await tick();
    expect(focused(lastFrame())).toMatch(/^❯ hardline-government/);
    stdin.write('j');
    await tick();
    expect(focused(lastFrame())).toMatch(/^❯ us-pressure/);
    stdin.write('k');
    await tick();
    stdin.write(UP);
    await tick();
    expect(focused(lastFrame())).toMatch(/^❯ afghanistan-2020/);
  });

  test('Enter selects the focused scenario', async () => {
    const onSelect = vi.fn();
    const {stdin} = render(<Picker items={ITEMS} onSelect={onSelect} onCancel={() => {}} />);
    await tick();
    stdin.write(DOWN);
    await tick();
    stdin.write(ENTER);
    await waitFor(() => onSelect.mock.calls.length > 0);
    await tick();
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(onSelect).toHaveBeenCalledWith('hardline-government');
  });

  test('q and Escape cancel', async () => {
    const onCancel = vi.fn();
    const onSelect = vi.fn();
    const {stdin} = render(<Picker items={ITEMS} onSelect={onSelect} onCancel={onCancel} />);
    await tick();
    stdin.write('q');
    await tick();
    expect(onCancel).toHaveBeenCalledTimes(1);
    stdin.write(ESCAPE);
    await tick(3); // a lone Escape waits for the input parser
    expect(onCancel).toHaveBeenCalledTimes(2);
    expect(onSelect).not.toHaveBeenCalled();
  });

  test('inactive: keys are ignored', async () => {
    const onSelect = vi.fn();
    const onCancel = vi.fn();
    const {lastFrame, stdin} = render(<Picker items={ITEMS} onSelect={onSelect} onCancel={onCancel} isActive={false} />);
    await tick();
    for (const key of [DOWN, ENTER, 'q']) {
      stdin.write(key);
      await tick();
    }
    await tick(5); // time enough for a selection to be reported, were there one
    expect(focused(lastFrame())).toMatch(/^❯ afghanistan-2020/);
    expect(onSelect).not.toHaveBeenCalled();
    expect(onCancel).not.toHaveBeenCalled();
  });
});
