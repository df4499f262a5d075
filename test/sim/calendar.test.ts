import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
  civilFromDays,
  dateOfDay,
  dayOfDate,
  daysFromCivil,
  formatIsoDate,
  parseIsoDate,
  type Calendar,
} from '../../src/sim/calendar.js';

const DAY_MS = 86_400_000;
/** The platform's answer, as an independent oracle (tests may use Date; the engine may not). */
const viaDate = (epochDay: number): string => new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
const MIN_EPOCH = daysFromCivil(1, 1, 1);
const MAX_EPOCH = daysFromCivil(9999, 12, 31);

describe('calendar: civil dates and epoch days', () => {
  it('knows fixed dates', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(parseIsoDate('1970-01-01')).toBe(0);
    expect(parseIsoDate('1969-12-31')).toBe(-1);
    expect(parseIsoDate('2000-01-01')).toBe(10957);
    expect(parseIsoDate('2020-01-01')).toBe(18262);
    expect(parseIsoDate('2020-02-29')).toBe(18321);
    expect(parseIsoDate('2020-03-01')).toBe(18322);
    expect(civilFromDays(18321)).toEqual([2020, 2, 29]);
    expect(formatIsoDate(18322)).toBe('2020-03-01');
    expect(formatIsoDate(0)).toBe('1970-01-01');
  });

  it('accepts leap days only in leap years', () => {
    expect(parseIsoDate('2020-02-29')).not.toBeNull();
    expect(parseIsoDate('2000-02-29')).not.toBeNull(); // divisible by 400
    expect(parseIsoDate('2400-02-29')).not.toBeNull();
    expect(parseIsoDate('1900-02-29')).toBeNull(); // divisible by 100, not 400
    expect(parseIsoDate('2100-02-29')).toBeNull();
    expect(parseIsoDate('2019-02-29')).toBeNull();
    expect(parseIsoDate('2021-02-29')).toBeNull();
    expect(parseIsoDate('2020-02-28')! + 1).toBe(parseIsoDate('2020-02-29'));
    expect(parseIsoDate('2019-02-28')! + 1).toBe(parseIsoDate('2019-03-01'));
  });

  it.each([
    '2020-02-30',
    '2020-04-31',
    '2020-06-31',
    '2020-13-01',
    '2020-00-10',
    '2020-01-00',
    '2020-01-32',
    '2020-1-01',
    '20-01-01',
    '2020/03/01',
    ' 2020-03-01',
    '2020-03-01 ',
    '2020-03-01T00:00',
    '',
    'yesterday',
  ])('rejects %j', (text) => {
    expect(parseIsoDate(text)).toBeNull();
  });

  it('agrees with the platform calendar on every day from 1900 to 2100', () => {
    for (let z = daysFromCivil(1900, 1, 1); z <= daysFromCivil(2100, 12, 31); z++) {
      const iso = formatIsoDate(z);
      if (iso !== viaDate(z)) expect(iso).toBe(viaDate(z));
      if (parseIsoDate(iso) !== z) expect(parseIsoDate(iso)).toBe(z);
    }
  });

  it('round-trips any epoch day in years 1..9999', () => {
    fc.assert(
      fc.property(fc.integer({min: MIN_EPOCH, max: MAX_EPOCH}), (z) => {
        const iso = formatIsoDate(z);
        expect(iso).toBe(viaDate(z));
        expect(parseIsoDate(iso)).toBe(z);
        const [y, m, d] = civilFromDays(z);
        expect(daysFromCivil(y, m, d)).toBe(z);
      }),
      {numRuns: 2000},
    );
  });

  it('pads years to four digits', () => {
    expect(formatIsoDate(daysFromCivil(5, 3, 7))).toBe('0005-03-07');
    expect(parseIsoDate('0005-03-07')).toBe(daysFromCivil(5, 3, 7));
  });
});

describe('calendar: rounds', () => {
  const start = parseIsoDate('2020-02-29')!;

  it('maps rounds of one day to consecutive dates', () => {
    const cal: Calendar = {startEpoch: start, roundDays: 1};
    expect(dateOfDay(cal, 0)).toBe('2020-02-29');
    expect(dateOfDay(cal, 1)).toBe('2020-03-01');
    expect(dateOfDay(cal, 366)).toBe('2021-03-01');
    expect(dayOfDate(cal, '2020-03-01')).toBe(1);
    expect(dayOfDate(cal, '2020-02-28')).toBe(-1);
    expect(dayOfDate(cal, '2020-02-30')).toBeNull();
  });

  it('maps rounds of a week, rounding dates down to their round', () => {
    const cal: Calendar = {startEpoch: start, roundDays: 7};
    expect(dateOfDay(cal, 0)).toBe('2020-02-29');
    expect(dateOfDay(cal, 1)).toBe('2020-03-07');
    expect(dateOfDay(cal, 2)).toBe('2020-03-14');
    expect(dayOfDate(cal, '2020-02-29')).toBe(0);
    expect(dayOfDate(cal, '2020-03-06')).toBe(0);
    expect(dayOfDate(cal, '2020-03-07')).toBe(1);
    expect(dayOfDate(cal, '2020-03-13')).toBe(1);
    expect(dayOfDate(cal, '2020-02-28')).toBe(-1);
    expect(dayOfDate(cal, '2020-02-22')).toBe(-1);
    expect(dayOfDate(cal, '2020-02-21')).toBe(-2);
    expect(dayOfDate(cal, 'not a date')).toBeNull();
  });

  it('puts every date of a round back in that round, for any round length', () => {
    fc.assert(
      fc.property(
        fc.integer({min: daysFromCivil(1900, 1, 1), max: daysFromCivil(2100, 1, 1)}),
        fc.integer({min: 1, max: 30}),
        fc.integer({min: -500, max: 5000}),
        fc.nat(),
        (startEpoch, roundDays, day, offset) => {
          const cal: Calendar = {startEpoch, roundDays};
          expect(dayOfDate(cal, dateOfDay(cal, day))).toBe(day);
          const inside = formatIsoDate(startEpoch + day * roundDays + (offset % roundDays));
          expect(dayOfDate(cal, inside)).toBe(day);
        },
      ),
      {numRuns: 500},
    );
  });
});
