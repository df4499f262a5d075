// formatSummary, the text `parley run` prints: a pure function of the report, tested on
// hand-made reports so every branch (outcomes, long lists, long text) is covered.
import {describe, expect, it} from 'vitest';
import type {RunReport} from '../../src/sim/report.js';
import {formatSummary} from '../../src/text/summary.js';
import {groupDigits} from '../../src/fmt/group-digits.js';
import {wrap} from '../../src/text/plain.js';
import {longLines} from '../helpers/cli.js';

function fakeReport(patch: Partial<RunReport> = {}): RunReport {
  const batch = (day: number, from: 'government' | 'taliban', count: number, unilateral = false) => ({day, date: `2020-04-${String(day).padStart(2, '0')}`, from, count, criteria: 'x', unilateral});
  return {
    scenario: 'test',
    seed: 's',
    version: '0.0.0',
    start: '2020-03-01',
    days: 30,
    rounds: 20,
    roundDays: 1,
    from: null,
    history: null,
    posterior: null,
    policies: {
      government: {policy: 'phased-conditional', params: {batchSize: 100}},
      taliban: {policy: 'ratio-releaser', params: {}},
      us: {policy: 'facilitator', params: {}},
    },
    outcome: {status: 'complete', day: 20, date: '2020-03-21'},
    targets: {government: 5000, taliban: 1000},
    stall: {walkoutDays: 7, noProgressDays: 14, redLineDays: 3, horizon: 14, rollouts: 200, confidence: 0.9, precision: 0.025},
    totals: {
      releasedByGovernment: 5500,
      releasedByTaliban: 1000,
      transferredToCustody: 6,
      offListReleases: 500,
      priorityCommandersReleased: 15,
      batches: 3,
      governmentBatches: 2,
      talibanBatches: 1,
      walkouts: 0,
      stallEpisodes: 1,
      stalledDays: 1,
    },
    peakStallRisk: {day: 4, date: '2020-03-05', p: 0.25, lo: 0.2, hi: 0.31, mode: 'onset', days: 3, cause: 'walk-out'},
    daily: [],
    batches: [batch(1, 'government', 4000), batch(2, 'taliban', 1000, true), batch(3, 'government', 1000)],
    walkouts: [],
    stallEpisodes: [],
    events: [],
    ...patch,
  };
}

describe('formatSummary', () => {
  it('gives the outcome, the totals against the targets, the batches and the policies', () => {
    const text = formatSummary(fakeReport());
    expect(text).toContain('test · seed s · from 2020-03-01, 30 days at most');
    expect(text).toContain('exchange complete on day 20 (2020-03-21)');
    expect(text.replace(/\s+/g, ' ')).toContain('government 5,006 of 5,000 on the list (6 of them to custody; also 500 off the list)');
    expect(text).toMatch(/^ {22}off the list\)$/m);
    expect(text).toContain('taliban    1,000 of 1,000 captives');
    expect(text).toContain('Stalls     1 episode, 1 day stalled');
    expect(text.replace(/\s+/g, ' ')).toContain('peak 25% (90% interval 20%–31%) on day 4 (2020-03-05): a long walk-out, 3 days ahead at the median');
    expect(text).toMatch(/2020-04-02 {2}taliban +1,000 {2}unilateral\n/);
    // Only parameters that differ from the policy's defaults are shown.
    expect(text).toMatch(/government +phased-conditional\n/);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('says how a run ended that did not complete', () => {
    const broken = formatSummary(fakeReport({outcome: {status: 'broken', day: 12, date: '2020-03-13'}}));
    expect(broken).toContain('talks broke down on day 12 (2020-03-13)');
    const row = {day: 30, date: '2020-03-31', releasedByGovernment: 0, releasedByTaliban: 0, transferredToCustody: 0, talks: 'active' as const, violence: 1, stalled: false, stallRisk: null};
    const open = formatSummary(fakeReport({outcome: {status: 'ongoing', day: null, date: null}, daily: [row], peakStallRisk: null}));
    expect(open).toContain('not finished after day 30 (2020-03-31)');
    expect(open).toContain('Stall risk not estimated');
    // Estimated every day, but the peak is over the days the talks are under way: there were none.
    const risky = {...row, talks: 'pending' as const, stallRisk: {p: 1, lo: 0.9, hi: 1, mode: 'onset' as const, days: 14, cause: 'no-progress' as const}};
    const unmet = formatSummary(fakeReport({outcome: {status: 'ongoing', day: null, date: null}, daily: [risky], peakStallRisk: null}));
    expect(unmet).toContain('Stall risk no peak: the talks never met');
  });

  it('lists the first batches and counts the rest', () => {
    const many = Array.from({length: 25}, (_, i) => ({day: i + 1, date: '2020-04-01', from: 'government' as const, count: 10, criteria: 'x', unilateral: false}));
    const text = formatSummary(fakeReport({batches: many}));
    expect(text.match(/^ +\d+ {2}2020-04-01/gm)).toHaveLength(10);
    expect(text).toContain('… 15 more');
    // One more than fits is shown rather than announced.
    const text11 = formatSummary(fakeReport({batches: many.slice(0, 11)}));
    expect(text11).not.toContain('more');
    expect(formatSummary(fakeReport({batches: []}))).toContain('Batches: none');
  });

  it('wraps long walk-out reasons, policy parameters and names within 80 columns', () => {
    const long = 'walks out: ' + 'no progress on the priority commanders '.repeat(4);
    const text = formatSummary(
      fakeReport({
        scenario: 'a-scenario-with-a-rather-long-name-for-a-classroom-exercise',
        seed: 'a-long-seed-string-too',
        roundDays: 7,
        walkouts: [
          {day: 5, date: '2020-03-06', by: 'taliban', reason: long, returnDay: 9, returnDate: '2020-03-10'},
          {day: 11, date: '2020-03-12', by: 'government', reason: 'short', returnDay: null, returnDate: null},
        ],
        policies: {
          government: {policy: 'phased-conditional', params: {batchSize: 200, growth: 2, maxBatch: 900, intervalDays: 9, trustThreshold: 0.9, criteria: 'low-danger'}},
          taliban: {policy: 'ratio-releaser', params: {}},
          us: {policy: 'facilitator', params: {}},
        },
      }),
    );
    expect(longLines(text)).toEqual([]);
    expect(text).toContain('30 rounds of 7 days at most');
    expect(text).toContain('returned on day 9 (2020-03-10)');
    expect(text).toContain('short; had not returned');
    expect(text).toContain('batchSize=200');
    expect(text).toContain('criteria=low-danger');
  });
});

describe('text helpers', () => {
  it('groups digits without depending on the locale', () => {
    expect([0, 999, 1000, 65535, 1234567, -4200, 12.5].map(groupDigits)).toEqual(['0', '999', '1,000', '65,535', '1,234,567', '-4,200', '12.5']);
  });

  it('wraps with a hanging indent and keeps words whole', () => {
    expect(wrap('aa bb cc dd', 8, '> ', 2)).toBe('> aa bb\n  cc dd');
    expect(wrap('averyveryverylongword x', 8, '', 0)).toBe('averyveryverylongword\nx');
  });
});
