import '../helpers/no-color.js';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {AGREED, BatchesPanel, UNILATERAL} from '../../src/ui/dashboard/panels/BatchesPanel.js';
import type {ModelBatchView, Snapshot} from '../../src/host/snapshot.js';
import {linesOf} from '../helpers/ink.js';
import {realSnapshot, startSnapshot} from '../helpers/snapshots.js';

afterEach(cleanup);

const RISING = /[▁▂▃▄▅▆▇█]/;
const SHADES = /[▒░]/;

const batch = (day: number, from: ModelBatchView['from'], count: number, unilateral: boolean): ModelBatchView => ({
  day,
  date: `2020-04-${String(day - 30).padStart(2, '0')}`,
  from,
  count,
  criteria: from === 'government' ? 'humanitarian' : 'regular-first',
  unilateral,
});
const withBatches = (batches: ModelBatchView[]): Snapshot => ({...realSnapshot(), batches});
const frame = (s: Snapshot, width: number, rows: number): string[] =>
  linesOf(render(<BatchesPanel snapshot={s} width={width} rows={rows} />).lastFrame());

describe('BatchesPanel', () => {
  test('the latest batch: date, who, size, unilateral or agreed, criteria', () => {
    const lines = frame(realSnapshot(), 80, 3);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe(`latest ${UNILATERAL} 2020-04-14 taliban frees 20 · unilateral · regular-first`);
  });

  test('unilateral batches are drawn with their own character', () => {
    const [gov] = frame(withBatches([batch(38, 'government', 100, false), batch(42, 'government', 100, true)]), 80, 3);
    const agreedAt = gov!.search(RISING);
    const unilateralAt = gov!.search(SHADES);
    expect(gov![agreedAt]).toBe(AGREED);
    expect(gov![unilateralAt]).toBe(UNILATERAL);
    expect(unilateralAt).toBeGreaterThan(agreedAt);
  });

  test('agreed only: no shade; unilateral only: no block', () => {
    const agreed = frame(withBatches([batch(38, 'government', 100, false), batch(39, 'taliban', 20, false)]), 80, 8).slice(0, 5);
    expect(agreed.join('\n')).not.toMatch(SHADES);
    const unilateral = frame(withBatches([batch(38, 'government', 100, true), batch(39, 'taliban', 20, true)]), 80, 8).slice(0, 5);
    expect(unilateral.join('\n')).not.toMatch(RISING);
  });

  test('government rises above the axis, Taliban hangs below it, each on its own scale', () => {
    const lines = frame(withBatches([batch(38, 'government', 100, false), batch(39, 'taliban', 20, false)]), 80, 12);
    const axis = lines.findIndex((l) => l.includes('┼'));
    expect(lines[axis]).toMatch(/day 0 ─+ day 45/);
    expect(lines.slice(0, axis).every((l) => /^( {3}|100)[┤│]/.test(l))).toBe(true);
    expect(lines[0]).toMatch(/^100┤/);
    expect(lines[axis - 1]).toContain(AGREED); // the biggest batch fills its half
    expect(lines[axis + 1]).toContain(AGREED);
    expect(lines[axis + 4]).toMatch(/^ 20┤/);
    expect(lines.at(-2)).toBe('█ agreed  ▒░ unilateral  gov above, taliban below  days 0–45');
  });

  test('with three rows: two chart rows and the latest line', () => {
    const lines = frame(withBatches([batch(38, 'government', 100, false), batch(39, 'taliban', 20, true)]), 60, 3);
    expect(lines[0]).toMatch(/^100┤ +█$/);
    expect(lines[1]).toMatch(/^ 20┤ +▒$/);
    expect(lines[2]).toContain('taliban frees 20 · unilateral');
  });

  test('before any batch', () => {
    expect(frame(startSnapshot(), 80, 3).at(-1)).toBe('no release batches yet');
  });
});
