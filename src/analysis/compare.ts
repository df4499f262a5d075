// The model set against history: a scenario run over N seeds, scored against the replayed
// timeline with the fit measures of fit.ts. Used by `parley replay --compare`.
import {dayOf} from '../history/load.js';
import type {Replay} from '../history/replay.js';
import type {SimConfig} from '../sim/config.js';
import {runSimulation} from '../sim/run.js';
import {logRmse, longest, valueOn, type Observation} from './fit.js';
import {distribution, milestones, type Distribution} from './milestones.js';

export interface Comparison {
  runs: number;
  /** Log-RMSE of cumulative releases at the observed dates, per run: distribution. */
  logRmse: {government: Distribution; taliban: Distribution};
  firstGovernmentRelease: {observed: number | null; model: Distribution};
  firstWalkout: {observed: number | null; model: Distribution};
  stallEpisodes: {observed: number; model: Distribution};
  longestStall: {observed: number; model: Distribution};
  complete: {observed: number | null; model: Distribution};
  /** Median and 10-90% band of the model's cumulative releases on each observed date; `basis` says whether a source reports the point or it was constructed. */
  band: {side: 'government' | 'taliban'; day: number; observed: number; basis: Basis; median: number | null; p10: number | null; p90: number | null}[];
  /** The points the fit measures (log-RMSE, coverage) use: reported only, unless constructed points were asked for. */
  points: 'reported' | 'all';
  /** Per side, how many of those points lie inside the model's 10-90% band, of how many. */
  coverage: {government: Coverage; taliban: Coverage};
}

type Basis = 'reported' | 'constructed';
export interface Coverage {
  inside: number;
  of: number;
}

export interface CompareOptions {
  /** Fit constructed points too (implied or carried forward), not only reported ones. */
  constructed?: boolean;
}

/**
 * The config of each seed's run: one config run with every seed, or a config a seed (a posterior
 * sample's draw, src/scenario/posterior.ts), so that the band carries parameter uncertainty too.
 */
export type Ensemble = SimConfig | ((seed: string) => SimConfig);

/** The config of the run with this seed. */
export const ensembleConfig = (ensemble: Ensemble, seed: string): SimConfig => (typeof ensemble === 'function' ? ensemble(seed) : {...ensemble, seed});

export function compareWithHistory(config: Ensemble, replay: Replay, runs: number, seedPrefix = 'compare', options: CompareOptions = {}): Comparison {
  const h = replay.history;
  const observed = (side: 'government' | 'taliban'): (Observation & {basis: Basis})[] => h.series[side].map((p) => ({day: dayOf(h, p.date), cumulative: p.cumulative, basis: p.basis}));
  // Every observed point gets its band; the fit measures read only the fitted ones.
  const obs = {government: observed('government'), taliban: observed('taliban')};
  const fitted = (o: {basis: Basis}): boolean => options.constructed === true || o.basis === 'reported';
  const last = replay.days.length - 1;
  const rmse = {government: [] as number[], taliban: [] as number[]};
  const firstRelease: (number | null)[] = [];
  const firstWalkout: (number | null)[] = [];
  const complete: (number | null)[] = [];
  const episodes: number[] = [];
  const longestStall: number[] = [];
  const atObs = {government: obs.government.map(() => [] as number[]), taliban: obs.taliban.map(() => [] as number[])};
  for (let i = 0; i < runs; i++) {
    const result = runSimulation(ensembleConfig(config, `${seedPrefix}-${i}`), {stallRisk: false});
    const d = result.daily;
    const m = milestones(result);
    for (const side of ['government', 'taliban'] as const) {
      const series = side === 'government' ? d.govReleased : d.talReleased;
      rmse[side].push(logRmse((day) => valueOn(series, d.length, day), obs[side].filter(fitted)));
      obs[side].forEach((o, k) => atObs[side][k]!.push(valueOn(series, d.length, o.day)));
    }
    firstRelease.push(m.firstGovernmentRelease);
    firstWalkout.push(m.firstWalkout);
    complete.push(m.complete);
    episodes.push(m.stallEpisodes);
    longestStall.push(m.longestStall);
  }
  const band: Comparison['band'] = [];
  const coverage = {government: {inside: 0, of: 0}, taliban: {inside: 0, of: 0}};
  for (const side of ['government', 'taliban'] as const) {
    obs[side].forEach((o, k) => {
      const dist = distribution(atObs[side][k]!);
      band.push({side, day: o.day, observed: o.cumulative, basis: o.basis, median: dist.median, p10: dist.p10, p90: dist.p90});
      if (!fitted(o) || dist.p10 === null || dist.p90 === null) return;
      coverage[side].of++;
      if (dist.p10 <= o.cumulative && o.cumulative <= dist.p90) coverage[side].inside++;
    });
  }
  return {
    runs,
    logRmse: {government: distribution(rmse.government), taliban: distribution(rmse.taliban)},
    firstGovernmentRelease: {observed: replay.milestones.firstGovernmentRelease, model: distribution(firstRelease)},
    firstWalkout: {observed: replay.milestones.firstWalkout, model: distribution(firstWalkout)},
    stallEpisodes: {observed: replay.episodes.length, model: distribution(episodes)},
    longestStall: {observed: longest(replay.episodes, last), model: distribution(longestStall)},
    // The exchange was complete when the last prisoners went to custody; talks opened two days later.
    complete: {observed: h.events.filter((e) => e.type === 'custody').map((e) => dayOf(h, e.date)).at(-1) ?? null, model: distribution(complete)},
    band,
    points: options.constructed === true ? 'all' : 'reported',
    coverage,
  };
}
