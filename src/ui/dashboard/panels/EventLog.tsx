// The event log: the latest events that fit, newest last, one line each. Below COMPACT columns
// the date loses its year and actors are abbreviated so the reason keeps some room. In a run an
// event can be selected (↑/↓): it is marked, kept in view, and Enter shows it in full
// (SelectedEventPanel's lines), reason and all.
import type {EventDetail} from '../../../host/history-view.js';
import {AGENT_COLOR, AGENT_LABEL, AGENT_SHORT, pad, textWidth, type Color, type Line, type Seg} from '../format.js';
import type {PanelSpec} from '../panel.js';
import {panelComponent} from '../panel-component.js';
import type {EventView, Snapshot} from '../../../host/snapshot.js';

export const COMPACT = 70;
const MAX_TYPE = 14;

const BAD = /^(walk-out|breakdown|stall|reject-|raise-violence|spoiler-attack|aid-cut|ratification-rejected|refuse)/;
const GOOD = /^(return|recovery|exchange-complete|accept-|ratified|lower-violence|declare-ceasefire|ceasefire|aid-restore)/;

function typeColor(type: string): Color | undefined {
  if (BAD.test(type)) return 'red';
  if (GOOD.test(type)) return 'green';
  return type === 'release' || type === 'release-batch' ? 'cyan' : undefined;
}

const MARK: Seg = {text: '▸ ', color: 'cyan', bold: true};
const UNMARKED: Seg = {text: '  '};

/** The lines that fit `rows`; with an event selected, the window keeps it in view and marks it. */
export function eventLines(events: readonly EventView[], width: number, rows: number, selected: number | null = null): Line[] {
  if (events.length === 0) return [[{text: 'no events yet', dim: true}]];
  const at = selected === null ? -1 : events.findIndex((e) => e.n === selected);
  // The latest that fit, or those from the selected one on when it lies further back.
  const end = at >= 0 && at < events.length - rows ? at + rows : events.length;
  const shown = events.slice(Math.max(0, end - rows), end);
  const compact = width < COMPACT;
  // Sized on all the events carried, not just those shown, so the column does not jump as the log scrolls.
  const typeWidth = Math.min(compact ? 12 : MAX_TYPE, Math.max(...events.map((e) => textWidth(e.type))));
  const gap = compact ? ' ' : '  ';
  return shown.map((e, i) => {
    const repeated = i > 0 && shown[i - 1]!.date === e.date;
    const line: Seg[] = [
      {text: compact ? e.date.slice(5) : e.date, dim: repeated},
      {text: gap},
      {text: pad(compact ? AGENT_SHORT[e.actor] : AGENT_LABEL[e.actor], compact ? 5 : 10), color: AGENT_COLOR[e.actor]},
      {text: gap},
      {text: pad(e.type, typeWidth), color: typeColor(e.type), bold: typeColor(e.type) === 'red'},
      {text: gap},
      {text: e.reason},
    ];
    if (at < 0) return line;
    return e.n === selected ? [MARK, ...line.map((s) => ({...s, inverse: true}))] : [UNMARKED, ...line];
  });
}

/** A run's event as the selected-event lines take it: no grade, sources or note; the reason in full. */
export function eventInFull(e: EventView, total: number): EventDetail {
  return {
    id: `#${e.n}`,
    index: e.n - 1,
    total,
    day: e.day,
    date: e.date,
    until: null,
    actor: e.actor,
    type: e.type,
    summary: e.reason,
    numbers: [],
    confidence: null,
    sources: [],
    note: null,
    disagreements: [],
  };
}

/** The event to show in full: a replay's selected one, or the one selected in a run's log (null when it has scrolled away). */
export function selectedDetail(s: Snapshot, selected: number | null): EventDetail | null {
  if (s.kind === 'record') return s.replay.selected;
  const e = s.events.find((v) => v.n === selected);
  return e ? eventInFull(e, s.events[s.events.length - 1]!.n) : null;
}

export const panel: PanelSpec = {
  id: 'events',
  title: 'Events',
  priority: 80,
  // A run selects its events here (↑/↓) and shows the selected one in full (Enter).
  model: {lines: (s, width, rows, selected) => eventLines(s.events, width, rows, selected), minRows: 2, maxRows: 50, keys: ['select-event', 'details']},
  record: {lines: (s, width, rows) => eventLines(s.events, width, rows), minRows: 2, maxRows: 50},
};

export const EventLog = panelComponent(panel);
