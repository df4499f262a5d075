// The top line: what is running and where it stands. At narrow widths the least useful
// pieces go first; a finished run's outcome always stays. A replay says it is the 2020 record
// (and, with --compare, which model runs are set against it) where a run shows its seed.
import {Lines} from '../Lines.js';
import {joinFitting, speedLabel, type Color, type Piece} from '../format.js';
import type {ModelSnapshot, Snapshot} from '../../../host/snapshot.js';

export interface HeaderProps {
  readonly snapshot: Snapshot;
  readonly width: number;
}

const PLAYBACK_COLOR: Record<Snapshot['playback'], Color> = {running: 'green', paused: 'yellow', finished: 'magenta'};

type Said = {text: string; color: Color};

/** "exchange complete on 2020-09-10" / "talks broke down on …" / "horizon reached". */
export function outcomeText(s: ModelSnapshot): Said {
  const {status, date} = s.outcome;
  if (status === 'complete') return {text: `exchange complete on ${date ?? s.date}`, color: 'green'};
  if (status === 'broken') return {text: `talks broke down on ${date ?? s.date}`, color: 'red'};
  return {text: `horizon reached (day ${s.day})`, color: 'yellow'};
}

/** What differs by kind: a run's seed and outcome; the record says what it is (and what it is compared with), and ends with itself. */
function ofKind(s: Snapshot): {which: Piece; end: Said} {
  if (s.kind === 'model') return {which: {line: [{text: `seed ${s.seed}`}, ...(s.drawn ? [{text: `, ${s.drawn}`, dim: true}] : [])], priority: 2}, end: outcomeText(s)};
  const c = s.replay.compare;
  return {which: {line: [{text: c ? `2020 record vs ${c.runs} runs` : '2020 record'}], priority: 3.5}, end: {text: `end of the record (${s.replay.end})`, color: 'magenta'}};
}

export function headerLine(s: Snapshot, width: number) {
  const finished = s.playback === 'finished';
  const {which, end} = ofKind(s);
  const pieces: Piece[] = [
    {line: [{text: 'parley', bold: true, color: 'cyan'}], priority: 1},
    {line: [{text: s.scenario, bold: true}], priority: 4},
    which,
    {line: [{text: s.date}], priority: 7},
    {line: [{text: `day ${s.day}/${s.horizon}`}], priority: 6},
    {line: [{text: speedLabel(s.speed), dim: true}], priority: 3},
    // Finished: the outcome says it all, so the word "finished" may go before the outcome.
    {line: [{text: s.playback, bold: true, color: PLAYBACK_COLOR[s.playback]}], priority: finished ? 5 : 9},
  ];
  if (finished) pieces.push({line: [{text: end.text, bold: true, color: end.color}], priority: 10});
  return joinFitting(pieces, width);
}

export function Header({snapshot, width}: HeaderProps) {
  return <Lines lines={[headerLine(snapshot, width)]} width={width} rows={1} />;
}
