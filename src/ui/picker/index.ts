export {Picker, type PickerProps} from './Picker.js';
export {createInitialState, reducer, type PickerAction, type PickerItem, type PickerState} from './use-picker-state.js';
