// `parley replay [history]`: the 2020 timeline as the sources report it. Plain text (or --json)
// for now; the dashboard replay, --compare and date seeking are still to come (issue 4).
import {loadHistory} from '../history/load.js';
import {replayTimeline} from '../history/replay.js';
import {formatReplay} from '../ui/replay-text.js';
import {parseCommand} from './args.js';
import {UsageError} from './errors.js';
import {emit, type Io} from './io.js';

export function replayCommand(args: string[], io: Io): number {
  const {values, positionals} = parseCommand('replay', args, {json: {type: 'boolean'}, out: {type: 'string'}});
  if (positionals.length > 1) throw new UsageError(`replay takes one history, got ${positionals.length}`);
  const replay = replayTimeline(loadHistory(positionals[0] ?? 'afghanistan-2020'));
  const text = values.json
    ? `${JSON.stringify({name: replay.history.name, start: replay.history.start, end: replay.history.end, milestones: replay.milestones, episodes: replay.episodes, days: replay.days.map(({events, ...d}) => ({...d, walkout: d.walkout && {since: d.walkout.since, id: d.walkout.event.id}, events: events.map((e) => e.id)}))}, null, 2)}\n`
    : formatReplay(replay);
  emit(io, text, values.out);
  return 0;
}
