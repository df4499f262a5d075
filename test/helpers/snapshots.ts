// Dashboard snapshots for UI tests: real ones from the bundled afghanistan-2020 scenario (seed
// "doha": the Taliban walk out on day 38, the government releases unilaterally after), and
// hand-edited copies for the states a short run does not reach.
import {loadScenario} from '../../src/scenario/resolve.js';
import {startRun} from '../../src/sim/run.js';
import {buildSnapshot, type ModelSnapshot, type Playback} from '../../src/host/snapshot.js';

const cache = new Map<number, ModelSnapshot>();

function runTo(day: number): ModelSnapshot {
  let snap = cache.get(day);
  if (!snap) {
    const run = startRun(loadScenario('afghanistan-2020', {seed: 'doha', set: ['stall.rollouts=50']}).config);
    while (run.state.day < day && run.advance());
    snap = buildSnapshot(run, run.finished ? 'finished' : 'running', 10);
    cache.set(day, snap);
  }
  return structuredClone(snap);
}

/** The real run after `day` rounds (45: the Taliban have been away a week, stalled). */
export function realSnapshot(day = 45, playback: Playback = 'running', speed = 10): ModelSnapshot {
  return {...runTo(day), playback, speed};
}

/** The real run to its end, where the exchange completes (test/ui/chrome.test.tsx pins the day). */
export const finishedSnapshot = (): ModelSnapshot => realSnapshot(10_000, 'finished');

/** Before the first round: nothing has happened. */
export const startSnapshot = (): ModelSnapshot => realSnapshot(0, 'paused');

/** Day 52 of the walk-out, talks broken down for good. */
export function brokenSnapshot(): ModelSnapshot {
  const s = realSnapshot(45, 'finished');
  const reason = 'talks broke down: taliban left for good after 14 days away';
  return {
    ...s,
    talks: 'broken',
    walkout: null,
    outcome: {status: 'broken', day: 52, date: '2020-04-21'},
    day: 52,
    date: '2020-04-21',
    stallCause: 'breakdown',
    events: [...s.events, {n: (s.events.at(-1)?.n ?? 0) + 1, day: 52, date: '2020-04-21', actor: 'taliban', type: 'breakdown', reason}],
  };
}

/** Stalled by the walk-out with a non-trivial chance of recovery. */
export function recoverySnapshot(): ModelSnapshot {
  const s = realSnapshot(45);
  return {...s, stalled: true, stallCause: 'walk-out', risk: {p: 0.12, lo: 0.08, hi: 0.17, mode: 'recovery', days: 9, cause: null}};
}

/** Not stalled, with an onset risk to show. */
export function onsetSnapshot(): ModelSnapshot {
  const s = realSnapshot(30);
  return {...s, stalled: false, stallCause: null, risk: {p: 0.34, lo: 0.28, hi: 0.4, mode: 'onset', days: 6, cause: 'no-progress'}};
}

/** Stall risk switched off (stall.rollouts = 0): every entry NaN. */
export function noRiskSnapshot(): ModelSnapshot {
  const s = realSnapshot(45);
  return {
    ...s,
    stalled: false,
    stallCause: null,
    risk: null,
    riskHistory: s.riskHistory.map(() => Number.NaN),
    stallDefinition: {...s.stallDefinition, rollouts: 0},
  };
}

/** Long texts, wide characters, big numbers and line breaks: nothing may overflow. */
export function extremeSnapshot(): ModelSnapshot {
  const s = realSnapshot(45);
  const long = 'a very long reason 长长的理由 🚀 with a line\nbreak, '.repeat(12);
  return {
    ...s,
    scenario: 'a-scenario-with-a-remarkably-long-name-indeed',
    seed: 'a-long-seed-string-0123456789',
    speed: Number.POSITIVE_INFINITY,
    horizon: 1000,
    day: 999,
    walkout: s.walkout && {...s.walkout, reason: long, days: 961},
    walkouts: [...s.walkouts, {day: 500, returnDay: 600, by: 'government'}],
    targets: {government: 1_234_567, taliban: 99_999},
    released: {government: 1_000_000, taliban: 5, custody: 12_345, offList: 67_890},
    batches: [
      ...s.batches,
      {day: 998, date: '2022-11-23', from: 'government', count: 250_000, criteria: long, unilateral: true},
    ],
    government: {...s.government, policy: long, lastReason: long, lastAction: 'demand-special-forces'},
    taliban: {...s.taliban, priorityDemand: 15, lastReason: long},
    us: {...s.us, troops: 123_456, troopsStart: 130_000, deadline: 2000, lastReason: long},
    events: s.events.map((e) => ({...e, type: `${e.type}-and-then-some-more`, reason: long})),
  };
}

/** Every kind above, named for test titles. */
export function allSnapshots(): [string, ModelSnapshot][] {
  return [
    ['day 45', realSnapshot()],
    ['start', startSnapshot()],
    ['finished', finishedSnapshot()],
    ['broken', brokenSnapshot()],
    ['recovery', recoverySnapshot()],
    ['onset', onsetSnapshot()],
    ['no risk', noRiskSnapshot()],
    ['extreme', extremeSnapshot()],
  ];
}
