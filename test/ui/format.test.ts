import {describe, expect, test} from 'vitest';
import {
  bar,
  charWidth,
  columnOf,
  count,
  decimal,
  fit,
  fitLine,
  joinFitting,
  lineText,
  pad,
  padLine,
  percent,
  percentRange,
  sparkline,
  speedLabel,
  textWidth,
} from '../../src/ui/dashboard/format.js';

describe('textWidth', () => {
  test('counts columns as a terminal does', () => {
    expect(textWidth('abc')).toBe(3);
    expect(textWidth('█▁░→·…❯')).toBe(7);
    expect(textWidth('长长')).toBe(4);
    expect(textWidth('🚀')).toBe(2);
    expect(textWidth('e\u0301')).toBe(1);
    expect(charWidth('\u001B')).toBe(0);
  });
});

describe('fit and pad', () => {
  test('keeps text that fits and cuts the rest with an ellipsis', () => {
    expect(fit('hello', 5)).toBe('hello');
    expect(fit('hello world', 8)).toBe('hello w…');
    expect(fit('hello', 0)).toBe('');
    expect(fit('hello', 1)).toBe('…');
  });

  test('never splits a wide character over the limit', () => {
    const cut = fit('ab长长长', 5);
    expect(textWidth(cut)).toBeLessThanOrEqual(5);
    expect(cut).toBe('ab长…');
  });

  test('flattens line breaks, which would break a row budget', () => {
    expect(fit('a\nb\tc', 10)).toBe('a b c');
    expect(fit('a\u001B[31mb', 10)).toBe('a[31mb');
  });

  test('pad fills to the exact width', () => {
    expect(pad('ab', 4)).toBe('ab  ');
    expect(pad('abcdef', 4)).toBe('abc…');
  });
});

describe('fitLine and padLine', () => {
  const line = [{text: 'WALK-OUT', bold: true}, {text: ' taliban'}, {text: ' since 2020-04-07'}];

  test('keeps styles and cuts inside the segment that overflows', () => {
    const out = fitLine(line, 20);
    expect(lineText(out)).toBe('WALK-OUT taliban si…');
    expect(out[0]).toEqual({text: 'WALK-OUT', bold: true});
    expect(fitLine(line, 100)).toHaveLength(3);
  });

  test('padLine is exactly the width', () => {
    expect(textWidth(lineText(padLine(line, 40)))).toBe(40);
    expect(textWidth(lineText(padLine(line, 10)))).toBe(10);
  });
});

describe('joinFitting', () => {
  const pieces = [
    {line: [{text: 'parley'}], priority: 1},
    {line: [{text: 'afghanistan-2020'}], priority: 4},
    {line: [{text: 'running'}], priority: 9},
  ];

  test('drops the lowest priorities first and keeps the order', () => {
    expect(lineText(joinFitting(pieces, 80))).toBe('parley · afghanistan-2020 · running');
    expect(lineText(joinFitting(pieces, 30))).toBe('afghanistan-2020 · running');
    expect(lineText(joinFitting(pieces, 10))).toBe('running');
    expect(lineText(joinFitting(pieces, 4))).toBe('run…');
  });
});

describe('bar', () => {
  test('is always exactly the width', () => {
    for (const v of [0, 1, 333, 4999, 5000, 9000]) expect(textWidth(bar(v, 5000, 10))).toBe(10);
  });

  test('fills in proportion, with eighths for the partial cell', () => {
    expect(bar(0, 100, 4)).toBe('░░░░');
    expect(bar(50, 100, 4)).toBe('██░░');
    expect(bar(100, 100, 4)).toBe('████');
    expect(bar(1780, 5000, 10)).toBe('███▌░░░░░░');
  });

  test('is never empty above zero nor full below the total', () => {
    expect(bar(1, 5000, 10)).toBe('▏░░░░░░░░░');
    expect(bar(4999, 5000, 10)).toBe('█████████▉');
    expect(bar(10, 0, 3)).toBe('░░░');
  });
});

describe('sparkline', () => {
  test('maps [0, 1] to eight levels and NaN to a blank', () => {
    expect(sparkline([0, 0.5, 1, Number.NaN], 10)).toBe('▁▅█ ');
  });

  test('draws alternate entries with braille levels', () => {
    expect(sparkline([0, 1, 0, 1], 10, [false, false, true, true])).toBe('▁█⡀⣿');
  });

  test('shows the latest values when too long', () => {
    expect(sparkline([0, 0, 0, 1, 1], 2)).toBe('██');
    expect(sparkline([1], 0)).toBe('');
  });
});

describe('numbers', () => {
  test('percent never rounds to certainty', () => {
    expect(percent(0.34)).toBe('34%');
    expect(percent(0)).toBe('0%');
    expect(percent(1)).toBe('100%');
    expect(percent(0.001)).toBe('<1%');
    expect(percent(0.999)).toBe('>99%');
    expect(percent(Number.NaN)).toBe('–');
    expect(percentRange(0.28, 0.4)).toBe('28–40%');
  });

  test('decimal, count and speed', () => {
    expect(decimal(4.2)).toBe('4.2');
    expect(decimal(5)).toBe('5');
    expect(decimal(1.6, 2)).toBe('1.6');
    expect(count(1780)).toBe('1,780');
    expect(count(250_000, true)).toBe('250k');
    expect(speedLabel(10)).toBe('10 d/s');
    expect(speedLabel(Number.POSITIVE_INFINITY)).toBe('max');
  });

  test('columnOf spreads days 0..span over the columns', () => {
    expect(columnOf(0, 230, 80)).toBe(0);
    expect(columnOf(230, 230, 80)).toBe(79);
    expect(columnOf(115, 230, 81)).toBe(40);
    expect(columnOf(999, 230, 80)).toBe(79);
  });
});
