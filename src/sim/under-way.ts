// The days the talks are under way: from the day the parties first met (state.convenedDay, the
// first meeting or a first return to the table) to the end of the run. Stall risk is summed up
// over these days only: the sweep's peakStallRisk and meanStallRisk, and the run report's
// peakStallRisk. Before the first meeting there is no negotiation to stall: the no-progress
// clock has not started (stall.ts), and how long talks stay pending is the scenario's calendar.
import {round4} from '../stats/round.js';
import type {DailySeries} from './run.js';
import type {WorldState} from './types.js';

/** The first row of `daily` on or after the day the talks first met; daily.length if they never met. */
export function firstRowUnderWay(state: Pick<WorldState, 'convenedDay'>, daily: Pick<DailySeries, 'length' | 'offset'>): number {
  if (state.convenedDay < 0) return daily.length;
  // Row r is the state after round offset + r + 1; talks active from day 0 make every row count.
  return Math.min(daily.length, Math.max(0, state.convenedDay - daily.offset - 1));
}

/** Stall risk over the days the talks are under way: onset estimates only (while stalled the daily estimate is P(recovery), another quantity). */
export interface StallRiskUnderWay {
  /** The row of the highest onset estimate at the printed precision (the first such row), or -1 when none was made. */
  peakRow: number;
  /** The mean of those estimates, unrounded, or null when none was made. */
  mean: number | null;
}

/** Peak and mean stall risk of a run: the run report's peakStallRisk, the sweep's peakStallRisk and meanStallRisk. */
export function stallRiskUnderWay(state: Pick<WorldState, 'convenedDay'>, daily: Pick<DailySeries, 'length' | 'offset' | 'riskP' | 'riskMode'>): StallRiskUnderWay {
  let peakRow = -1;
  let peak = -1;
  let sum = 0;
  let n = 0;
  for (let r = firstRowUnderWay(state, daily); r < daily.length; r++) {
    const p = daily.riskP[r]!;
    if (Number.isNaN(p) || daily.riskMode[r] !== 0) continue;
    // Compared as printed, so the peak's day is the first that shows the peak value.
    const shown = round4(p);
    if (shown > peak) {
      peak = shown;
      peakRow = r;
    }
    sum += p;
    n++;
  }
  return {peakRow, mean: n > 0 ? sum / n : null};
}
