// The bottom line: the keys. At narrow widths whole hints are dropped, least needed first
// (quitting and help stay), rather than cut mid-word. A run selects events in its log and shows
// one in full; a replay has its own keys: days both ways, events, a date to go to, the selected
// event in full, and no seeds. The keys of a panel not on screen (left out for want of rows) are
// not hinted.
import {Lines} from '../Lines.js';
import {joinFitting, type Piece, type Seg} from '../format.js';
import type {Playback} from '../../../host/snapshot.js';
import type {PanelKey} from '../panel.js';

export interface KeyHintsProps {
  readonly width: number;
  /** "space resume" while paused. @default 'running' */
  readonly playback?: Playback;
  /** The replay's keys instead of the model's. @default false */
  readonly replay?: boolean;
  /** Keys whose panel is not on screen: not hinted. @default none */
  readonly hidden?: readonly PanelKey[];
}

/** The last element: the panel key it needs on screen, if any. */
type Hint = [key: string, label: string, priority: number, needs?: PanelKey];

function hints(playback: Playback, replay: boolean): Hint[] {
  const pause: Hint = ['space', playback === 'paused' ? 'resume' : 'pause', 7];
  if (replay) {
    return [pause, ['←/→', 'day', 4], ['n/p', 'event', 4.5], ['g', 'date', 3], ['↵', 'details', 2], ['+/-', 'speed', 1], ['?', 'help', 5], ['q', 'quit', 6]];
  }
  return [pause, ['→', 'step', 4], ['↑/↓', 'event', 3.5, 'select-event'], ['↵', 'details', 2.5, 'details'], ['+/-', 'speed', 3], ['r', 'restart', 2], ['n', 'new seed', 1], ['?', 'help', 5], ['q', 'quit', 6]];
}

export function hintsLine(width: number, playback: Playback = 'running', replay = false, hidden: readonly PanelKey[] = []): Seg[] {
  const shown = hints(playback, replay).filter(([, , , needs]) => needs === undefined || !hidden.includes(needs));
  const pieces: Piece[] = shown.map(([key, label, priority]) => ({
    line: [{text: key, bold: true, color: 'cyan'}, {text: ` ${label}`, dim: true}],
    priority,
  }));
  return joinFitting(pieces, width, {text: '  '});
}

export function KeyHints({width, playback, replay, hidden}: KeyHintsProps) {
  return <Lines lines={[hintsLine(width, playback, replay, hidden)]} width={width} rows={1} />;
}
