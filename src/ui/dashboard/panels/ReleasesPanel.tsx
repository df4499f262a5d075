// Releases: progress of both sides towards their completion targets, then (with a third row)
// the ratio actually kept against the agreed one and the releases that count differently.
// Against the 2020 record: a model run whose scenario names a history shows the record's value
// beside its own and the date it departs from the record; `replay --compare` draws the model's
// median and 10–90% band over the record's bar instead of the target bar.
import {BAND_CHAR, bandBar} from '../band-bar.js';
import {AGENT_COLOR, bar, count, decimal, firstFitting, lineWidth, percent, textWidth, type Color, type Line, type Seg} from '../format.js';
import type {BandView, ObservedView, ReplayView} from '../../../host/history-view.js';
import type {PanelSpec, RowRange} from '../panel.js';
import {panelComponent} from '../panel-component.js';
import type {ModelSnapshot, RecordSnapshot, Snapshot} from '../../../host/snapshot.js';
import type {Side} from '../../../history/schema.js';

const LABEL_WIDTH = 13;
/** Below this the bar says too little to be worth its room. */
const MIN_BAR = 4;
/** A band bar needs more cells than a progress bar to show the band apart from the median. */
const BAND_MIN_BAR = 12;

interface Progress {
  side: Side;
  label: string;
  done: number;
  target: number;
  color: Color;
}

/**
 * Government progress counts what the target counts: on-list releases plus custody transfers
 * (`offList`: the model's releases outside the list; the record does not tell them apart).
 */
function progressOf(s: Snapshot, offList: number): [Progress, Progress] {
  const r = s.released;
  return [
    {side: 'government', label: 'Gov → Taliban', done: Math.max(0, r.government - offList + r.custody), target: s.targets.government, color: 'blue'},
    {side: 'taliban', label: 'Taliban → Gov', done: r.taliban, target: s.targets.taliban, color: 'yellow'},
  ];
}

/** `suffix[i]` follows item i's numbers (the record's value, in a run set against it); `marks[i]` follows item i's count (`*`: a constructed figure of the record). */
function barLines(items: readonly Progress[], width: number, suffix: readonly Line[] = [], marks: readonly string[] = []): Line[] {
  const numbers = items.map((p, i) => `${count(p.done)}${marks[i] ?? ''} / ${count(p.target)}`);
  const numWidth = Math.max(...numbers.map(textWidth));
  const sufWidth = Math.max(0, ...suffix.map(lineWidth));
  const pctWidth = 5; // " 100%"
  const room = width - LABEL_WIDTH - 4 - numWidth - sufWidth;
  const withPct = room - pctWidth >= 20;
  const barWidth = Math.max(MIN_BAR, room - (withPct ? pctWidth : 0));
  return items.map((p, i) => {
    const complete = p.target > 0 && p.done >= p.target;
    const num = numbers[i]!;
    const line: Seg[] = [
      {text: p.label.padEnd(LABEL_WIDTH), bold: true},
      {text: '  '},
      {text: bar(p.done, p.target, barWidth), color: complete ? 'green' : p.color},
      {text: '  ' + ' '.repeat(numWidth - textWidth(num))},
      {text: num, bold: complete},
    ];
    if (withPct) line.push({text: ` ${percent(p.target > 0 ? Math.min(1, p.done / p.target) : 0).padStart(4)}`, dim: true});
    line.push(...(suffix[i] ?? []));
    return line;
  });
}

/** " · 2020 1,950": the record's cumulative releases today, aligned across the two lines. */
function recordSuffixes(o: ObservedView): Line[] {
  const values = (['government', 'taliban'] as const).map((side) => count(o.released[side]));
  const w = Math.max(...values.map(textWidth));
  const label = o.pastEnd ? ` · 2020 (to ${o.end.slice(5)}) ` : ' · 2020 ';
  return values.map((v) => [{text: label, dim: true}, {text: v.padStart(w), bold: true}]);
}

/** "government departs from 2020 on 2020-04-21 · taliban: not yet", shorter when narrow. */
function departsLine(o: ObservedView, width: number): Line {
  const side = (s: Side, short: boolean): Seg[] => {
    const d = o.departs[s];
    const name: Seg = {text: short ? (s === 'government' ? 'gov' : 'tal') : s, color: AGENT_COLOR[s], bold: true};
    if (!d) return [name, {text: short ? ' –' : ': not yet', dim: true}];
    return [name, {text: short ? ' ' : ' departs from 2020 on '}, {text: short ? d.date.slice(5) : d.date, color: 'yellow', bold: true}];
  };
  const both = (short: boolean, lead: string): Line => [{text: lead, dim: true}, ...side('government', short), {text: ' · ', dim: true}, ...side('taliban', short)];
  return firstFitting([both(false, ''), both(true, 'departs from 2020: '), both(true, 'departs ')], width);
}

/** One side of `replay --compare`: the record's bar with the model's band, then the numbers. */
function bandLine(p: Progress, observed: number, band: BandView, width: number, mark: string): Line {
  const scale = Math.max(p.target, band.p90, observed);
  const shown = `${count(observed)}${mark}`;
  const texts: Line[] = [
    [{text: shown, bold: true}, {text: ' · model ', dim: true}, {text: count(band.median)}, {text: ` [${count(band.p10)}–${count(band.p90)}]`, dim: true}],
    [{text: shown, bold: true}, {text: ' · model ', dim: true}, {text: count(band.median)}],
    [{text: shown, bold: true}],
  ];
  const room = (l: Line): number => width - LABEL_WIDTH - 4 - lineWidth(l);
  const numbers = texts.find((l) => room(l) >= BAND_MIN_BAR) ?? texts[texts.length - 1]!;
  return [
    {text: p.label.padEnd(LABEL_WIDTH), bold: true},
    {text: '  '},
    ...bandBar(observed, band, scale, Math.max(MIN_BAR, room(numbers)), p.color),
    {text: '  '},
    ...numbers,
  ];
}

function bandLegend(c: NonNullable<ReplayView['compare']>, width: number): Line {
  const key = (ch: string, label: string): Seg[] => [{text: ch}, {text: ` ${label}`, dim: true}];
  const full = [...key(BAND_CHAR.record, '2020'), {text: '  '}, ...key(BAND_CHAR.band, `${c.scenario} 10–90% (${count(c.runs)} runs)`), {text: '  '}, ...key(BAND_CHAR.median, 'median'), {text: '  '}, ...key(BAND_CHAR.both, 'both')];
  const short = [...key(BAND_CHAR.record, '2020'), {text: '  '}, ...key(BAND_CHAR.band, 'model 10–90%'), {text: '  '}, ...key(BAND_CHAR.median, 'median')];
  return firstFitting([full, short], width);
}

function ratioLine(s: Snapshot, offList: number): Line {
  const {government, taliban, custody} = s.released;
  const agreed = `agreed ${decimal(s.ratio)} : 1`;
  const line: Seg[] =
    taliban > 0
      ? [
          {text: 'ratio '},
          // Colour flags a ratio off the agreed one by more than a fifth; the numbers say it too.
          {text: `${decimal(government / taliban)} : 1`, bold: true, color: Math.abs(government / taliban - s.ratio) > s.ratio / 5 ? 'yellow' : 'green'},
          {text: ` (${agreed})`, dim: true},
        ]
      : [{text: 'ratio – ', bold: true}, {text: `(no Taliban releases yet; ${agreed})`, dim: true}];
  if (offList > 0) line.push({text: ` · ${count(offList)} off the list`});
  if (custody > 0) line.push({text: ` · ${count(custody)} in custody`});
  return line;
}

/** A run's bars, with the record's values and departure dates beside them when its scenario names a history. */
function modelLines(s: ModelSnapshot, width: number, rows: number): Line[] {
  const o = s.observed;
  const lines = barLines(progressOf(s, s.released.offList), width, o ? recordSuffixes(o) : []);
  if (o && rows >= 3) lines.push(departsLine(o, width));
  if (rows > lines.length) lines.push(ratioLine(s, s.released.offList));
  return lines.slice(0, rows);
}

/** The record's bars, or under --compare the record against the model's band. */
function recordLines(s: RecordSnapshot, width: number, rows: number): Line[] {
  const items = progressOf(s, 0);
  const compare = s.replay.compare;
  // `*`: the record's figure today is constructed (implied or carried forward), as `parley replay` marks it.
  const marks = items.map((p) => (s.replay.constructed[p.side] ? '*' : ''));
  const lines = compare ? items.map((p, i) => bandLine(p, s.released[p.side], compare.band[p.side], width, marks[i]!)) : barLines(items, width, [], marks);
  if (compare && rows >= 3) lines.push(bandLegend(compare, width));
  if (rows > lines.length) lines.push(ratioLine(s, 0));
  return lines.slice(0, rows);
}

/** Set against the record, a line says more: the departure dates, or the band's legend. */
const MORE: RowRange = {minRows: 3, maxRows: 4};

export const panel: PanelSpec = {
  id: 'releases',
  title: 'Releases',
  priority: 90,
  model: {lines: modelLines, minRows: 2, maxRows: 3, rowsFor: (s) => (s.observed ? MORE : undefined)},
  record: {lines: recordLines, minRows: 2, maxRows: 3, rowsFor: (s) => (s.replay.compare ? MORE : undefined)},
};

export const ReleasesPanel = panelComponent(panel);
