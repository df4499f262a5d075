// Releases: progress of both sides towards their completion targets, then (with a third row)
// the ratio actually kept against the agreed one and the releases that count differently.
import {Lines} from '../Lines.js';
import {bar, count, decimal, percent, textWidth, type Color, type Line, type Seg} from '../format.js';
import type {PanelProps, PanelSpec} from '../panel.js';
import type {Snapshot} from '../snapshot.js';

const LABEL_WIDTH = 13;
/** Below this the bar says too little to be worth its room. */
const MIN_BAR = 4;

interface Progress {
  label: string;
  done: number;
  target: number;
  color: Color;
}

/** Government progress counts what the target counts: on-list releases plus custody transfers. */
export function progressOf(s: Snapshot): [Progress, Progress] {
  const r = s.released;
  return [
    {label: 'Gov → Taliban', done: Math.max(0, r.government - r.offList + r.custody), target: s.targets.government, color: 'blue'},
    {label: 'Taliban → Gov', done: r.taliban, target: s.targets.taliban, color: 'yellow'},
  ];
}

function barLines(items: readonly Progress[], width: number): Line[] {
  const numbers = items.map((p) => `${count(p.done)} / ${count(p.target)}`);
  const numWidth = Math.max(...numbers.map(textWidth));
  const pctWidth = 5; // " 100%"
  const withPct = width - LABEL_WIDTH - 4 - numWidth - pctWidth >= 20;
  const barWidth = Math.max(MIN_BAR, width - LABEL_WIDTH - 4 - numWidth - (withPct ? pctWidth : 0));
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
    return line;
  });
}

function ratioLine(s: Snapshot): Line {
  const {government, taliban, custody, offList} = s.released;
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

export function releasesLines(s: Snapshot, width: number, rows: number): Line[] {
  const lines = barLines(progressOf(s), width);
  if (rows >= 3) lines.push(ratioLine(s));
  return lines.slice(0, rows);
}

export function ReleasesPanel({snapshot, width, rows}: PanelProps) {
  return <Lines lines={releasesLines(snapshot, width, rows)} width={width} rows={rows} />;
}

export const releasesPanel: PanelSpec = {id: 'releases', title: 'Releases', component: ReleasesPanel, minRows: 2, maxRows: 3};
