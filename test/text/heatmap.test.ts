// The terminal heatmap: axis order, aggregation over runs, shading and legend, what happens
// when the axes do not fit, colour, and the 80-column limit.
import {describe, expect, it} from 'vitest';
import {formatHeatmap, HeatmapAccumulator, type HeatmapInput} from '../../src/text/heatmap.js';
import type {Value} from '../../src/sweep/summary.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const strip = (s: string): string => s.replace(ANSI, '');
const wide = (text: string, w = 80): string[] => strip(text).split('\n').filter((l) => [...l].length > w);

function heatmap(rows: Record<string, Value>[], metric: string, options: {width?: number; color?: boolean} = {}): {text: string; input: HeatmapInput} {
  const acc = new HeatmapAccumulator('a.size', 'b.patience', metric);
  rows.forEach((r) => acc.add(r));
  return {text: formatHeatmap(acc.input(), options), input: acc.input()};
}

const run = (size: Value, patience: Value, patch: Record<string, Value> = {}): Record<string, Value> => ({'a.size': size, 'b.patience': patience, status: 'complete', walkouts: 1, stallEpisodes: 0, ...patch});

/** The grid's lines: from the header row (the y name) to the blank line before the legend. */
function gridLines(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('patience ↓'));
  return lines.slice(start, lines.indexOf('', start));
}

describe('formatHeatmap', () => {
  it('sorts numeric x values, keeps y rows, and averages over every run of a pair', () => {
    const rows = [run(200, 7, {walkouts: 4}), run(50, 7, {walkouts: 0}), run(100, 7, {walkouts: 2}), run(50, 14, {walkouts: 1}), run(50, 14, {walkouts: 2}), run(200, 14, {walkouts: 6}), run(100, 14, {walkouts: 3})];
    const {text} = heatmap(rows, 'walkouts');
    expect(text).toMatch(/^walkouts: mean over runs, 7 runs\nacross: a\.size\ndown: {3}b\.patience\n/);
    const grid = gridLines(text);
    expect(grid[0]).toMatch(/^patience ↓\s+50\s+100\s+200$/);
    expect(grid[1]).toMatch(/^\s+7\s+0\.00\s+░+ 2\.00\s+▓+ 4\.00$/);
    expect(grid[2]).toMatch(/^\s+14\s+░+ 1\.50\s+▒+ 3\.00\s+█+ 6\.00$/);
    expect(text).toContain('[ ] 0.00 (min)  [░] 1.50  [▒] 3.00  [▓] 4.50  [█] 6.00 (max)');
    expect(text).toMatch(/ {2}size →\n/);
  });

  it('keeps text values in first-seen order and shares as percentages', () => {
    const rows = [run('zeta', 'late', {status: 'broken'}), run('alpha', 'late'), run('zeta', 'early'), run('alpha', 'early', {status: 'ongoing'}), run('alpha', 'early')];
    const {text} = heatmap(rows, 'shareComplete');
    const grid = gridLines(text);
    expect(grid[0]).toMatch(/^patience ↓\s+zeta\s+alpha$/);
    expect(grid[1]).toMatch(/^late\s+0%\s+█+ 100%$/);
    expect(grid[2]).toMatch(/^early\s+█+ 100%\s+▒+ {2}50%$/);
    expect(text).toContain('shareComplete: share of runs complete, 5 runs');
  });

  it('shows long text labels in full when there is room for them', () => {
    const rows = ['phased-conditional', 'ratio-reciprocator', 'two-level-ratifier'].flatMap((x, i) => [run(x, 'obstinate-list', {walkouts: i}), run(x, 'coercive-leverage', {walkouts: 2 * i})]);
    const grid = gridLines(heatmap(rows, 'walkouts').text);
    expect(grid[0]).toMatch(/^patience ↓\s+phased-conditional\s+ratio-reciprocator\s+two-level-ratifier$/);
    expect(grid[2]).toMatch(/^coercive-levera…\s+0\.00\s+▒+ 2\.00\s+█+ 4\.00$/);
  });

  it('marks pairs without runs and runs without a value', () => {
    const rows = [run(1, 1, {completionDay: 10}), run(2, 2, {completionDay: 20}), run(1, 2, {completionDay: null})];
    const grid = gridLines(heatmap(rows, 'completionDay').text);
    expect(grid[1]).toMatch(/10\.0\s+·$/);
    expect(grid[2]).toMatch(/–\s+█+ 20\.0$/);
    expect(heatmap(rows, 'completionDay').text).toContain('· no runs; – no completionDay value');
  });

  it('says so when every cell has the same value, or none has one', () => {
    expect(heatmap([run(1, 1), run(2, 1)], 'walkouts').text).toContain('every cell 1.00');
    expect(heatmap([run(1, 1, {status: null})], 'shareBroken').text).toContain('no values to shade');
    expect(heatmap([run(1, 1, {stallEpisodes: 3}), run(1, 2)], 'shareStalled').text).toMatch(/100%[\s\S]*0%/);
  });

  it('bins a numeric axis with too many values, and says how', () => {
    const rows = Array.from({length: 200}, (_, i) => run(i / 10, i % 3, {walkouts: i}));
    const {text} = heatmap(rows, 'walkouts');
    expect(wide(text)).toEqual([]);
    expect(text).toMatch(/size: 200 values in \d+ equal bins of [\d.]+, labelled by their midpoints/);
    const header = gridLines(text)[0]!.split(/\s+/).slice(2);
    expect(header.length).toBeGreaterThan(2);
    expect(header.map(Number)).toEqual([...header.map(Number)].sort((a, b) => a - b));
  });

  it('cuts off a text axis with too many values, and says how many are shown', () => {
    const rows = Array.from({length: 40}, (_, i) => run(`policy-number-${i}`, `row-${i % 30}`));
    const {text} = heatmap(rows, 'walkouts', {width: 80});
    expect(wide(text)).toEqual([]);
    expect(text).toMatch(/size: the first \d+ of 40 values shown/);
    expect(text).toContain('patience: the first 20 of 30 values shown');
    // Cut from the end the labels would all read "policy-n…": they keep their distinct ends.
    const labels = gridLines(text)[0]!.split(/\s+/).slice(2);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels[0]).toMatch(/^….*number-0$/);
  });

  it('fits narrower widths too, values or not', () => {
    const rows = Array.from({length: 64}, (_, i) => run(i % 8, Math.floor(i / 8), {walkouts: i * 1000.5}));
    for (const width of [80, 50, 30]) expect(wide(heatmap(rows, 'walkouts', {width}).text, width), `width ${width}`).toEqual([]);
  });

  it('uses 256-colour backgrounds when asked, with the same layout as plain text', () => {
    const rows = [run(1, 1, {walkouts: 0}), run(2, 1, {walkouts: 5}), run(1, 2, {walkouts: 10})];
    const plain = heatmap(rows, 'walkouts').text;
    const colour = heatmap(rows, 'walkouts', {color: true}).text;
    expect(plain).not.toContain('\u001b');
    expect(colour).toContain('\u001b[48;5;');
    expect(strip(colour)).not.toMatch(/[░▒▓█]/);
    expect(strip(colour).split('\n').map((l) => [...l].length)).toEqual(plain.split('\n').map((l) => [...l].length));
  });
});
