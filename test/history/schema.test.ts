// The history schema rejects broken files with a problem naming the field path, and the loader
// names the file. Each case breaks one thing in a copy of the bundled history.
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {stringify} from 'yaml';
import {loadHistory, parseHistory, resolveHistoryPath} from '../../src/history/load.js';
import type {HistoryFile} from '../../src/history/schema.js';
import {InputError} from '../../src/scenario/errors.js';

const bundled = loadHistory();
const copy = (): HistoryFile => structuredClone(bundled);
const index = (id: string) => bundled.events.findIndex((e) => e.id === id);

/** The problems a broken history reports, one "path: message" string each. */
function problems(raw: unknown): string[] {
  try {
    parseHistory(raw, 'bad.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).file).toBe('bad.yaml');
    const [head, ...rest] = (e as Error).message.split('\n');
    expect(head).toMatch(/^bad\.yaml: invalid/);
    return rest.map((line) => line.replace(/^ {2}- /, ''));
  }
  throw new Error('expected the history to be rejected');
}

describe('history schema', () => {
  it('accepts the bundled file as it is', () => {
    expect(parseHistory(copy(), 'ok.yaml')).toEqual(bundled);
  });

  it('rejects a decreasing series', () => {
    const h = copy();
    h.series.government[3]!.cumulative = 150; // below the 300 of the point before
    expect(problems(h)).toEqual([expect.stringMatching(/^series\.government\[3\]\.cumulative: 150 is less than 300 .*never decreases/)]);
  });

  it('rejects a series out of date order', () => {
    const h = copy();
    h.series.taliban[1]!.date = h.series.taliban[0]!.date;
    expect(problems(h)).toEqual([expect.stringMatching(/^series\.taliban\[1\]\.date: .*one point per date/)]);
  });

  it('rejects an event with no source, or a source that is not a URL', () => {
    const empty = copy();
    empty.events[4]!.sources = [];
    expect(problems(empty)).toEqual([expect.stringMatching(/^events\[4\]\.sources: every event needs at least one source/)]);

    const missing = copy();
    delete (missing.events[4] as Partial<HistoryFile['events'][number]>).sources;
    expect(problems(missing)).toEqual([expect.stringMatching(/^events\[4\]\.sources: /)]);

    const notUrl = copy();
    notUrl.events[4]!.sources = ['Reuters, 12 April'];
    expect(problems(notUrl)).toEqual(['events[4].sources[0]: expected an http(s) URL']);
  });

  it('rejects a duplicate id', () => {
    const h = copy();
    h.events[5]!.id = h.events[4]!.id;
    expect(problems(h)).toEqual([`events[5].id: ${h.events[4]!.id} repeats events[4]`]);
  });

  it('rejects an impossible date, and an until before the date', () => {
    const h = copy();
    h.events[0]!.date = '2020-02-30';
    expect(problems(h)).toEqual(['events[0].date: not a calendar date']);

    const format = copy();
    format.series.government[0]!.date = '8 April 2020';
    expect(problems(format)).toEqual(['series.government[0].date: expected a date as YYYY-MM-DD']);

    const backwards = copy();
    backwards.events[index('T46')]!.until = '2020-05-23';
    expect(problems(backwards)).toEqual([`events[${index('T46')}].until: 2020-05-23 is before the date (2020-05-24)`]);
  });

  it('rejects an unknown field, at the top level and inside an event', () => {
    const top = {...copy(), sourcse: []};
    expect(problems(top)).toEqual(['(top level): unknown field "sourcse"']);

    const h = copy();
    Object.assign(h.events[2]!, {relased: 100});
    expect(problems(h)).toEqual(['events[2]: unknown field "relased"; did you mean released?']);
  });

  it('rejects a disagreement whose choice is not the main field or not among its values', () => {
    const h = copy();
    const i = index('T34');
    h.events[i]!.released = 40; // the NSC's figure, but the disagreement chose 20
    expect(problems(h)).toEqual([`events[${i}].disagreement.released.chosen: chosen 20 is not the released given (40)`]);

    const lone = copy();
    lone.events[i]!.disagreement!.released!.values = [20];
    expect(problems(lone)).toEqual([`events[${i}].disagreement.released.values: keep at least two values`]);

    const stray = copy();
    stray.events[i]!.disagreement!.released!.values = [30, 40];
    expect(problems(stray)).toEqual([`events[${i}].disagreement.released.chosen: chosen 20 is not among the values`]);
  });

  it('rejects release numbers without a side, and a series citing a row that is not an event', () => {
    const h = copy();
    const i = index('T27');
    delete h.events[i]!.side;
    expect(problems(h)).toEqual([`events[${i}].side: say whose releases the numbers count (government or taliban)`]);

    const cited = copy();
    cited.series.government[0]!.sources = ['T1'];
    expect(problems(cited)).toEqual(['series.government[0].sources[0]: T1 is not an event in this file']);
  });
});

describe('loading histories', () => {
  it('loads the bundled history by name and by path', () => {
    const path = resolveHistoryPath('afghanistan-2020');
    expect(path).toMatch(/scenarios[/\\]history[/\\]afghanistan-2020\.yaml$/);
    expect(loadHistory(path)).toEqual(bundled);
  });

  it('names the file and the field path when a file on disk is broken', () => {
    const h = copy();
    h.series.taliban[2]!.cumulative = 1;
    const file = join(mkdtempSync(join(tmpdir(), 'parley-history-')), 'broken.yaml');
    writeFileSync(file, stringify(h));
    expect(() => loadHistory(file)).toThrow(InputError);
    expect(() => loadHistory(file)).toThrow(`${file}: invalid`);
    expect(() => loadHistory(file)).toThrow(/series\.taliban\[2\]\.cumulative: 1 is less than 40/);
  });

  it('says which histories are bundled when the name is unknown, and the near miss', () => {
    expect(() => loadHistory('afghanistan-2021')).toThrow(/afghanistan-2021: no such history file or bundled history; did you mean afghanistan-2020\? \(bundled: afghanistan-2020\)/);
    expect(() => loadHistory('tunisia')).toThrow(/tunisia: no such history file or bundled history \(bundled: afghanistan-2020\)/);
  });
});
