// `parley replay [history]`: the 2020 timeline as the sources report it, and
// `parley replay --compare [scenario] [--runs N]`: the model against it. On a terminal both open
// the dashboard (the record day by day; with --compare, the model's band over the record's
// releases, and the fit measures printed once it closes); with --json, --out or no terminal,
// plain text or JSON as before.
import {modelBand} from '../analysis/band.js';
import {compareWithHistory} from '../analysis/compare.js';
import {loadHistory, resolveHistoryPath} from '../history/load.js';
import {replayTimeline, type Replay} from '../history/replay.js';
import {InputError} from '../scenario/errors.js';
import {drawnConfigs, drawParticle, readPosterior, type Posterior} from '../scenario/posterior.js';
import {loadScenario, parseScenario} from '../scenario/resolve.js';
import type {SimConfig} from '../sim/config.js';
import {completionTargets} from '../sim/stepper.js';
import type {ReplayTerms} from '../host/replay-snapshot.js';
import {formatComparison, formatReplay, type PosteriorUse} from '../text/replay-text.js';
import {parseCommand, positiveInt} from './args.js';
import {UsageError} from './errors.js';
import {emit, type Io} from './io.js';
import type {Mode} from './mode.js';
import {parseSpeed} from './run.js';
import {REPLAY_USAGE} from './usage/replay.js';
import {refuseOutOverInput, reportFormat} from './out-file.js';
import {readScenarioFile, resolveScenarioPath} from '../scenario/load.js';

/** The record replayed, and the scenario --compare runs, when none is named. */
const DEFAULT_HISTORY = 'afghanistan-2020';

export async function replayCommand(args: string[], io: Io, mode: Mode): Promise<number> {
  const {values, positionals} = parseCommand(REPLAY_USAGE, args);
  if (positionals.length > 1) throw new UsageError(`replay takes one scenario or history, got ${positionals.length}`);
  const speed = parseSpeed(values.speed);
  const json = reportFormat(values.out, values.json ? 'json' : undefined, ['text', 'json']) === 'json';
  const dashboard = !values.json && values.out === undefined && mode.dashboard;
  // --compare [scenario]: positionals[0] is the scenario; otherwise it is the history.
  const history = values.history ?? (values.compare ? undefined : positionals[0]) ?? DEFAULT_HISTORY;
  const scenario = values.compare ? (positionals[0] ?? DEFAULT_HISTORY) : undefined;
  if (values.out !== undefined) {
    const inputs = [{file: resolveHistoryPath(history), what: 'the history'}];
    if (scenario !== undefined) inputs.push({file: resolveScenarioPath(scenario), what: 'the scenario'});
    if (values.posterior !== undefined) inputs.push({file: values.posterior, what: 'the posterior'});
    refuseOutOverInput(values.out, inputs);
  }
  if (scenario !== undefined) {
    // `replay --compare [scenario]`: the model scenario over N seeds against the history.
    const runs = positiveInt('--runs', values.runs) ?? 100;
    if (values.posterior === '') throw new UsageError('--posterior needs a file name');
    const {file, data} = readScenarioFile(scenario);
    const {config} = parseScenario(data, file);
    // With --posterior each seed runs the particle it draws: the band carries parameter uncertainty as well as the dice.
    const posterior = values.posterior === undefined ? null : readPosterior(values.posterior);
    const ensemble = posterior ? drawnConfigs({file, data}, posterior) : config;
    const used = posterior ? posteriorUse(posterior, runs) : null;
    const replay = replayTimeline(loadHistory(history));
    const c = compareWithHistory(ensemble, replay, runs, 'compare', {constructed: values.constructed === true});
    const text = (): string => formatComparison(config.name, c, used);
    if (dashboard) {
      const band = modelBand(ensemble, replay.days.length - 1, runs);
      const {runReplayDashboard} = await import('./dashboard.js');
      const code = await runReplayDashboard({replay, terms: termsOf(config), compare: {scenario: config.name, band}, speed});
      // The fit measures stay on screen under the dashboard's last frame.
      if (code === 0) io.stdout(text());
      return code;
    }
    emit(io, json ? `${JSON.stringify(used ? {...c, posterior: used} : c, null, 2)}\n` : text(), values.out);
    return 0;
  }
  if (values.posterior !== undefined) throw new UsageError('--posterior goes with --compare');
  if (values.runs !== undefined) throw new UsageError('--runs goes with --compare');
  if (values.constructed) throw new UsageError('--constructed goes with --compare');
  const replay = replayTimeline(loadHistory(history));
  if (dashboard) {
    const {runReplayDashboard} = await import('./dashboard.js');
    return runReplayDashboard({replay, terms: recordTerms(replay), speed});
  }
  const text = json
    ? `${JSON.stringify({name: replay.history.name, start: replay.history.start, end: replay.history.end, milestones: replay.milestones, episodes: replay.episodes, days: replay.days.map(({events, ...d}) => ({...d, walkout: d.walkout && {since: d.walkout.since, id: d.walkout.event.id}, events: events.map((e) => e.id)}))}, null, 2)}\n`
    : formatReplay(replay);
  emit(io, text, values.out);
  return 0;
}

/** What the comparison says of the posterior: its file, its particles, and how many of them the seeds drew (compareWithHistory's seeds). */
function posteriorUse(posterior: Posterior, runs: number): PosteriorUse {
  const drawn = new Set(Array.from({length: runs}, (_, i) => drawParticle(posterior, `compare-${i}`)));
  return {file: posterior.file, digest: posterior.digest, particles: posterior.weights.length, drawn: drawn.size};
}

const termsOf = (config: SimConfig): ReplayTerms => ({targets: completionTargets(config), ratio: config.world.ratio});

/**
 * The agreed totals and ratio the record is measured against: those of the bundled scenario that
 * names this history (afghanistan-2020: 5,000 and 1,000, five for one); failing that, the
 * record's own final totals, so the bars still read as shares of what was released in the end.
 */
function recordTerms(replay: Replay): ReplayTerms {
  const name = replay.history.name;
  try {
    const loaded = loadScenario(name);
    if (loaded.scenario.history === name) return termsOf(loaded.config);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
  }
  const last = replay.days[replay.days.length - 1]!.released;
  return {targets: {...last}, ratio: last.taliban > 0 ? last.government / last.taliban : 0};
}
