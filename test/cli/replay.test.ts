// `parley replay`: the 2020 timeline as plain text and as JSON, with sources.
import {describe, expect, it} from 'vitest';
import {parley} from '../helpers/cli.js';

describe('parley replay', () => {
  it('prints the timeline day by day with each event’s source row', async () => {
    const r = await parley(['replay']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2020-04-07 {2}day {2}38 .*talks walked-out/m);
    expect(r.stdout).toMatch(/walk-out .*\[T26, C2\]/);
    expect(r.stdout).toContain('talks open day 196');
    expect(r.stderr).toBe('');
  });

  it('gives the same data as JSON', async () => {
    const r = await parley(['replay', '--json']);
    const doc = JSON.parse(r.stdout) as {milestones: {firstGovernmentRelease: number}; days: {day: number; released: {government: number}; events: string[]}[]};
    expect(doc.milestones.firstGovernmentRelease).toBe(39);
    expect(doc.days[39]!.events).toContain('T27');
    expect(doc.days.at(-1)!.released.government).toBe(5311);
  });

  it('names an unknown history and exits 2', async () => {
    const r = await parley(['replay', 'nowhere-1999']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nowhere-1999');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('run --from forks from the 2020 record, and says so', async () => {
    const r = await parley(['run', 'afghanistan-2020', '--from', '2020-04-07', '--no-stall-risk', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {from: {day: number; talks: string}; daily: {day: number}[]};
    expect(doc.from).toMatchObject({day: 38, talks: 'walked-out'});
    expect(doc.daily[0]!.day).toBe(39);
    const text = await parley(['run', 'afghanistan-2020', '--from', '2020-04-07', '--no-stall-risk']);
    expect(text.stdout).toMatch(/^Forked +from the historical record on 2020-04-07 \(day 38\)/m);
  });

  it('run --from refuses a scenario without a history, naming the file', async () => {
    const r = await parley(['run', 'baseline', '--from', '2020-04-07']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('baseline.yaml');
    expect(r.stderr).toContain('history');
  });
});
