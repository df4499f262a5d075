// The event log: the latest events that fit, newest last, one line each. Below COMPACT columns
// the date loses its year and actors are abbreviated so the reason keeps some room.
import {Lines} from '../Lines.js';
import {AGENT_COLOR, AGENT_LABEL, AGENT_SHORT, pad, textWidth, type Color, type Line} from '../format.js';
import type {PanelProps, PanelSpec} from '../panel.js';
import type {EventView} from '../snapshot.js';

export const COMPACT = 70;
const MAX_TYPE = 14;

const BAD = /^(walk-out|breakdown|stall|reject-|raise-violence|spoiler-attack|aid-cut|ratification-rejected|refuse)/;
const GOOD = /^(return|recovery|exchange-complete|accept-|ratified|lower-violence|declare-ceasefire|ceasefire|aid-restore)/;

function typeColor(type: string): Color | undefined {
  if (BAD.test(type)) return 'red';
  if (GOOD.test(type)) return 'green';
  return type === 'release' || type === 'release-batch' ? 'cyan' : undefined;
}

export function eventLines(events: readonly EventView[], width: number, rows: number): Line[] {
  if (events.length === 0) return [[{text: 'no events yet', dim: true}]];
  const shown = events.slice(-rows);
  const compact = width < COMPACT;
  // Sized on all the events carried, not just those shown, so the column does not jump as the log scrolls.
  const typeWidth = Math.min(compact ? 12 : MAX_TYPE, Math.max(...events.map((e) => textWidth(e.type))));
  const gap = compact ? ' ' : '  ';
  return shown.map((e, i) => {
    const repeated = i > 0 && shown[i - 1]!.date === e.date;
    return [
      {text: compact ? e.date.slice(5) : e.date, dim: repeated},
      {text: gap},
      {text: pad(compact ? AGENT_SHORT[e.actor] : AGENT_LABEL[e.actor], compact ? 5 : 10), color: AGENT_COLOR[e.actor]},
      {text: gap},
      {text: pad(e.type, typeWidth), color: typeColor(e.type), bold: typeColor(e.type) === 'red'},
      {text: gap},
      {text: e.reason},
    ];
  });
}

export function EventLog({snapshot, width, rows}: PanelProps) {
  return <Lines lines={eventLines(snapshot.events, width, rows)} width={width} rows={rows} />;
}

export const eventLog: PanelSpec = {id: 'events', title: 'Events', component: EventLog, minRows: 2, maxRows: 50};
