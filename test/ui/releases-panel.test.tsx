import '../helpers/no-color.js';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {ReleasesPanel} from '../../src/ui/dashboard/panels/ReleasesPanel.js';
import {divergence} from '../../src/history/divergence.js';
import {forkFromReplay} from '../../src/history/fork.js';
import {loadScenario} from '../../src/scenario/resolve.js';
import {startRun, type RunHandle} from '../../src/sim/run.js';
import {BAND_CHAR, bandCells} from '../../src/ui/dashboard/band-bar.js';
import {count} from '../../src/ui/dashboard/format.js';
import {modelReleasedOn} from '../../src/history/divergence.js';
import {linesOf} from '../helpers/ink.js';
import {finishedSnapshot, realSnapshot, startSnapshot} from '../helpers/snapshots.js';
import {compareBand, compareSnapshot, dayOfDate, observedSnapshot, REPLAY} from './replay-fixtures.js';

/** The same run as observedSnapshot(day), to check the departures independently. */
function forkedRun(day: number): RunHandle {
  const {config} = loadScenario('afghanistan-2020', {seed: 'doha', set: ['stall.rollouts=0']});
  const run = startRun(config, {fork: forkFromReplay(REPLAY, '2020-04-07'), stallRisk: false});
  while (run.state.day < day && run.advance());
  return run;
}

afterEach(cleanup);

const midway = () => ({...realSnapshot(), released: {government: 1780, taliban: 420, custody: 0, offList: 0}});

describe('ReleasesPanel', () => {
  test('two bars against the targets, then the ratio against the agreed one', () => {
    const {lastFrame} = render(<ReleasesPanel snapshot={midway()} width={80} rows={3} />);
    const [gov, tal, ratio] = linesOf(lastFrame());
    expect(gov).toMatch(/^Gov → Taliban {2}█+[▏▎▍▌▋▊▉]?░+ {2}1,780 \/ 5,000 {2}36%$/);
    expect(tal).toMatch(/^Taliban → Gov {2}█+[▏▎▍▌▋▊▉]?░+ {4}420 \/ 1,000 {2}42%$/);
    expect(ratio).toBe('ratio 4.2 : 1 (agreed 5 : 1)');
    expect(gov).toHaveLength(80);
  });

  test('bars scale to the width', () => {
    const narrow = linesOf(render(<ReleasesPanel snapshot={midway()} width={38} rows={2} />).lastFrame());
    expect(narrow).toHaveLength(2);
    expect(narrow[0]).toMatch(/^Gov → Taliban {2}[█▏▎▍▌▋▊▉░]{8} {2}1,780 \/ 5,000$/);
  });

  test('off-list releases and custody transfers are counted apart', () => {
    const {lastFrame} = render(<ReleasesPanel snapshot={finishedSnapshot()} width={80} rows={3} />);
    const [gov, tal, ratio] = linesOf(lastFrame());
    // The target counts on-list releases plus custody: 5,444 - 450 + 6.
    expect(gov).toContain('5,000 / 5,000');
    expect(gov).not.toContain('░');
    expect(tal).toContain('1,000 / 1,000');
    expect(ratio).toBe('ratio 5.4 : 1 (agreed 5 : 1) · 450 off the list · 6 in custody');
  });

  test('before any release', () => {
    const {lastFrame} = render(<ReleasesPanel snapshot={startSnapshot()} width={80} rows={3} />);
    expect(linesOf(lastFrame())[2]).toBe('ratio – (no Taliban releases yet; agreed 5 : 1)');
  });
});

describe('ReleasesPanel against the 2020 record', () => {
  test('replay --compare: the record against the model median and 10–90% band, with a legend', () => {
    const s = compareSnapshot('2020-06-09');
    const band = compareBand();
    const day = dayOfDate('2020-06-09');
    const [gov, tal, legend] = linesOf(render(<ReleasesPanel snapshot={s} width={80} rows={3} />).lastFrame());
    const g = band.government[day]!;
    const t = band.taliban[day]!;
    expect(gov).toMatch(new RegExp(`^Gov → Taliban {2}[█▓░┃·]+ {2}3,000 · model ${count(g.median)} \\[${count(g.p10)}–${count(g.p90)}\\]$`));
    // On 9 June the Taliban's 420 is carried from 31 May past a vaguer report: constructed, marked *.
    expect(tal).toMatch(new RegExp(`^Taliban → Gov {2}[█▓░┃·]+ {2}420\\* · model ${count(t.median)} \\[${count(t.p10)}–${count(t.p90)}\\]$`));
    expect(gov).toContain('┃');
    expect(legend).toBe('█ 2020  ░ afghanistan-2020 10–90% (30 runs)  ┃ median  ▓ both');
    for (const l of [gov, tal, legend]) expect([...l!].length).toBeLessThanOrEqual(80);
  });

  test('the band bar: the record filled, the band shaded, the median marked, on one scale', () => {
    expect(bandCells(50, {p10: 60, median: 70, p90: 80}, 100, 10).map((c) => BAND_CHAR[c]).join('')).toBe('█████·░┃░·');
    // The record inside the band reads ▓; a band narrower than a cell still takes its cell.
    expect(bandCells(75, {p10: 60, median: 70, p90: 80}, 100, 10).map((c) => BAND_CHAR[c]).join('')).toBe('██████▓┃░·');
    expect(bandCells(0, {p10: 31, median: 31, p90: 31}, 100, 10).map((c) => BAND_CHAR[c]).join('')).toBe('···┃······');
  });

  test('narrow: the band numbers go before the bar gets too short', () => {
    const lines = linesOf(render(<ReleasesPanel snapshot={compareSnapshot('2020-06-09')} width={38} rows={2} />).lastFrame());
    expect(lines[0]).toMatch(/^Gov → Taliban {2}[█▓░┃·]{12,} {2}3,000( · model [\d,]+)?$/);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(38);
  });

  test('a run forked on 2020-04-07: the record beside the model, and where the run departs from it', () => {
    const s = observedSnapshot(80);
    const o = s.observed!;
    expect(o.released).toEqual(REPLAY.days[80]!.released);
    const expected = divergence(REPLAY, (side, day) => modelReleasedOn(forkedRun(80), side, day), 38, 80).first;
    expect(o.departs).toEqual(expected);
    expect(o.departs.government).not.toBeNull();
    const [gov, tal, departs, ratio] = linesOf(render(<ReleasesPanel snapshot={s} width={80} rows={4} />).lastFrame());
    expect(gov).toMatch(new RegExp(`^Gov → Taliban .* · 2020 ${count(o.released.government)}$`));
    expect(tal).toMatch(new RegExp(`^Taliban → Gov .* · 2020 +${count(o.released.taliban)}$`));
    expect(departs).toBe(`government departs from 2020 on ${o.departs.government!.date} · taliban: ${o.departs.taliban ? `departs from 2020 on ${o.departs.taliban.date}` : 'not yet'}`);
    expect(ratio).toMatch(/^ratio /);
    for (const l of [gov, tal, departs]) expect([...l!].length).toBeLessThanOrEqual(80);
  });

  test('at the fork itself the run is the record, and nothing departs yet', () => {
    const s = observedSnapshot(38);
    expect(s.day).toBe(38);
    expect(s.observed!.departs).toEqual({government: null, taliban: null});
    expect(s.observed!.released).toEqual({government: 0, taliban: 0});
    expect(linesOf(render(<ReleasesPanel snapshot={s} width={80} rows={3} />).lastFrame())[2]).toBe('government: not yet · taliban: not yet');
  });

  test('past the end of the record it says the record stopped', () => {
    // The run forked on 2020-04-07 completes on day 212, beyond the record's last day (196).
    const s = observedSnapshot(230);
    expect(s.day).toBeGreaterThan(dayOfDate('2020-09-12'));
    expect(s.observed!.pastEnd).toBe(true);
    const [gov] = linesOf(render(<ReleasesPanel snapshot={s} width={100} rows={3} />).lastFrame());
    expect(gov).toMatch(/ · 2020 \(to 09-12\) 5,311$/);
  });
});
