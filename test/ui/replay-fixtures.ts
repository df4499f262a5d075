// Snapshots of the 2020 record for UI tests, built by the code under test from the bundled
// history: a replay on any date, the same with --compare's band, and model runs forked from the
// record on 2020-04-07 that carry the record beside them.
import {modelBand, type ReleaseBand} from '../../src/analysis/band.js';
import {dayOf, loadHistory} from '../../src/history/load.js';
import {forkFromReplay} from '../../src/history/fork.js';
import {replayTimeline} from '../../src/history/replay.js';
import {loadScenario} from '../../src/scenario/resolve.js';
import {startRun} from '../../src/sim/run.js';
import {completionTargets} from '../../src/sim/stepper.js';
import {buildReplaySnapshot, type ReplayFrame, type ReplayTerms} from '../../src/host/replay-snapshot.js';
import {buildSnapshot, type ModelSnapshot, type RecordSnapshot, type Snapshot} from '../../src/host/snapshot.js';

export const REPLAY = replayTimeline(loadHistory('afghanistan-2020'));
const scenario = loadScenario('afghanistan-2020', {seed: 'doha', set: ['stall.rollouts=0']}).config;
/** The agreed totals and ratio, as `parley replay` takes them from the scenario of the same name. */
export const TERMS: ReplayTerms = {targets: completionTargets(scenario), ratio: scenario.world.ratio};

export const dayOfDate = (date: string): number => dayOf(REPLAY.history, date);

/** The record on `date`, paused. */
export function replaySnapshot(date: string, frame: Partial<ReplayFrame> = {}): RecordSnapshot {
  return buildReplaySnapshot(REPLAY, dayOfDate(date), {playback: 'paused', speed: 5, terms: TERMS, ...frame});
}

let band: ReleaseBand | null = null;
/** afghanistan-2020 over 30 seeds, every day of the record. */
export function compareBand(): ReleaseBand {
  band ??= modelBand(scenario, REPLAY.days.length - 1, 30);
  return band;
}

/** The record on `date` with the model's band (`replay --compare`). */
export const compareSnapshot = (date: string): RecordSnapshot => replaySnapshot(date, {compare: {scenario: 'afghanistan-2020', band: compareBand()}});

/** afghanistan-2020 (forked from the record on `from`, if given) run to `day`, set against the record. */
export function observedSnapshot(day: number, from: string | null = '2020-04-07'): ModelSnapshot {
  const run = startRun(scenario, {fork: from === null ? undefined : forkFromReplay(REPLAY, from), stallRisk: false});
  while (run.state.day < day && run.advance());
  return buildSnapshot(run, run.finished ? 'finished' : 'running', 10, REPLAY);
}

/** Every replay kind, named for test titles. */
export function replaySnapshots(): [string, Snapshot][] {
  const long = 'a very long summary 长长的理由 🚀 with a line\nbreak, '.repeat(8);
  const extreme = replaySnapshot('2020-04-11');
  const sel = extreme.replay.selected!;
  extreme.replay.selected = {
    ...sel,
    summary: long,
    note: long,
    numbers: [long],
    sources: [...sel.sources, `https://example.org/${'very-long-path/'.repeat(20)}`],
    disagreements: [...sel.disagreements, {field: 'released', values: ['1', '2', '3'], chosen: '2', why: long}],
  };
  return [
    ['replay start', replaySnapshot('2020-02-29')],
    ['replay walk-out', replaySnapshot('2020-04-07')],
    ['replay stalled', replaySnapshot('2020-04-14')],
    ['replay end', replaySnapshot('2020-09-12', {playback: 'finished'})],
    ['replay extreme', extreme],
    ['compare start', compareSnapshot('2020-02-29')],
    ['compare mid', compareSnapshot('2020-06-09')],
    ['compare end', compareSnapshot('2020-09-12')],
    ['fork at its start', observedSnapshot(38)],
    ['fork mid', observedSnapshot(80)],
    // Forked, as the unforked doha run completes (day 191) before the record ends (day 196).
    ['run past the record', observedSnapshot(230)],
  ];
}
