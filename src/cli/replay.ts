// `parley replay [history]`: the 2020 timeline as the sources report it, and
// `parley replay --compare [scenario] [--runs N]`: the model against it. Plain text or --json for
// now; the dashboard replay with event navigation and date seeking is still to come (issue 4).
import {loadHistory} from '../history/load.js';
import {replayTimeline} from '../history/replay.js';
import {compareWithHistory} from '../analysis/compare.js';
import {loadScenario} from '../scenario/resolve.js';
import {formatComparison, formatReplay} from '../ui/replay-text.js';
import {parseCommand, positiveInt} from './args.js';
import {UsageError} from './errors.js';
import {emit, type Io} from './io.js';

export function replayCommand(args: string[], io: Io): number {
  const {values, positionals} = parseCommand('replay', args, {
    json: {type: 'boolean'},
    out: {type: 'string'},
    compare: {type: 'boolean'},
    runs: {type: 'string'},
    history: {type: 'string'},
  });
  if (positionals.length > 1) throw new UsageError(`replay takes one scenario or history, got ${positionals.length}`);
  if (values.compare) {
    // `replay --compare [scenario]`: the model scenario over N seeds against the history.
    const runs = positiveInt('--runs', values.runs) ?? 100;
    const {config} = loadScenario(positionals[0] ?? 'afghanistan-2020');
    const replay = replayTimeline(loadHistory(values.history ?? 'afghanistan-2020'));
    const c = compareWithHistory(config, replay, runs);
    emit(io, values.json ? `${JSON.stringify(c, null, 2)}\n` : formatComparison(config.name, c), values.out);
    return 0;
  }
  if (values.runs !== undefined) throw new UsageError('--runs goes with --compare');
  const replay = replayTimeline(loadHistory(values.history ?? positionals[0] ?? 'afghanistan-2020'));
  const text = values.json
    ? `${JSON.stringify({name: replay.history.name, start: replay.history.start, end: replay.history.end, milestones: replay.milestones, episodes: replay.episodes, days: replay.days.map(({events, ...d}) => ({...d, walkout: d.walkout && {since: d.walkout.since, id: d.walkout.event.id}, events: events.map((e) => e.id)}))}, null, 2)}\n`
    : formatReplay(replay);
  emit(io, text, values.out);
  return 0;
}
