// Stall risk: today's estimate with its interval, then its history as a sparkline. While
// stalled the estimate is the chance of recovery instead, and the sparkline draws those days
// with braille levels rather than blocks, so the two read apart without colour. A replay has no
// risk to show (it is a model estimate): it shows the real stall state and episodes instead.
import {firstFitting, lineWidth, percent, percentRange, SPARK, SPARK_ALT, sparkline, textWidth, type Color, type Line, type Seg} from '../format.js';
import {plural} from '../../../fmt/plural.js';
import {CAUSE_WORDS} from '../../../fmt/stall-cause.js';
import type {ReplayView} from '../../../host/history-view.js';
import type {PanelSpec} from '../panel.js';
import {panelComponent} from '../panel-component.js';
import type {ModelSnapshot, RecordSnapshot} from '../../../host/snapshot.js';

/** Onset risk: low is good. Recovery chance: high is good. */
function levelColor(p: number, mode: 'onset' | 'recovery'): Color {
  const bad = mode === 'onset' ? p : 1 - p;
  return bad < 0.2 ? 'green' : bad < 0.5 ? 'yellow' : 'red';
}

/** How much of an estimate to say, from all of it to just the number. */
type Detail = 0 | 1 | 2 | 3;
/** When the change is due is kept before the long words; it goes once the short words with it do not fit. */
const DETAILS: readonly {detail: Detail; due: boolean}[] = [
  {detail: 0, due: true},
  {detail: 1, due: true},
  {detail: 0, due: false},
  {detail: 1, due: false},
  {detail: 2, due: false},
  {detail: 3, due: false},
];

/** Today's estimate, in fewer words when the width is short. */
export function statusLine(s: ModelSnapshot, width: number): Line {
  const {risk, stallDefinition: def} = s;
  const estimate = (r: NonNullable<ModelSnapshot['risk']>, mode: 'onset' | 'recovery', {detail, due: withDue}: (typeof DETAILS)[number]): Seg[] => [
    {text: percent(r.p), bold: true, color: levelColor(r.p, mode)},
    ...(detail < 3 ? [{text: detail === 0 ? ` (${percent(def.confidence)}: ${percentRange(r.lo, r.hi)})` : ` (${percentRange(r.lo, r.hi)})`, dim: true}] : []),
    ...(detail < 2 ? [{text: detail === 0 ? ` within ${def.horizon} days` : ` in ${def.horizon} d`}] : []),
    ...(withDue ? due(r, detail) : []),
  ];
  if (s.stalled) {
    const banner: Seg = {text: ` STALLED (${s.stallCause ?? 'stall'}) `, bold: true, color: 'red', inverse: true};
    if (risk?.mode !== 'recovery') return [banner, {text: ' recovery not estimated', dim: true}];
    return firstFitting(
      DETAILS.map((d) => [banner, {text: ' recovery '}, ...estimate(risk, 'recovery', d)]),
      width,
    );
  }
  if (!risk) return [{text: 'stall risk not estimated', dim: true}, ...(def.rollouts === 0 ? [{text: ' (stall.rollouts is 0)', dim: true}] : [])];
  return firstFitting(
    DETAILS.map((d) => [{text: 'Stall risk '}, ...estimate(risk, risk.mode, d)]),
    width,
  );
}

/** When the change is due and, for an onset, which clock runs out: what a reader can act on (risk.ts). */
function due(risk: NonNullable<ModelSnapshot['risk']>, detail: Detail): Seg[] {
  if (risk.days === null) return [];
  const what = risk.cause !== null ? `${CAUSE_WORDS[risk.cause]} ` : '';
  if (detail === 0) return [{text: ` · ${what}in ${plural(risk.days, 'day')} (median)`, dim: true}];
  return [{text: what ? ` · ${what}in ${risk.days} d` : ` · median ${risk.days} d`, dim: true}];
}

/** The latest history that fits, coloured by runs of onset or recovery days. */
export function sparkLine(s: ModelSnapshot, width: number): Line {
  const chars = [...sparkline(s.riskHistory, width, s.recoveryHistory)];
  const from = s.riskHistory.length - chars.length;
  const line: Seg[] = [];
  chars.forEach((ch, k) => {
    const recovery = s.recoveryHistory[from + k] ?? false;
    const last = line[line.length - 1];
    if (last && k > 0 && recovery === (s.recoveryHistory[from + k - 1] ?? false)) line[line.length - 1] = {...last, text: last.text + ch};
    else line.push({text: ch, color: recovery ? 'magenta' : 'cyan'});
  });
  return line.length > 0 ? line : [{text: 'no history yet', dim: true}];
}

/** The days the sparkline covers (entry i is the estimate after round i + 1). */
function rangeLine(s: ModelSnapshot, width: number): Line {
  const n = s.riskHistory.length;
  if (n === 0) return [];
  const shown = Math.min(n, width);
  const left = `day ${n - shown + 1}`;
  const right = `day ${n}`;
  const gap = shown - textWidth(left) - textWidth(right);
  return [{text: gap >= 1 ? left + ' '.repeat(gap) + right : right, dim: true}];
}

function legendLine(width: number): Line {
  const onset = `${SPARK[0]}${SPARK[3]}${SPARK[7]}`;
  const recovery = `${SPARK_ALT[0]}${SPARK_ALT[3]}${SPARK_ALT[7]}`;
  const hint: Seg[] = [{text: '  '}, {text: '?', bold: true, color: 'cyan'}, {text: ' definition', dim: true}];
  const legend = (a: string, b: string): Seg[] => [
    {text: onset, color: 'cyan'},
    {text: ` ${a}  `, dim: true},
    {text: recovery, color: 'magenta'},
    {text: ` ${b}`, dim: true},
  ];
  return firstFitting([[...legend('risk of a stall', 'chance of recovery'), ...hint], [...legend('risk', 'recovery'), ...hint], legend('risk', 'recovery')], width);
}

/** The record's stall state today, longest first: the episode under way, or the last one and how many so far. */
function recordStallVariants(s: RecordSnapshot, r: ReplayView): Line[] {
  const ep = r.stall.episode;
  if (s.stalled && ep) {
    const banner: Seg = {text: ` STALLED (${s.stallCause ?? 'stall'}) `, bold: true, color: 'red', inverse: true};
    const days = s.day - ep.start;
    return [[banner, {text: ` since ${ep.startDate} (${days === 0 ? 'today' : plural(days, 'day')}) · episode ${ep.number}`}], [banner, {text: ` since ${ep.startDate.slice(5)} · #${ep.number}`}], [banner]];
  }
  const head: Seg = {text: 'not stalled', bold: true, color: 'green'};
  if (!ep) return [[head, {text: ' · no stall so far', dim: true}], [head]];
  return [
    [head, {text: ` · ${plural(r.stall.episodes, 'episode')} so far, the last ${ep.startDate} to ${ep.endDate ?? '?'}`, dim: true}],
    [head, {text: ` · ${plural(r.stall.episodes, 'episode')} so far`, dim: true}],
    [head],
  ];
}

export const recordStallLine = (s: RecordSnapshot, r: ReplayView, width: number): Line => firstFitting(recordStallVariants(s, r), width);

/** One cell a day, the latest that fit: █ stalled, ▁ not. */
function recordStrip(r: ReplayView, width: number): Line {
  const days = r.stall.days.slice(-Math.max(1, width));
  const line: Seg[] = [];
  days.forEach((stalled, i) => {
    const ch = stalled ? '█' : '▁';
    const last = line[line.length - 1];
    if (last && i > 0 && stalled === days[i - 1]) line[line.length - 1] = {...last, text: last.text + ch};
    else line.push({text: ch, color: stalled ? 'red' : 'green'});
  });
  return line;
}

const NOT_OBSERVED: Line[] = [
  [{text: 'stall risk: a model estimate, not observed in the record', dim: true}],
  [{text: 'stall risk: not observed', dim: true}],
];

/** The stall state, then that the risk is not observed; on a single row both share it when they fit. */
function recordLines(s: RecordSnapshot, width: number, rows: number): Line[] {
  const r = s.replay;
  const d = s.stallDefinition;
  if (rows <= 1) {
    const noted = recordStallVariants(s, r)
      .flatMap((st) => NOT_OBSERVED.map((n): Line => [...st, {text: ' · ', dim: true}, ...n]))
      .find((l) => lineWidth(l) <= width);
    return [noted ?? recordStallLine(s, r, width)];
  }
  const lines: Line[] = [
    recordStallLine(s, r, width),
    firstFitting(NOT_OBSERVED, width),
    recordStrip(r, width),
    firstFitting(
      [
        [{text: `█ stalled ▁ not, a day a cell (walk-out ≥ ${d.walkoutDays} d or no progress ≥ ${d.noProgressDays} d)`, dim: true}],
        [{text: '█ stalled ▁ not, a day a cell', dim: true}],
      ],
      width,
    ),
  ];
  return lines.slice(0, rows);
}

function modelLines(s: ModelSnapshot, width: number, rows: number): Line[] {
  const lines: Line[] = [statusLine(s, width), sparkLine(s, width)];
  if (rows >= 4) lines.push(rangeLine(s, width));
  if (rows >= 3) lines.push(legendLine(width));
  return lines.slice(0, rows);
}

export const panel: PanelSpec = {
  id: 'stall-risk',
  title: 'Stall risk',
  priority: 70,
  model: {lines: modelLines, minRows: 2, maxRows: 4},
  // A replay's first line says it all (the stall state, and that the risk is not observed) when it fits.
  record: {lines: recordLines, minRows: 1, maxRows: 4},
};

export const StallRiskPanel = panelComponent(panel);
