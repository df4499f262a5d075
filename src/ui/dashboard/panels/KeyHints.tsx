// The bottom line: the keys. At narrow widths whole hints are dropped, least needed first
// (quitting and help stay), rather than cut mid-word.
import {Lines} from '../Lines.js';
import {joinFitting, type Piece, type Seg} from '../format.js';
import type {Playback} from '../snapshot.js';

export interface KeyHintsProps {
  readonly width: number;
  /** "space resume" while paused. @default 'running' */
  readonly playback?: Playback;
}

export function hintsLine(width: number, playback: Playback = 'running'): Seg[] {
  const hints: [key: string, label: string, priority: number][] = [
    ['space', playback === 'paused' ? 'resume' : 'pause', 7],
    ['→', 'step', 4],
    ['+/-', 'speed', 3],
    ['r', 'restart', 2],
    ['n', 'new seed', 1],
    ['?', 'help', 5],
    ['q', 'quit', 6],
  ];
  const pieces: Piece[] = hints.map(([key, label, priority]) => ({
    line: [{text: key, bold: true, color: 'cyan'}, {text: ` ${label}`, dim: true}],
    priority,
  }));
  return joinFitting(pieces, width, {text: '  '});
}

export function KeyHints({width, playback}: KeyHintsProps) {
  return <Lines lines={[hintsLine(width, playback)]} width={width} rows={1} />;
}
