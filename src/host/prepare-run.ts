// What the plain run (run-report.ts) and the dashboard's loop thread (loop-thread.ts) do first:
// load the scenario, draw its parameters from a posterior (--posterior), build the fork for
// --from, and choose the run options. The record's modules (and the history schema) load only
// for a scenario that names a history, or for --from.
import {basename} from 'node:path';
import type {Replay} from '../history/replay.js';
import {readScenarioFile} from '../scenario/load.js';
import {drawnScenario, drawParticle, particleOverrides, type Posterior} from '../scenario/posterior.js';
import {parseScenario, type LoadOptions} from '../scenario/resolve.js';
import type {SimConfig} from '../sim/config.js';
import type {PosteriorDraw} from '../sim/report.js';
import type {RunOptions} from '../sim/run.js';

export interface RunJob {
  ref: string;
  load: LoadOptions;
  /** false: no daily stall risk; undefined: as the scenario says. */
  stallRisk?: boolean;
  /** Start from the scenario's history on this date (`--from`). */
  from?: string;
  /** Draw the parameters from this posterior sample by the run's seed (read on the main thread: readPosterior). */
  posterior?: Posterior;
}

export interface PreparedRun {
  config: SimConfig;
  notes: string[];
  options: RunOptions;
  /** The scenario's history replayed, when it names one: what the run is set against. */
  replay: Replay | null;
  /** The particle the run's seed drew, with --posterior. */
  draw: PosteriorDraw | null;
  /**
   * The config of a run of the same job with another seed (the dashboard's restart with a new
   * one): with a posterior, the particle that seed draws. Stall-risk rollouts read the run's
   * config, so they use the same particle.
   */
  configFor(seed: string): SimConfig;
  /** With a posterior, the particle a seed draws, said for a reader ("particle 17 of posterior.csv"); null without one. */
  drawnFor(seed: string): string | null;
}

export async function prepareRun(job: RunJob): Promise<PreparedRun> {
  const {file, data} = readScenarioFile(job.ref);
  const {posterior} = job;
  const {loaded, draw} = posterior ? drawnScenario({file, data, options: job.load}, posterior) : {loaded: parseScenario(data, file, job.load), draw: null};
  // The posterior was checked against the scenario above: another seed only draws again.
  const configFor = (seed: string): SimConfig =>
    posterior ? parseScenario(data, file, {...job.load, seed, overrides: [...(job.load.overrides ?? []), ...particleOverrides(posterior, drawParticle(posterior, seed))]}).config : {...loaded.config, seed};
  const drawnFor = (seed: string): string | null => (posterior ? `particle ${drawParticle(posterior, seed)} of ${basename(posterior.file)}` : null);
  const prepared = (fork: RunOptions['fork'], replay: Replay | null): PreparedRun => ({
    config: loaded.config,
    notes: loaded.notes,
    options: {...(job.stallRisk === undefined ? {} : {stallRisk: job.stallRisk}), fork},
    replay,
    draw,
    configFor,
    drawnFor,
  });
  if (!loaded.scenario.history && job.from === undefined) return prepared(undefined, null);
  const [{scenarioHistory}, {replayTimeline}, {forkForScenario}] = await Promise.all([import('../history/load.js'), import('../history/replay.js'), import('../history/fork.js')]);
  const history = scenarioHistory(loaded);
  const replay = history ? replayTimeline(history) : null;
  return prepared(job.from === undefined ? undefined : forkForScenario(loaded, job.from, replay), replay);
}
