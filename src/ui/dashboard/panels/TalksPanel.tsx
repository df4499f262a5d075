// Talks: the state of the table and, while a walk-out lasts or after a breakdown, a banner
// saying who, since when and why. Spare rows hold a timeline of the horizon with past
// walk-outs and today, its axis, and the list of walk-outs.
import {AGENT_COLOR, AGENT_LABEL, columnOf, firstFitting, textWidth, type Line, type Seg} from '../format.js';
import {plural} from '../../../fmt/plural.js';
import type {PanelSpec} from '../panel.js';
import {panelComponent} from '../panel-component.js';
import type {Snapshot} from '../../../host/snapshot.js';

/** Timeline characters: told apart without colour. */
const TRACK = {past: '━', walkout: '▓', today: '●', future: '·'} as const;

/** Columns kept for the reason when it shares the banner's line. */
const REASON_ROOM = 24;

/** "walks out: no progress…" → "no progress…": the banner already says it is a walk-out. */
const why = (reason: string): string => reason.replace(/^walks? out:\s*/i, '');

/** The banner while talks are broken (only a run's can break) or a walk-out lasts; shorter forms at narrow widths. */
function bannerLine(s: Snapshot, width: number): {head: Line; reason: string} | null {
  if (s.kind === 'model' && s.talks === 'broken') {
    const breakdown = [...s.events].reverse().find((e) => e.type === 'breakdown');
    const on = s.outcome.date ?? breakdown?.date ?? s.date;
    return {
      head: [{text: ' TALKS BROKEN ', color: 'red', bold: true, inverse: true}, {text: ` on ${on}`}],
      reason: breakdown ? breakdown.reason.replace(/^talks broke down:\s*/i, '') : '',
    };
  }
  if (!s.walkout) return null;
  const w = s.walkout;
  const start: Seg[] = [
    {text: ' WALK-OUT ', color: 'red', bold: true, inverse: true},
    {text: ' '},
    {text: AGENT_LABEL[w.by], bold: true, color: AGENT_COLOR[w.by]},
  ];
  // On its first day a walk-out has lasted no days: it is "since today".
  const since =
    w.days === 0
      ? [` since today (${w.sinceDate}, day ${w.since})`, ` since today (${w.sinceDate})`, ' since today']
      : [
          ` since ${w.sinceDate} (day ${w.since}) · ${plural(w.days, 'day')} away`,
          ` since ${w.sinceDate} · ${plural(w.days, 'day')}`,
          ` since ${w.sinceDate.slice(5)} (${w.days} d)`,
        ];
  return {head: firstFitting(since.map((t) => [...start, {text: t}]), width), reason: why(w.reason)};
}

function statusLine(s: Snapshot): Line {
  const n = s.walkouts.length;
  const tail: Seg = {text: n === 0 ? ' · no walk-outs so far' : ` · ${plural(n, 'walk-out')} so far`, dim: true};
  if (s.talks === 'pending') return [{text: 'talks pending', bold: true, color: 'yellow'}, {text: ' · the parties have not met yet', dim: true}];
  if (s.talks === 'open') return [{text: 'talks open', bold: true, color: 'green'}, {text: ' · the intra-Afghan negotiations have begun', dim: true}, tail];
  return [{text: `talks ${s.talks}`, bold: true, color: 'green'}, tail];
}

/** Days 0..horizon across `width` cells: talks, walk-outs, today, days ahead. */
export function timeline(s: Snapshot, width: number): Line {
  const span = Math.max(1, s.horizon);
  const cells: (keyof typeof TRACK)[] = new Array<keyof typeof TRACK>(width).fill('future');
  for (let c = 0; c <= columnOf(s.day, span, width); c++) cells[c] = 'past';
  for (const w of s.walkouts) {
    const end = w.returnDay === null ? s.day : w.returnDay - 1;
    for (let d = w.day; d <= end; d++) cells[columnOf(d, span, width)] = 'walkout';
  }
  cells[columnOf(s.day, span, width)] = 'today';
  const style: Record<keyof typeof TRACK, Omit<Seg, 'text'>> = {
    past: {color: 'green'},
    walkout: {color: 'red', bold: true},
    today: {color: 'cyan', bold: true},
    future: {dim: true},
  };
  // Runs of one kind become one segment.
  const line: Seg[] = [];
  cells.forEach((kind, c) => {
    const last = line[line.length - 1];
    if (last && kind === cells[c - 1]) line[line.length - 1] = {...last, text: last.text + TRACK[kind]};
    else line.push({...style[kind], text: TRACK[kind]});
  });
  return line;
}

/** "day 0   ━ talks  ▓ walk-out  ● today   day 230", the legend left out when it does not fit. */
function axisLine(s: Snapshot, width: number): Line {
  const left = 'day 0';
  const right = `day ${s.horizon}`;
  const legend = `${TRACK.past} talks  ${TRACK.walkout} walk-out  ${TRACK.today} today ${s.day}`;
  const room = width - textWidth(left) - textWidth(right);
  const middle = room >= textWidth(legend) + 4 ? legend : '';
  const gap = Math.max(1, room - textWidth(middle));
  const before = Math.floor(gap / 2);
  return [{text: left, dim: true}, {text: ' '.repeat(before)}, {text: middle, dim: true}, {text: ' '.repeat(gap - before)}, {text: right, dim: true}];
}

/** Latest first, so truncation drops the oldest. */
function historyLine(s: Snapshot): Line {
  if (s.walkouts.length === 0) return [{text: 'no walk-outs so far', dim: true}];
  const items = [...s.walkouts].reverse().map((w) => {
    const back = w.returnDay === null ? 'now' : `${w.returnDay} (${plural(w.returnDay - w.day, 'day')})`;
    return `${AGENT_LABEL[w.by]} day ${w.day}–${back}`;
  });
  return [{text: 'walk-outs, latest first: ', dim: true}, {text: items.join(', ')}];
}

/** The same for a run and the record: what differs (a breakdown, talks open) is in the talks state itself. */
function talksLines(s: Snapshot, width: number, rows: number): Line[] {
  // On a single row the reason shares the line, so leave it some room.
  const banner = bannerLine(s, rows === 1 ? width - REASON_ROOM : width);
  const lines: Line[] = [];
  if (banner) {
    const because: Seg = {text: banner.reason, color: 'yellow'};
    if (rows === 1) lines.push(banner.reason ? [...banner.head, {text: ': '}, because] : banner.head);
    else lines.push(banner.head);
    if (rows > 1 && banner.reason) lines.push([{text: 'why: ', dim: true}, because]);
  } else {
    lines.push(statusLine(s));
  }
  if (lines.length < rows) lines.push(timeline(s, width));
  if (lines.length < rows) lines.push(axisLine(s, width));
  if (lines.length < rows) lines.push(historyLine(s));
  return lines.slice(0, rows);
}

export const panel: PanelSpec = {
  id: 'talks',
  title: 'Talks',
  priority: 100,
  model: {lines: talksLines, minRows: 1, maxRows: 4},
  record: {lines: talksLines, minRows: 1, maxRows: 4},
};

export const TalksPanel = panelComponent(panel);
