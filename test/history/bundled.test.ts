// The bundled 2020 history: it validates, every event is sourced, the series are sound, and the
// anchors the rest of parley relies on (docs/sources.md, test/analysis/against-history.test.ts)
// hold.
import {describe, expect, it} from 'vitest';
import {cumulativeOn, dayOf, eventsOn, loadHistory} from '../../src/history/load.js';
import {SIDES, type HistoryEvent} from '../../src/history/schema.js';

const history = loadHistory();

function event(id: string): HistoryEvent {
  const e = history.events.find((x) => x.id === id);
  if (!e) throw new Error(`no event ${id}`);
  return e;
}

/** Every disagreement of events and series points, with the value its main field holds. */
const disagreements = [
  ...history.events.map((e) => ({where: e.id, item: e as Record<string, unknown>})),
  ...SIDES.flatMap((side) => history.series[side].map((p) => ({where: `${side} ${p.date}`, item: p as Record<string, unknown>}))),
].flatMap(({where, item}) =>
  Object.entries((item['disagreement'] ?? {}) as Record<string, {values: unknown[]; chosen: unknown}>).map(([field, d]) => ({where: `${where} ${field}`, main: item[field], ...d})),
);

describe('bundled history afghanistan-2020', () => {
  it('validates and covers the timeline from 29 February to 12 September 2020', () => {
    expect(history.start).toBe('2020-02-29');
    expect(history.end).toBe('2020-09-12');
    expect(history.events[0]!.date).toBe('2020-02-29');
    expect(history.events.at(-1)!.date).toBe('2020-09-12');
    expect(history.context).toMatch(/^T1 /);
  });

  it('has one event per timeline row 2 to 87, with unique T<row> ids', () => {
    const ids = history.events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^T\d+$/);
    const rows = ids.map((id) => Number(id.slice(1))).sort((a, b) => a - b);
    expect(rows).toEqual(Array.from({length: 86}, (_, i) => i + 2));
  });

  it('has no event without a source, and every source is an http(s) URL', () => {
    for (const e of history.events) {
      expect(e.sources.length, e.id).toBeGreaterThan(0);
      for (const s of e.sources) expect(['http:', 'https:'], `${e.id} ${s}`).toContain(new URL(s).protocol);
    }
  });

  it('keeps events in date order, with spans that end on or after they start', () => {
    history.events.forEach((e, i) => {
      if (i > 0) expect(e.date >= history.events[i - 1]!.date, e.id).toBe(true);
      if (e.until) expect(e.until > e.date, e.id).toBe(true);
    });
  });

  it('has release numbers only with the side they count', () => {
    for (const e of history.events) {
      if (e.released !== undefined || e.cumulative !== undefined) expect(e.side, e.id).toBeDefined();
    }
  });

  it.each(SIDES)('has a %s series sorted by date that never decreases, citing events of the file', (side) => {
    const series = history.series[side];
    expect(series.length).toBeGreaterThan(10);
    const ids = new Set(history.events.map((e) => e.id));
    series.forEach((p, i) => {
      for (const s of p.sources) expect(ids.has(s), `${side} ${p.date} ${s}`).toBe(true);
      if (i === 0) return;
      expect(p.date > series[i - 1]!.date, p.date).toBe(true);
      expect(p.cumulative, p.date).toBeGreaterThanOrEqual(series[i - 1]!.cumulative);
    });
  });

  it('keeps at least two values in every disagreement, the chosen one among them and in the main field', () => {
    expect(disagreements.length).toBeGreaterThanOrEqual(20);
    for (const d of disagreements) {
      expect(d.values.length, d.where).toBeGreaterThanOrEqual(2);
      expect(new Set(d.values).size, d.where).toBe(d.values.length);
      expect(d.values, d.where).toContain(d.chosen);
      expect(d.main, d.where).toBe(d.chosen);
    }
  });

  it('gives every row that keeps the weaker of two grades the weakest grade its note names', () => {
    const rank = {M: 0, W: 1, C: 2, C2: 3} as const;
    const split = history.events.filter((e) => e.note?.includes('weaker grade'));
    expect(split.map((e) => e.id)).toEqual(expect.arrayContaining(['T5', 'T30', 'T73']));
    for (const e of split) {
      const named = [...e.note!.matchAll(/\b(C2|C|W|M)\b/g)].map((m) => m[1] as keyof typeof rank);
      expect(named.length, e.id).toBeGreaterThanOrEqual(2);
      expect(e.confidence, e.id).toBe(named.sort((a, b) => rank[a] - rank[b])[0]);
    }
  });

  it('records the disagreements the timeline names', () => {
    expect(event('T30').disagreement?.date?.values).toEqual(['2020-04-11', '2020-04-12']);
    expect(event('T34').disagreement?.released?.values).toEqual([20, 40]);
    expect(event('T45').disagreement?.date?.values).toEqual(['2020-05-24', '2020-05-25']);
    expect(event('T57').disagreement?.withheld?.values).toEqual([597, 592, 600]);
    expect(event('T82').disagreement?.reciprocal?.values).toEqual([4, 6, 24]);
    expect(event('T84').disagreement?.withheld?.values).toEqual([6, 7]);
    const on = (date: string) => history.series.government.find((p) => p.date === date)!;
    expect(on('2020-05-31').disagreement?.cumulative?.values).toContain(3000); // Raha Press
    expect(on('2020-08-18').disagreement?.cumulative?.values).toContain(6000); // Sediqqi
  });
});

describe('anchors from the timeline', () => {
  it('puts day 0 on 29 February 2020', () => {
    expect(dayOf(history, '2020-02-29')).toBe(0);
    expect(dayOf(history, '2020-03-01')).toBe(1); // 2020 is a leap year
    expect(dayOf(history, '2020-02-28')).toBe(-1);
  });

  it('keeps the terms of the agreement consistent: the 10 March deadline (T2) is the day T13 finds missed', () => {
    expect(event('T2').numbers).toContain('deadline 2020-03-10');
    expect(event('T2').summary).toMatch(/up to 5,000 .* up to 1,000 .* 10 March/);
    expect(event('T13')).toMatchObject({date: '2020-03-10', type: 'deadline'});
  });

  it('counts the three months for the remaining prisoners from the start of talks (T4), graded C on a Taliban and a US report', () => {
    const t4 = event('T4');
    expect(t4.summary).toMatch(/within 3 months of the start of intra-Afghan talks/);
    expect(t4.summary).not.toMatch(/first release/);
    expect(t4.confidence).toBe('C');
    expect(t4.sources).toEqual(expect.arrayContaining([
      expect.stringContaining('dailytimes.com.pk'), // the Taliban leader, 2021
      expect.stringContaining('afghanpeacewatch.org'), // the US chargé d'affaires, Dec 2020
    ]));
    // Three months after talks opened (T87, 12 September) is Wilson's 'roughly mid-December'.
    expect(event('T87').date).toBe('2020-09-12');
  });

  it('has the walk-out on 7 April 2020 (T26), day 38', () => {
    expect(event('T26')).toMatchObject({date: '2020-04-07', type: 'walk-out', actor: 'taliban'});
    expect(eventsOn(history, 38).map((e) => e.id)).toEqual(['T26']);
  });

  it('has the first government release on 8 April 2020, 100 prisoners (T27)', () => {
    const first = history.events.find((e) => e.type === 'release-batch' && e.side === 'government');
    expect(first).toMatchObject({id: 'T27', date: '2020-04-08', released: 100, cumulative: 100});
    const day = dayOf(history, '2020-04-08');
    expect(day).toBe(39);
    expect(cumulativeOn(history, 'government', day - 1)).toBe(0);
    expect(cumulativeOn(history, 'government', day)).toBe(100);
  });

  it('has the government at 2,710 on 31 May and 1 June (T50) and 4,917 on 2 August (T71)', () => {
    expect(event('T50')).toMatchObject({released: 710, cumulative: 2710, side: 'government'});
    expect(event('T71')).toMatchObject({released: 317, cumulative: 4917, side: 'government'});
    expect(cumulativeOn(history, 'government', dayOf(history, '2020-05-31'))).toBe(2710);
    expect(cumulativeOn(history, 'government', dayOf(history, '2020-06-01'))).toBe(2710);
    expect(cumulativeOn(history, 'government', dayOf(history, '2020-08-02'))).toBe(4917);
  });

  it('has the Taliban at 1,005 on 30 July (T68), and nothing before 12 April (T31)', () => {
    expect(event('T68')).toMatchObject({date: '2020-07-30', cumulative: 1005, side: 'taliban'});
    expect(cumulativeOn(history, 'taliban', dayOf(history, '2020-07-30'))).toBe(1005);
    expect(cumulativeOn(history, 'taliban', dayOf(history, '2020-04-11'))).toBe(0);
    expect(cumulativeOn(history, 'taliban', dayOf(history, '2020-04-12'))).toBe(20);
  });

  it('has the talks open on 12 September 2020 (T87), the last day', () => {
    expect(event('T87')).toMatchObject({date: '2020-09-12', type: 'talks'});
    expect(eventsOn(history, dayOf(history, '2020-09-12')).map((e) => e.id)).toEqual(['T87']);
  });

  it('counts spans on every day they cover', () => {
    // The Eid al-Fitr truce spans 24-26 May (T46); Ghani's pledge (T45) and the ~900 (T48) fall in it.
    const ids = (date: string) => eventsOn(history, dayOf(history, date)).map((e) => e.id);
    expect(ids('2020-05-24')).toEqual(expect.arrayContaining(['T45', 'T46']));
    expect(ids('2020-05-26')).toEqual(expect.arrayContaining(['T46', 'T48']));
    expect(ids('2020-05-27')).not.toContain('T46');
  });

  it('keeps the last reported total after the last report', () => {
    const last = history.series.government.at(-1)!;
    expect(cumulativeOn(history, 'government', 10_000)).toBe(last.cumulative);
  });
});
