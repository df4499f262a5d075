// The model's band on every day of the record: over N seeds, the median and the 10–90% range of
// cumulative releases both ways, drawn against the observed series by `parley replay --compare`
// in the dashboard. Quantiles are milestones.ts's, and the seeds compare.ts's, so on the observed
// dates the band is the one the fit measures print.
import type {Side} from '../history/schema.js';
import {runSimulation, type RunResult} from '../sim/run.js';
import {ensembleConfig, type Ensemble} from './compare.js';
import {valueOn} from './fit.js';
import {distribution} from './milestones.js';

export interface DayBand {
  median: number;
  p10: number;
  p90: number;
}

export interface ReleaseBand {
  runs: number;
  /** Entry d is day d, from day 0 to the last day asked for. */
  government: DayBand[];
  taliban: DayBand[];
}

/** A run's cumulative releases of `side` on days 0..lastDay (its last value after it ended). */
export function releasesByDay(run: RunResult, side: Side, lastDay: number): number[] {
  const d = run.daily;
  const series = side === 'government' ? d.govReleased : d.talReleased;
  return Array.from({length: lastDay + 1}, (_, day) => valueOn(series, d.length, day));
}

/** Per-day median and 10–90% of `samples` (one series a run, all of the same length). */
export function bandOf(samples: readonly (readonly number[])[]): DayBand[] {
  if (samples.length === 0) throw new RangeError('a band needs at least one run');
  const days = samples[0]!.length;
  return Array.from({length: days}, (_, day) => {
    const dist = distribution(samples.map((s) => s[day]!));
    // Every run has a value on every day, so the quantiles are never null here.
    return {median: dist.median!, p10: dist.p10!, p90: dist.p90!};
  });
}

/** Runs `config` over `runs` seeds (`compare-0`, … as compareWithHistory does, each with its own config if given one a seed) and takes the band. */
export function modelBand(config: Ensemble, lastDay: number, runs: number, seedPrefix = 'compare'): ReleaseBand {
  const samples: Record<Side, number[][]> = {government: [], taliban: []};
  for (let i = 0; i < runs; i++) {
    const run = runSimulation(ensembleConfig(config, `${seedPrefix}-${i}`), {stallRisk: false});
    samples.government.push(releasesByDay(run, 'government', lastDay));
    samples.taliban.push(releasesByDay(run, 'taliban', lastDay));
  }
  return {runs, government: bandOf(samples.government), taliban: bandOf(samples.taliban)};
}
