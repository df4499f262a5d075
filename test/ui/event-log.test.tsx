import '../helpers/no-color.js';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {EventLog} from '../../src/ui/dashboard/panels/EventLog.js';
import {linesOf} from '../helpers/ink.js';
import {realSnapshot, startSnapshot} from '../helpers/snapshots.js';

afterEach(cleanup);

describe('EventLog', () => {
  test('the latest events that fit, newest last', () => {
    const s = realSnapshot();
    const lines = linesOf(render(<EventLog snapshot={s} width={100} rows={10} />).lastFrame());
    expect(lines).toHaveLength(10);
    expect(lines.at(-1)).toMatch(/^2020-04-14 {2}world {7}stall {11}stalled: taliban has been away from the table for 7 days$/);
    // Ten rows reach back to the government's first batch (day 37), then the walk-out the day after.
    expect(lines[0]).toMatch(/^2020-04-06 {2}government {2}release {9}frees a batch of 103 /);
    expect(lines[2]).toMatch(/^2020-04-07 {2}taliban {5}walk-out {8}walks out: no progress on the 15 priority commanders for 7 …$/);
    const dates = lines.map((l) => l.slice(0, 10));
    expect([...dates].sort()).toEqual(dates);
  });

  test('long reasons are cut to the width', () => {
    const lines = linesOf(render(<EventLog snapshot={realSnapshot()} width={60} rows={2} />).lastFrame());
    expect(lines).toEqual(['04-14 tal   release      frees 20 government captives (owed…', '04-14 world stall        stalled: taliban has been away fro…']);
    for (const l of lines) expect(l).toHaveLength(60);
  });

  test('nothing yet', () => {
    expect(render(<EventLog snapshot={startSnapshot()} width={80} rows={5} />).lastFrame()).toBe('no events yet');
  });
});
