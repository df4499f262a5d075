// Help: the keys, and what "stall" and "stall risk" mean in this run, in plain words with the
// scenario's own numbers. When rows are short it drops blank lines, then packs the keys onto
// one line, then cuts the text.
import {Lines} from '../Lines.js';
import {fit, lineText, percent, textWidth, type Line} from '../format.js';
import type {Snapshot} from '../snapshot.js';
import {wrap} from '../../text.js';

export interface HelpOverlayProps {
  readonly snapshot: Snapshot;
  readonly width: number;
  readonly rows: number;
}

export const KEYS: readonly (readonly [key: string, action: string])[] = [
  ['space', 'pause / resume'],
  ['→', 'step one round (while paused)'],
  ['+ / -', 'faster / slower'],
  ['r', 'restart with the same seed'],
  ['n', 'restart with a new seed'],
  ['?', 'close this help'],
  ['q', 'quit'],
];

const days = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;

/** The stall definition as paragraphs, with the scenario's settings filled in. */
export function stallParagraphs(s: Snapshot): string[] {
  const d = s.stallDefinition;
  return [
    `A stall starts when a walk-out lasts ${days(d.walkoutDays)} or more, or when there is no progress ` +
      `(a release batch, a return to the table, an approved ratification, a new offer) for ${days(d.noProgressDays)} ` +
      'or more, or when talks break down.',
    `Stall risk is the probability that a stall starts within the next ${days(d.horizon)}, estimated by simulating ` +
      `${d.rollouts} possible futures from today, with a ${percent(d.confidence)} Wilson interval.` +
      (d.rollouts === 0 ? ' This run does not estimate it (stall.rollouts is 0).' : ''),
    `While stalled, the panel shows the probability of recovery within ${days(d.horizon)} instead: ` +
      'that the stall condition stops holding (the party returns, progress resumes).',
  ];
}

const title = (text: string): Line => [{text, bold: true, color: 'cyan'}];
const para = (text: string, width: number): Line[] => wrap(text, width, '  ', 2).split('\n').map((t) => [{text: t}]);

function keyLines(): Line[] {
  const keyWidth = Math.max(...KEYS.map(([k]) => k.length));
  return KEYS.map(([k, a]) => [{text: '  '}, {text: k.padEnd(keyWidth), bold: true, color: 'cyan'}, {text: `  ${a}`}]);
}

/** Short key hints packed into as few lines as the width allows, none split. */
function packedKeys(width: number): Line[] {
  const lines: string[] = [];
  for (const [k, a] of KEYS) {
    const hint = `${k} ${a.replace(/ \(.*\)$/, '')}`;
    const last = lines[lines.length - 1];
    if (last !== undefined && textWidth(`${last} · ${hint}`) <= width) lines[lines.length - 1] = `${last} · ${hint}`;
    else lines.push(`  ${hint}`);
  }
  return lines.map((t) => [{text: t}]);
}

export function helpLines(s: Snapshot, width: number, rows: number): Line[] {
  const stall = stallParagraphs(s).map((p) => para(p, width));
  const variants: Line[][] = [
    [title('Keys'), ...keyLines(), [], title('Stall and stall risk'), ...stall.flatMap((p, i) => (i === 0 ? p : [[], ...p]))],
    [title('Keys'), ...keyLines(), title('Stall and stall risk'), ...stall.flat()],
    [title('Keys'), ...packedKeys(width), title('Stall and stall risk'), ...stall.flat()],
  ];
  const fitting = variants.find((v) => v.length <= rows);
  if (fitting) return fitting;
  // Still too long: cut, and say so on the last line.
  const cut = variants[variants.length - 1]!.slice(0, Math.max(0, rows));
  const last = cut[cut.length - 1];
  if (last) cut[cut.length - 1] = [{text: fit(`${lineText(last)} …`, width)}];
  return cut;
}

export function HelpOverlay({snapshot, width, rows}: HelpOverlayProps) {
  return <Lines lines={helpLines(snapshot, width, rows)} width={width} rows={rows} />;
}
