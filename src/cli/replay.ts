// `parley replay [history]`: the 2020 timeline as the sources report it, and
// `parley replay --compare [scenario] [--runs N]`: the model against it. On a terminal both open
// the dashboard (the record day by day; with --compare, the model's band over the record's
// releases, and the fit measures printed once it closes); with --json, --out or no terminal,
// plain text or JSON as before.
import {modelBand} from '../analysis/band.js';
import {compareWithHistory} from '../analysis/compare.js';
import {loadHistory} from '../history/load.js';
import {replayTimeline, type Replay} from '../history/replay.js';
import {InputError} from '../scenario/errors.js';
import {loadScenario} from '../scenario/resolve.js';
import type {SimConfig} from '../sim/config.js';
import {completionTargets} from '../sim/step.js';
import type {ReplayTerms} from '../ui/dashboard/replay-snapshot.js';
import {formatComparison, formatReplay} from '../ui/replay-text.js';
import {parseCommand, positiveInt} from './args.js';
import {UsageError} from './errors.js';
import {emit, type Io} from './io.js';
import {canUseDashboard} from './mode.js';
import {parseSpeed} from './run.js';
import {REPLAY_USAGE} from './usage/replay.js';

export async function replayCommand(args: string[], io: Io): Promise<number> {
  const {values, positionals} = parseCommand(REPLAY_USAGE, args);
  if (positionals.length > 1) throw new UsageError(`replay takes one scenario or history, got ${positionals.length}`);
  const speed = parseSpeed(values.speed);
  const dashboard = !values.json && values.out === undefined && canUseDashboard();
  if (values.compare) {
    // `replay --compare [scenario]`: the model scenario over N seeds against the history.
    const runs = positiveInt('--runs', values.runs) ?? 100;
    const {config} = loadScenario(positionals[0] ?? 'afghanistan-2020');
    const replay = replayTimeline(loadHistory(values.history ?? 'afghanistan-2020'));
    const c = compareWithHistory(config, replay, runs);
    if (dashboard) {
      const band = modelBand(config, replay.days.length - 1, runs);
      const {runReplayDashboard} = await import('./dashboard.js');
      const code = await runReplayDashboard({replay, terms: termsOf(config), compare: {scenario: config.name, band}, speed});
      // The fit measures stay on screen under the dashboard's last frame.
      if (code === 0) io.stdout(formatComparison(config.name, c));
      return code;
    }
    emit(io, values.json ? `${JSON.stringify(c, null, 2)}\n` : formatComparison(config.name, c), values.out);
    return 0;
  }
  if (values.runs !== undefined) throw new UsageError('--runs goes with --compare');
  const replay = replayTimeline(loadHistory(values.history ?? positionals[0] ?? 'afghanistan-2020'));
  if (dashboard) {
    const {runReplayDashboard} = await import('./dashboard.js');
    return runReplayDashboard({replay, terms: recordTerms(replay), speed});
  }
  const text = values.json
    ? `${JSON.stringify({name: replay.history.name, start: replay.history.start, end: replay.history.end, milestones: replay.milestones, episodes: replay.episodes, days: replay.days.map(({events, ...d}) => ({...d, walkout: d.walkout && {since: d.walkout.since, id: d.walkout.event.id}, events: events.map((e) => e.id)}))}, null, 2)}\n`
    : formatReplay(replay);
  emit(io, text, values.out);
  return 0;
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
