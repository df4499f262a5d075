// What `npm run history` reports (its entry point: src/cli/scripts/history.ts): the
// afghanistan-2020 scenario over many seeds, its milestones set against the dated 2020 timeline
// (docs/afghanistan-2020.md shows the output). Sources of the historical days: docs/sources.md.
import {loadScenario} from '../scenario/resolve.js';
import {dayOfDate} from '../sim/calendar.js';
import {runSimulation} from '../sim/run.js';
import {distribution, milestones, type Milestones} from './milestones.js';

/** What happened in 2020, as dates; converted to days of the scenario below. */
export const HISTORY_2020: readonly {key: keyof Milestones; label: string; date: string; source: string}[] = [
  {key: 'firstWalkout', label: 'Taliban walk-out', date: '2020-04-07', source: 'T26'},
  {key: 'firstGovernmentRelease', label: 'first government release', date: '2020-04-08', source: 'T27'},
  {key: 'firstTalibanRelease', label: 'first Taliban release', date: '2020-04-12', source: 'T31'},
  {key: 'ratified', label: 'ratification (Loya Jirga)', date: '2020-08-09', source: 'T75'},
  {key: 'complete', label: 'exchange complete (last 6 to Qatar)', date: '2020-09-10', source: 'T85'},
];

/** Observed cumulative releases (government figures; Taliban claims): the T rows of docs/sources.md. */
export const OBSERVED_2020: readonly {date: string; government?: number; taliban?: number; source: string}[] = [
  {date: '2020-04-12', taliban: 20, source: 'T31'},
  {date: '2020-04-13', government: 361, source: 'T32'},
  {date: '2020-05-02', government: 748, source: 'T37'},
  {date: '2020-05-31', government: 2710, taliban: 420, source: 'T50'},
  {date: '2020-07-01', government: 3895, taliban: 732, source: 'T56'},
  {date: '2020-07-30', taliban: 1005, source: 'T68'},
  {date: '2020-08-02', government: 4917, source: 'T71'},
];

export type HistoryCheck = ReturnType<typeof historyCheck>;

/** The scenario over seeds history-0 … history-(runs − 1): outcomes, milestones, releases at the observed dates. */
export function historyCheck(runs: number) {
  const all: Milestones[] = [];
  let cal: {startEpoch: number; roundDays: number} | undefined;
  const cumulative = OBSERVED_2020.map(() => ({government: [] as number[], taliban: [] as number[]}));
  for (let i = 0; i < runs; i++) {
    const {config} = loadScenario('afghanistan-2020', {seed: `history-${i}`});
    cal = config.calendar;
    const result = runSimulation(config, {stallRisk: false});
    all.push(milestones(result));
    const d = result.daily;
    OBSERVED_2020.forEach((o, k) => {
      // A run that ended early keeps its final totals.
      const row = Math.min(dayOfDate(config.calendar, o.date)!, d.length) - 1;
      cumulative[k]!.government.push(row >= 0 ? d.govReleased[row]! : 0);
      cumulative[k]!.taliban.push(row >= 0 ? d.talReleased[row]! : 0);
    });
  }
  const releases = OBSERVED_2020.map((o, k) => ({
    date: o.date,
    day: dayOfDate(cal!, o.date)!,
    source: o.source,
    observed: {government: o.government ?? null, taliban: o.taliban ?? null},
    model: {government: distribution(cumulative[k]!.government), taliban: distribution(cumulative[k]!.taliban)},
  }));
  const outcomes = {complete: 0, broken: 0, ongoing: 0};
  for (const m of all) outcomes[m.outcome]++;
  const rows = HISTORY_2020.map((h) => ({
    milestone: h.label,
    historicalDay: dayOfDate(cal!, h.date)!,
    date: h.date,
    source: h.source,
    model: distribution(all.map((m) => m[h.key] as number | null)),
  }));
  const unilateral = distribution(all.map((m) => m.unilateralGovernmentBatches));
  const episodes = distribution(all.map((m) => m.stallEpisodes));
  const longest = distribution(all.map((m) => m.longestStall));
  return {runs, outcomes, milestones: rows, releases, unilateralGovernmentBatches: unilateral, stallEpisodes: episodes, longestStall: longest};
}

/** The report as the table docs/afghanistan-2020.md shows. */
export function historyCheckText(check: HistoryCheck): string {
  const {runs, outcomes, milestones: rows, releases, unilateralGovernmentBatches: unilateral, stallEpisodes: episodes, longestStall: longest} = check;
  const pct = (x: number): string => `${Math.round(100 * x)}%`;
  const out = [`afghanistan-2020 over ${runs} seeds (history-0 .. history-${runs - 1})`, `outcomes: complete ${outcomes.complete}, broken down ${outcomes.broken}, unfinished at the horizon ${outcomes.ongoing}`, ''];
  out.push('milestone                               2020 (day)         model: median [10%-90%]   happened');
  for (const r of rows) {
    const m = r.model;
    const model = m.median === null ? '—' : `${m.median} [${m.p10}-${m.p90}]`;
    out.push(`${r.milestone.padEnd(40)}${`${r.date} (${r.historicalDay})`.padEnd(19)}${model.padEnd(26)}${pct(m.share)}`);
  }
  out.push('', 'cumulative releases        government: 2020   model median [10%-90%]     Taliban: 2020   model median [10%-90%]');
  const cell = (obs: number | null, m: {median: number | null; p10: number | null; p90: number | null}): string =>
    obs === null ? ''.padEnd(40) : `${String(obs).padStart(5)}   ${`${m.median} [${m.p10}-${m.p90}]`.padEnd(32)}`;
  for (const r of releases) {
    out.push(`${`${r.date} (${r.day}) ${r.source}`.padEnd(27)}${cell(r.observed.government, r.model.government)}${cell(r.observed.taliban, r.model.taliban)}`);
  }
  out.push('', `unilateral government batches per run: median ${unilateral.median} [${unilateral.p10}-${unilateral.p90}] (2020: the April batches of 8, 9 and 11 April were unilateral, T27-T30)`);
  out.push(`stall episodes per run: median ${episodes.median} [${episodes.p10}-${episodes.p90}]; longest stall: median ${longest.median} days [${longest.p10}-${longest.p90}]`);
  return `${out.join('\n')}\n`;
}
