// The selected event (of the record: the one jumped to with n / p, else the latest on or before
// today; of a run: the one selected in the log) in full: row, date, actor, type and confidence,
// the summary, the numbers, where sources disagree (every value, the one chosen and why), every
// source URL and the note. When the rows run short the lines that do not fit are counted on the
// last one, and Enter shows it all over the whole body, each URL whole on a line of its own (the
// terminal wraps it, so a copied URL is never broken). The panel itself is for replays only.
import {AGENT_COLOR, AGENT_LABEL, fit, firstFitting, rowsOf, type Line, type Seg} from '../format.js';
import type {EventDetail} from '../../../host/history-view.js';
import type {PanelSpec} from '../panel.js';
import {panelComponent} from '../panel-component.js';
import {wrap} from '../../../text/plain.js';

/** What the confidence grades mean (scenarios/history/afghanistan-2020.yaml). */
export const CONFIDENCE: Readonly<Record<string, string>> = {
  C: 'confirmed in a found source',
  C2: 'in two or more independent sources',
  W: 'weak or secondary source only',
  M: 'from memory, unverified',
};

const para = (text: string, width: number, first: string): Line[] =>
  wrap(text, width, first, 2)
    .split('\n')
    .map((t, i) => (i === 0 ? [{text: first, dim: true}, {text: t.slice(first.length)}] : [{text: t}]));

/** A URL: whole on its own line (full view), or cut to the room left (panel); a hyperlink to all of it either way. */
function urlLine(url: string, room: number, full: boolean): Seg[] {
  return [full ? {text: url, color: 'cyan', link: url, whole: true} : {text: fit(url, Math.max(1, room)), color: 'cyan', link: url}];
}

/** Row, date, actor, type, confidence; in full, what the grade means and the event's place on a line of their own. */
function headLines(e: EventDetail, width: number, full: boolean): Line[] {
  const start: Seg[] = [
    {text: e.id, bold: true},
    {text: ' · '},
    {text: e.until ? `${e.date} to ${e.until}` : e.date, bold: true},
    {text: ' · '},
    {text: AGENT_LABEL[e.actor], bold: true, color: AGENT_COLOR[e.actor]},
    {text: ' · '},
    {text: e.type, bold: true},
  ];
  const place = `event ${e.index + 1} of ${e.total}`;
  // A model run's events have no grade.
  if (e.confidence === null) return full ? [start, [{text: place, dim: true}]] : [firstFitting([[...start, {text: ` · ${place}`, dim: true}], start], width)];
  const graded: Seg[] = [...start, {text: ' · '}, {text: e.confidence, bold: true, color: e.confidence === 'C' || e.confidence === 'C2' ? 'green' : 'yellow'}];
  const grade: Seg = {text: ` (${CONFIDENCE[e.confidence] ?? 'ungraded'})`, dim: true};
  if (full) return [graded, [{text: `confidence ${e.confidence}: ${CONFIDENCE[e.confidence] ?? 'ungraded'} · ${place}`, dim: true}]];
  return [firstFitting([[...graded, grade, {text: ` · ${place}`, dim: true}], [...graded, grade], [...graded, {text: ` · ${place}`, dim: true}], graded], width)];
}

/** Every line of the event, most important first. */
export function eventDetailLines(e: EventDetail, width: number, full: boolean): Line[] {
  const lines: Line[] = [...headLines(e, width, full), ...para(e.summary, width, '')];
  if (e.numbers.length > 0) lines.push(...para(e.numbers.join(' · '), width, 'numbers: '));
  for (const d of e.disagreements) {
    lines.push(...para(`${d.values.join(' / ')}; chosen ${d.chosen}: ${d.why}`, width, `sources disagree on ${d.field}: `));
  }
  const label: Seg = {text: `sources (${e.sources.length}): `, dim: true};
  const indent: Seg = {text: '  '};
  if (e.sources.length === 0) {
    // A model run's event: nothing to cite.
  } else if (full) lines.push([label], ...e.sources.map((u): Line => [indent, ...urlLine(u, width, true)]));
  else lines.push([label, ...urlLine(e.sources[0]!, width - label.text.length, false)], ...e.sources.slice(1).map((u): Line => [indent, ...urlLine(u, width - 2, false)]));
  if (e.note) lines.push(...para(e.note, width, 'note: '));
  return lines;
}

/** The lines that fit `rows`; when some do not, the last row says how many and how to see them. */
export function selectedEventLines(e: EventDetail | null, width: number, rows: number, full = false): Line[] {
  if (!e) return [[{text: 'no event yet: n jumps to the first', dim: true}]];
  const lines = eventDetailLines(e, width, full);
  // A whole URL the terminal wraps takes more than one row.
  const rowsTaken = (ls: readonly Line[]): number => ls.reduce((n, l) => n + rowsOf(l, width), 0);
  if (rowsTaken(lines) <= rows) return lines;
  const kept: Line[] = [];
  for (const l of lines) {
    if (rowsTaken(kept) + rowsOf(l, width) > rows - 1) break;
    kept.push(l);
  }
  const more = lines.length - kept.length;
  const hint = full ? `… ${more} more lines: make the terminal taller` : `… ${more} more lines: Enter shows the event in full`;
  return [...kept, [{text: fit(hint, width), dim: true}]];
}

export const panel: PanelSpec = {
  id: 'selected-event',
  title: 'Selected event',
  priority: 60,
  record: {lines: (s, width, rows) => selectedEventLines(s.replay.selected, width, rows), minRows: 8, maxRows: 16},
};

export const SelectedEventPanel = panelComponent(panel);
