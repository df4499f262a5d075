// The top line: what is running and where it stands. At narrow widths the least useful
// pieces go first; a finished run's outcome always stays. A replay says it is the 2020 record
// (and, with --compare, which model runs are set against it) where a run shows its seed.
import {Lines} from '../Lines.js';
import {joinFitting, speedLabel, type Color, type Piece} from '../format.js';
import type {Snapshot} from '../../../host/snapshot.js';

export interface HeaderProps {
  readonly snapshot: Snapshot;
  readonly width: number;
}

const PLAYBACK_COLOR: Record<Snapshot['playback'], Color> = {running: 'green', paused: 'yellow', finished: 'magenta'};

/** "exchange complete on 2020-09-10" / "talks broke down on …" / "horizon reached". */
export function outcomeText(s: Snapshot): {text: string; color: Color} {
  if (s.replay) return {text: `end of the record (${s.replay.end})`, color: 'magenta'};
  const {status, date} = s.outcome;
  if (status === 'complete') return {text: `exchange complete on ${date ?? s.date}`, color: 'green'};
  if (status === 'broken') return {text: `talks broke down on ${date ?? s.date}`, color: 'red'};
  return {text: `horizon reached (day ${s.day})`, color: 'yellow'};
}

export function headerLine(s: Snapshot, width: number) {
  const finished = s.playback === 'finished';
  const pieces: Piece[] = [
    {line: [{text: 'parley', bold: true, color: 'cyan'}], priority: 1},
    {line: [{text: s.scenario, bold: true}], priority: 4},
    // A replay is not a run: it says so (and what it is compared with) where a run shows its seed.
    s.replay
      ? {line: [{text: s.replay.compare ? `2020 record vs ${s.replay.compare.runs} runs` : '2020 record'}], priority: 3.5}
      : {line: [{text: `seed ${s.seed}`}], priority: 2},
    {line: [{text: s.date}], priority: 7},
    {line: [{text: `day ${s.day}/${s.horizon}`}], priority: 6},
    {line: [{text: speedLabel(s.speed), dim: true}], priority: 3},
    // Finished: the outcome says it all, so the word "finished" may go before the outcome.
    {line: [{text: s.playback, bold: true, color: PLAYBACK_COLOR[s.playback]}], priority: finished ? 5 : 9},
  ];
  if (finished) {
    const o = outcomeText(s);
    pieces.push({line: [{text: o.text, bold: true, color: o.color}], priority: 10});
  }
  return joinFitting(pieces, width);
}

export function Header({snapshot, width}: HeaderProps) {
  return <Lines lines={[headerLine(snapshot, width)]} width={width} rows={1} />;
}
