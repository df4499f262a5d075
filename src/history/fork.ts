// The historical state on a date, as a fork the engine can start from: `parley run
// afghanistan-2020 --from 2020-04-07` simulates forward from what had happened by then.
import {InputError} from '../scenario/errors.js';
import type {LoadedScenario} from '../scenario/resolve.js';
import {parseIsoDate} from '../sim/calendar.js';
import type {Fork} from '../sim/fork.js';
import {dayOf, scenarioHistory} from './load.js';
import {isProgress, replayTimeline, type Replay} from './replay.js';
import type {HistoryFile} from './schema.js';

export function forkFromReplay(replay: Replay, date: string): Fork {
  const h = replay.history;
  if (parseIsoDate(date) === null) throw new InputError(`--from ${date}: not a date (YYYY-MM-DD)`);
  const day = dayOf(h, date);
  if (day < 0 || day >= replay.days.length) throw new InputError(`--from ${date}: outside the history (${h.start} to ${h.end})`);
  const today = replay.days[day]!;
  let lastProgressDay = 0;
  let convenedDay = -1;
  let priorityDemand = 0;
  for (const d of replay.days.slice(0, day + 1)) {
    if (d.events.some(isProgress)) lastProgressDay = d.day;
    if (convenedDay < 0 && d.talks !== 'pending') convenedDay = d.day;
    // The record ties the Taliban's named-commanders demand to their walk-out (15 on 7 April, T26).
    for (const e of d.events) if (e.talks === 'walk-out' && e.actor === 'taliban' && e.demanded !== undefined) priorityDemand = e.demanded;
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
    priorityDemand,
  };
}

/** The fork for `--from DATE` on a scenario that names its history (replayed once by the caller, or here). */
export function forkForScenario(loaded: LoadedScenario, date: string, replay: Replay | null = replayOf(scenarioHistory(loaded))): Fork {
  if (!replay) throw new InputError(`${loaded.file}: --from needs a scenario with a history (the field "history"); this one has none`, loaded.file);
  return forkFromReplay(replay, date);
}

const replayOf = (h: HistoryFile | null): Replay | null => (h ? replayTimeline(h) : null);
