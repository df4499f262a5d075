// A model run set against the record its scenario names: the record's cumulative releases on the
// run's current day, and the first reported date on which the run departs from it, by the same
// test as `parley run --json` (history/divergence.ts).
import {divergence, modelReleasedOn} from '../history/divergence.js';
import type {Replay} from '../history/replay.js';
import type {RunHandle} from '../sim/run.js';
import type {ObservedView} from './history-view.js';

/**
 * While the run goes on, only the dates it has reached count; once it is over its last values
 * stand to the horizon, as in `parley run --json`'s `history` (runDivergence).
 */
export function observedView(replay: Replay, run: RunHandle): ObservedView {
  const day = run.state.day;
  const last = replay.days.length - 1;
  const d = divergence(replay, (side, on) => modelReleasedOn(run, side, on), run.daily.offset, run.finished ? run.config.days : day);
  return {
    history: replay.history.name,
    released: {...replay.days[Math.min(Math.max(0, day), last)]!.released},
    end: replay.history.end,
    pastEnd: day > last,
    departs: d.first,
  };
}
