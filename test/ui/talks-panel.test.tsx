import '../helpers/no-color.js';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {columnOf} from '../../src/ui/dashboard/format.js';
import {TalksPanel} from '../../src/ui/dashboard/panels/TalksPanel.js';
import {linesOf} from '../helpers/ink.js';
import {brokenSnapshot, finishedSnapshot, realSnapshot, startSnapshot} from '../helpers/snapshots.js';

afterEach(cleanup);

describe('TalksPanel', () => {
  test('a walk-out gets a banner: who, since when, for how long, why', () => {
    const {lastFrame} = render(<TalksPanel snapshot={realSnapshot()} width={80} rows={4} />);
    const [banner, why, timeline, axis] = linesOf(lastFrame());
    expect(banner).toContain('WALK-OUT');
    expect(banner).toContain('taliban since 2020-04-07 (day 38) · 7 days away');
    expect(why).toBe('why: no progress on the 15 priority commanders for 7 days');
    // The walk-out (day 38 on) is drawn with its own character, today with ●.
    expect(timeline!.indexOf('●')).toBe(columnOf(45, 230, 80));
    expect(timeline!.indexOf('▓')).toBe(columnOf(38, 230, 80));
    expect(axis).toMatch(/^day 0 .*▓ walk-out.*day 230$/);
  });

  test('on the first day of a walk-out the banner says since today, not "0 days away"', () => {
    const s = realSnapshot(38);
    expect(s.walkout?.days).toBe(0);
    const [banner] = linesOf(render(<TalksPanel snapshot={s} width={80} rows={4} />).lastFrame());
    expect(banner).toBe(' WALK-OUT  taliban since today (2020-04-07, day 38)');
    for (const width of [38, 60, 100]) {
      const [line] = linesOf(render(<TalksPanel snapshot={s} width={width} rows={2} />).lastFrame());
      expect(line).toContain('since today');
      expect(line).not.toMatch(/\b0 days?\b/);
    }
    // The next day: one day, singular.
    expect(linesOf(render(<TalksPanel snapshot={realSnapshot(39)} width={80} rows={4} />).lastFrame())[0]).toContain('· 1 day away');
  });

  test('on one row the reason shares the banner line, cut to fit', () => {
    const {lastFrame} = render(<TalksPanel snapshot={realSnapshot()} width={100} rows={1} />);
    const lines = linesOf(lastFrame());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ WALK-OUT {2}taliban since 2020-04-07 \(day 38\) · 7 days away: no progress on the 15 .*…$/);
    expect(lines[0]).toHaveLength(100);
  });

  test('narrow banners keep who, the date and the days', () => {
    const {lastFrame} = render(<TalksPanel snapshot={realSnapshot()} width={38} rows={2} />);
    expect(linesOf(lastFrame())[0]).toBe(' WALK-OUT  taliban since 04-07 (7 d)');
  });

  test('broken talks get their own banner with the reason', () => {
    const {lastFrame} = render(<TalksPanel snapshot={brokenSnapshot()} width={80} rows={2} />);
    expect(linesOf(lastFrame())).toEqual([' TALKS BROKEN  on 2020-04-21', 'why: taliban left for good after 14 days away']);
  });

  test('after the walk-out: the state, the timeline and the walk-outs so far', () => {
    const {lastFrame} = render(<TalksPanel snapshot={finishedSnapshot()} width={80} rows={4} />);
    const [status, timeline, , history] = linesOf(lastFrame());
    expect(status).toBe('talks active · 1 walk-out so far');
    expect(timeline).not.toContain('·'.repeat(20));
    expect(timeline).toContain('▓');
    expect(history).toBe('walk-outs, latest first: taliban day 38–87 (49 days)');
  });

  test('before the parties meet', () => {
    const {lastFrame} = render(<TalksPanel snapshot={startSnapshot()} width={80} rows={1} />);
    expect(lastFrame()).toBe('talks pending · the parties have not met yet');
  });
});
