// Help: the keys, and what "stall" and "stall risk" mean in this run, in plain words with the
// scenario's own numbers. When rows are short it drops blank lines, then packs the keys onto
// one line, then cuts the text. A replay lists its own keys and says what is the record and
// what only the model has. The keys of a panel not on screen (left out for want of rows) are
// not listed.
import {Lines} from '../Lines.js';
import {fit, lineText, percent, textWidth, type Line} from '../format.js';
import {sequentialLooks} from '../../../sim/risk.js';
import {plural} from '../../../fmt/plural.js';
import type {ModelSnapshot, RecordSnapshot, Snapshot} from '../../../host/snapshot.js';
import type {PanelKey} from '../panel.js';
import {wrap} from '../../../text/plain.js';

export interface HelpOverlayProps {
  readonly snapshot: Snapshot;
  readonly width: number;
  readonly rows: number;
  /** Keys whose panel is not on screen: left out. @default none */
  readonly hidden?: readonly PanelKey[];
}

/** A key, what it does, and the panel key it needs on screen, if any. */
type Key = readonly [key: string, action: string, needs?: PanelKey];

export const KEYS: readonly Key[] = [
  ['space', 'pause / resume'],
  ['→', 'step one round (while paused)'],
  ['↑ / ↓', 'select an event in the log (the run waits; Esc lets go)', 'select-event'],
  ['Enter', 'the selected event in full (Esc closes)', 'details'],
  ['+ / -', 'faster / slower'],
  ['r', 'restart with the same seed'],
  ['n', 'restart with a new seed'],
  ['?', 'close this help (the run waits while it is open)'],
  ['q', 'quit'],
];

export const REPLAY_KEYS: readonly Key[] = [
  ['space', 'pause / resume'],
  ['→ / ←', 'a day forward / back'],
  ['n / p', 'next / previous event'],
  ['g', 'go to a date (type YYYY-MM-DD, Enter; Esc cancels)'],
  ['Enter', 'the selected event in full (Esc closes)'],
  ['+ / -', 'faster / slower'],
  ['r', 'replay from the start'],
  ['?', 'close this help (the replay waits while it is open)'],
  ['q', 'quit'],
];

const days = (n: number): string => plural(n, 'day');

/** The stall definition as paragraphs, with the scenario's settings filled in. */
export function stallParagraphs(s: ModelSnapshot): string[] {
  const d = s.stallDefinition;
  return [
    `A stall starts when a walk-out lasts ${days(d.walkoutDays)} or more, or when there is no progress ` +
      `(a release batch, a return to the table, an approved ratification, a new offer) for ${days(d.noProgressDays)} ` +
      'or more after the parties first met, or when talks break down. Talks not yet begun are no stall.',
    `Stall risk is the probability that a stall starts within the next ${days(d.horizon)}, estimated by simulating ` +
      // With a cap of at most one look, the rollouts never stop early: the fixed-N sentence is the true one.
      (d.precision > 0 && sequentialLooks(d.rollouts) > 1
        ? `possible futures from today until the interval is within ±${Number((100 * d.precision).toFixed(1))} points (at most ${d.rollouts}), with a ${percent(d.confidence)} Wilson interval widened for that stopping rule. `
        : `${d.rollouts} possible futures from today, with a ${percent(d.confidence)} Wilson interval. `) +
      'Beside it: in how many days the futures that stall do so (the median) and which clock runs out; ' +
      'near 100% means no party, as the model plays it, moves before then.' +
      (d.rollouts === 0 ? ' This run does not estimate it (stall.rollouts is 0).' : ''),
    `While stalled, the panel shows the probability of recovery within ${days(d.horizon)} instead: ` +
      'that the stall condition stops holding (the party returns, progress resumes).',
  ];
}

/** What a replay shows, and what it cannot: the model's own numbers. */
export function replayParagraphs(s: RecordSnapshot): string[] {
  const d = s.stallDefinition;
  const out = [
    'This is the 2020 record, not the model: releases, batches, the talks and every event are as the sources ' +
      'report them; each event cites its timeline row (T<row>, listed with its URLs in docs/sources.md).',
    `Stalls are the model's definition applied to what happened: a walk-out lasting ${days(d.walkoutDays)} or more, ` +
      `or no progress (a release batch, custody, the talks convening, returning or opening) for ${days(d.noProgressDays)} or more ` +
      'after the parties first met.',
    'Trust, pressure, violence and stall risk exist only in the model: the record has no such numbers, so none are shown.',
    'A release count marked * is constructed: implied by a sum, or carried forward from an earlier report where a later one is vaguer; no source gives that total for that day.',
  ];
  const c = s.replay.compare;
  if (c) {
    out.push(
      `The releases bars set the record (█) against ${c.scenario} over ${c.runs} seeds: ┃ its median, ░ its 10–90% band ` +
        'on the same day, ▓ where the record lies inside the band.',
    );
  }
  return out;
}

const title = (text: string): Line => [{text, bold: true, color: 'cyan'}];
const para = (text: string, width: number): Line[] => wrap(text, width, '  ', 2).split('\n').map((t) => [{text: t}]);

function keyLines(keys: readonly Key[]): Line[] {
  const keyWidth = Math.max(...keys.map(([k]) => k.length));
  return keys.map(([k, a]) => [{text: '  '}, {text: k.padEnd(keyWidth), bold: true, color: 'cyan'}, {text: `  ${a}`}]);
}

/** Short key hints packed into as few lines as the width allows, none split. */
function packedKeys(keys: readonly Key[], width: number): Line[] {
  const lines: string[] = [];
  for (const [k, a] of keys) {
    const hint = `${k} ${a.replace(/ \(.*\)$/, '')}`;
    const last = lines[lines.length - 1];
    if (last !== undefined && textWidth(`${last} · ${hint}`) <= width) lines[lines.length - 1] = `${last} · ${hint}`;
    else lines.push(`  ${hint}`);
  }
  return lines.map((t) => [{text: t}]);
}

/** The keys, the heading and the paragraphs for the snapshot's kind. */
function ofKind(s: Snapshot): {keys: readonly Key[]; heading: string; paragraphs: string[]} {
  if (s.kind === 'record') return {keys: REPLAY_KEYS, heading: 'The record and the model', paragraphs: replayParagraphs(s)};
  return {keys: KEYS, heading: 'Stall and stall risk', paragraphs: stallParagraphs(s)};
}

export function helpLines(s: Snapshot, width: number, rows: number, hidden: readonly PanelKey[] = []): Line[] {
  const {keys: all, heading, paragraphs} = ofKind(s);
  const keys = all.filter(([, , needs]) => needs === undefined || !hidden.includes(needs));
  const stall = paragraphs.map((p) => para(p, width));
  const variants: Line[][] = [
    [title('Keys'), ...keyLines(keys), [], title(heading), ...stall.flatMap((p, i) => (i === 0 ? p : [[], ...p]))],
    [title('Keys'), ...keyLines(keys), title(heading), ...stall.flat()],
    [title('Keys'), ...packedKeys(keys, width), title(heading), ...stall.flat()],
  ];
  const fitting = variants.find((v) => v.length <= rows);
  if (fitting) return fitting;
  // Still too long: cut, and say so on the last line.
  const cut = variants[variants.length - 1]!.slice(0, Math.max(0, rows));
  const last = cut[cut.length - 1];
  if (last) cut[cut.length - 1] = [{text: fit(`${lineText(last)} …`, width)}];
  return cut;
}

export function HelpOverlay({snapshot, width, rows, hidden}: HelpOverlayProps) {
  return <Lines lines={helpLines(snapshot, width, rows, hidden)} width={width} rows={rows} />;
}
