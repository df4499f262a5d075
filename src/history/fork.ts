// The historical state on a date, as a fork the engine can start from: `parley run
// afghanistan-2020 --from 2020-04-07` simulates forward from what had happened by then.
import {InputError} from '../scenario/errors.js';
import type {LoadedScenario} from '../scenario/resolve.js';
import {parseIsoDate} from '../sim/calendar.js';
import type {Fork} from '../sim/fork.js';
import {dayOf, loadHistory} from './load.js';
import {isProgress, replayTimeline, type Replay} from './replay.js';

export function forkFromReplay(replay: Replay, date: string): Fork {
  const h = replay.history;
  if (parseIsoDate(date) === null) throw new InputError(`--from ${date}: not a date (YYYY-MM-DD)`);
  const day = dayOf(h, date);
  if (day < 0 || day >= replay.days.length) throw new InputError(`--from ${date}: outside the history (${h.start} to ${h.end})`);
  const today = replay.days[day]!;
  let lastProgressDay = 0;
  let convenedDay = -1;
  for (const d of replay.days.slice(0, day + 1)) {
    if (d.events.some(isProgress)) lastProgressDay = d.day;
    if (convenedDay < 0 && d.talks !== 'pending') convenedDay = d.day;
  }
  return {
    day,
    released: {...today.released},
    talks: today.talks === 'open' ? 'active' : today.talks,
    walkout: today.walkout
      ? {since: today.walkout.since, reason: today.walkout.event.summary, governmentReleasedThen: replay.days[today.walkout.since]!.released.government}
      : null,
    convenedDay,
    lastProgressDay,
  };
}

/** The fork for `--from DATE` on a scenario that names its history. */
export function forkForScenario(loaded: LoadedScenario, date: string): Fork {
  const name = loaded.scenario.history;
  if (!name) throw new InputError(`${loaded.file}: --from needs a scenario with a history (the field "history"); this one has none`, loaded.file);
  const history = loadHistory(name);
  if (history.start !== loaded.scenario.start) {
    throw new InputError(`${loaded.file}: starts on ${loaded.scenario.start} but its history starts on ${history.start}; --from needs them to match`, loaded.file);
  }
  return forkFromReplay(replayTimeline(history), date);
}
