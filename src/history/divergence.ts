// Where a model run parts from what happened: its cumulative releases set against the observed
// series at each reported date after the run's start (day 0, or the --from fork). `parley run
// --json` reports it for scenarios that name a history; the dashboard shows the same test.
import type {Divergence, DivergencePoint} from '../sim/report.js';
import type {RunResult} from '../sim/run.js';
import {dayOf} from './load.js';
import type {Replay} from './replay.js';
import type {Side} from './schema.js';

export type {Divergence, DivergencePoint};

/** A model value departs from an observed one by more than 50 prisoners and more than 10%. */
export const DIVERGENCE = {absolute: 50, relative: 0.1} as const;

export function departs(model: number, observed: number): boolean {
  return Math.abs(model - observed) > Math.max(DIVERGENCE.absolute, DIVERGENCE.relative * observed);
}

/**
 * `modelOn(side, day)` is the run's cumulative release on a day; dates after the run's last day
 * are left out (the run says nothing about them).
 */
export function divergence(replay: Replay, modelOn: (side: Side, day: number) => number, fromDay: number, lastDay: number): Divergence {
  const points: DivergencePoint[] = [];
  const first: Divergence['first'] = {government: null, taliban: null};
  for (const side of ['government', 'taliban'] as const) {
    let prev = -1;
    for (const day of observedDays(replay, side)) {
      if (day <= fromDay || day > lastDay || day === prev) continue;
      prev = day;
      const observed = replay.days[day]!.released[side];
      const model = modelOn(side, day);
      const p: DivergencePoint = {side, day, date: replay.days[day]!.date, observed, model, departs: departs(model, observed)};
      points.push(p);
      if (p.departs && first[side] === null) first[side] = {day, date: p.date};
    }
  }
  return {history: replay.history.name, fromDay, points, first};
}

/** A run's cumulative releases of `side` after round `day` (rows start after the fork's day). */
export function modelReleasedOn(run: Pick<RunResult, 'daily' | 'fork'>, side: Side, day: number): number {
  const {daily} = run;
  const row = Math.min(day - daily.offset, daily.length) - 1;
  // Before the first simulated round the run holds what it started from (0, or the fork's values).
  if (row < 0) return run.fork ? run.fork.released[side] : 0;
  return (side === 'government' ? daily.govReleased : daily.talReleased)[row]!;
}

/** A finished run against the record, from its start (or fork) to its horizon. */
export function runDivergence(replay: Replay, result: RunResult): Divergence {
  return divergence(replay, (side, day) => modelReleasedOn(result, side, day), result.fork?.day ?? 0, result.config.days);
}

/** Days (within the replay) on which a side's cumulative releases were reported. */
function observedDays(replay: Replay, side: Side): number[] {
  return replay.history.series[side]
    .map((p) => dayOf(replay.history, p.date))
    .filter((d) => d >= 0 && d < replay.days.length);
}
