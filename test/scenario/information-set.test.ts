// Scenarios dated by what was known (`information`, docs/information-sets.md): no value may cite a
// timeline row or seed article dated after that date, cite a row that does not exist, or come
// from nowhere (no citation, no "assumption" or "default" mark). The check is
// src/history/information-check.ts; the dates are the history file's rows, docs/sources.md's
// table for rows not in it, and the seed articles' table there.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {checkInformation, citationsIn, knownDates, latestDate, seedDates, sourcesRowDates, type KnownDates} from '../../src/history/information-check.js';
import {loadHistory} from '../../src/history/load.js';
import {bundledScenarioNames, readScenarioFile} from '../../src/scenario/load.js';
import {loadScenario} from '../../src/scenario/resolve.js';

const ROOT = new URL('../..', import.meta.url);
const SOURCES = readFileSync(new URL('docs/sources.md', ROOT), 'utf8');

/** The bundled scenarios that say what they knew, with their text and the dates of their history. */
const dated = bundledScenarioNames().flatMap((name) => {
  const {file, data} = readScenarioFile(name);
  const information = (data as {information?: unknown}).information;
  if (typeof information !== 'string') return [];
  const history = loadScenario(name).scenario.history;
  if (history === undefined) throw new Error(`${name} has an information date but no history to date its rows`);
  return [{name, information, text: readFileSync(file, 'utf8'), dates: knownDates(loadHistory(history), SOURCES)}];
});

describe('bundled scenarios know only what was known on their information date', () => {
  it('the three rolling origins are bundled and dated', () => {
    expect(dated.map((d) => [d.name, d.information])).toEqual([
      ['afghanistan-2020@2020-05-31', '2020-05-31'],
      ['afghanistan-2020@2020-06-30', '2020-06-30'],
      ['afghanistan-2020@2020-07-31', '2020-07-31'],
    ]);
  });

  it.each(dated.map((d) => [d.name, d] as const))('%s', (_, d) => {
    expect(checkInformation(d.text, d.dates).map((p) => p.message)).toEqual([]);
  });

  it.each(dated.map((d) => [d.name, d] as const))('%s keeps its history and its start', (_, d) => {
    const {scenario} = loadScenario(d.name);
    expect(scenario.history).toBe('afghanistan-2020');
    expect(scenario.start).toBe('2020-02-29');
  });
});

describe('the check fails where it should', () => {
  const june = dated.find((d) => d.name === 'afghanistan-2020@2020-06-30')!;

  it('on a doctored copy of the 30 June scenario: a row after 30 June, an unknown row, a later seed, an uncited value', () => {
    const doctored = june.text
      .replace(/^( {4}offList: 0 +)#.*$/m, '$1# 500 off-list prisoners freed 31 Jul - 2 Aug (T70)')
      .replace(/^( {4}serious: 15 +)#.*$/m, '$1# withheld (T999)')
      .replace(/^( {4}foreignShare: 0 +)#.*$/m, '$1# foreign fighters (seed 000)')
      .replace(/^( {6}maxBatch: 150) +#.*$/m, '$1')
      .replace('source: T41}', 'source: "T41, T79"}');
    expect(doctored).not.toBe(june.text);
    expect(checkInformation(doctored, june.dates).map((p) => p.message)).toEqual([
      'pools.government.offList: cites T70 (2020-07-31), after the information date 2020-06-30',
      'pools.government.serious: cites T999, which is not a row of the timeline (scenarios/history, docs/sources.md)',
      'pools.government.foreignShare: cites seed 000 (2020-07-08), after the information date 2020-06-30',
      'agents.government.params.maxBatch: cites no timeline row (T<row>) or seed article (seed 00k) and is not marked an assumption or a default',
      ...['date', 'type', 'severity', 'note', 'source'].map((k) => `events[4].${k}: cites T79 (2020-08-17), after the information date 2020-06-30`),
    ]);
  });

  it('on the same text dated a month earlier: the June rows it cites come after it', () => {
    const earlier = june.text.replace('information: 2020-06-30', 'information: 2020-05-31');
    const paths = checkInformation(earlier, june.dates).map((p) => p.message);
    expect(paths).toContain('agents.government.params.intervalDays: cites T52 (2020-06-09), after the information date 2020-05-31');
    expect(paths).toContain('agents.taliban.params.lagDays: cites T50 (2020-06-01), after the information date 2020-05-31');
  });

  it('on afghanistan-2020 itself, dated 30 June: the hindsight the origins remove', () => {
    const {file} = readScenarioFile('afghanistan-2020');
    const text = readFileSync(file, 'utf8').replace('start: 2020-02-29', 'start: 2020-02-29\ninformation: 2020-06-30');
    const messages = checkInformation(text, june.dates).map((p) => p.message);
    for (const expected of [
      'pools.government.offList: cites T70 (2020-07-31), after the information date 2020-06-30',
      'pools.government.serious: cites seed 000 (2020-07-08), after the information date 2020-06-30',
      'pools.taliban.specialForces: cites T81 (2020-08-20), after the information date 2020-06-30',
      'pools.government.commanders: cites no timeline row (T<row>) or seed article (seed 00k) and is not marked an assumption or a default',
      'events[10].trigger.lag: cites T79 (2020-08-17), after the information date 2020-06-30',
    ]) {
      expect(messages).toContain(expected);
    }
  });

  it('without an information date', () => {
    expect(checkInformation('name: x\nstart: 2020-02-29  # T2\n', june.dates)).toEqual([{path: 'information', message: 'no information date (YYYY-MM-DD) to check against'}]);
  });
});

describe('reading citations and dates', () => {
  it('finds rows, seeds and marks in a comment', () => {
    expect(citationsIn(' Taliban batches of 20 to 82 (T31, T68); seed article 004 and seeds 001 and 002')).toEqual({rows: ['T31', 'T68'], seeds: ['004', '001', '002'], marked: false});
    expect(citationsIn(' the policy default')).toEqual({rows: [], seeds: [], marked: true});
    expect(citationsIn(' an Assumption, not T-shirt sizes or STAT10')).toEqual({rows: [], seeds: [], marked: true});
  });

  it('dates a table cell by the latest day it names', () => {
    expect(latestDate('2020-03-30 → 31')).toBe('2020-03-31');
    expect(latestDate('2020-07-13/14')).toBe('2020-07-14');
    expect(latestDate('~2020-08-13 → 2020-08-17')).toBe('2020-08-17');
    expect(latestDate('2020-03-10 (signed late) / 2020-03-11 (details published)')).toBe('2020-03-11');
    expect(latestDate('2020-04-11 (±1 d)')).toBe('2020-04-11');
    expect(latestDate('–')).toBeNull();
  });

  it("reads docs/sources.md's rows and seeds", () => {
    const rows = sourcesRowDates(SOURCES);
    expect(rows.get('T2')).toBe('2020-02-29');
    expect(rows.get('T24')).toBe('2020-03-31');
    expect(rows.get('T62')).toBe('2020-07-14');
    expect(rows.get('T79')).toBe('2020-08-17');
    expect(Object.fromEntries(seedDates(SOURCES))).toEqual({'000': '2020-07-08', '001': '2020-04-09', '002': '2020-04-08', '003': '2020-04-07', '004': '2020-05-30'});
  });

  it('dates a row by its last day in the history file, and by docs/sources.md for a row not in it', () => {
    const dates: KnownDates = knownDates(loadHistory('afghanistan-2020'), '## Timeline rows used\n\n| T1 | 2020-02-22 → 2020-02-28 | … |\n| T14 | 2020-03-11 | … |\n');
    expect(dates.rows.get('T50')).toBe('2020-06-01'); // 30 May - 1 June
    expect(dates.rows.get('T14')).toBe('2020-03-10'); // the history file's date wins
    expect(dates.rows.get('T1')).toBe('2020-02-28'); // only in the table
    expect(dates.seeds.size).toBe(0);
  });

  it('every row the table lists is in the history file, on or after the date the file gives', () => {
    const events = new Map(loadHistory('afghanistan-2020').events.map((e) => [e.id, e]));
    for (const [row, date] of sourcesRowDates(SOURCES)) {
      expect(events.has(row), row).toBe(true);
      expect(date >= events.get(row)!.date, row).toBe(true);
    }
  });
});
