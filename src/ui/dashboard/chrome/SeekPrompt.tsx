// The go-to-date prompt of a replay, in place of the key hints: what has been typed, then why
// the last try failed or how to go on.
import {Lines} from '../Lines.js';
import {firstFitting, type Line, type Seg} from '../format.js';

export interface SeekPromptProps {
  readonly text: string;
  readonly error: string | null;
  readonly width: number;
}

export function promptLine(text: string, error: string | null, width: number): Line {
  const typed: Seg[] = [{text}, {text: ' ', inverse: true}];
  const tail: Seg[] = error ? [{text: '  '}, {text: error, color: 'red', bold: true}] : [{text: '  ↵ go · esc cancel', dim: true}];
  const label = (long: boolean): Seg[] => [{text: long ? 'go to date ' : 'date', bold: true, color: 'cyan'}, {text: long ? '(YYYY-MM-DD): ' : ': ', dim: true}];
  return firstFitting([[...label(true), ...typed, ...tail], [...label(false), ...typed, ...tail]], width);
}

export function SeekPrompt({text, error, width}: SeekPromptProps) {
  return <Lines lines={[promptLine(text, error, width)]} width={width} rows={1} />;
}
