// Calendar dates as day numbers, with integer arithmetic only (days-from-civil, H. Hinnant),
// so the engine never touches the wall clock or the platform's Date.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a proleptic Gregorian date. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Parses YYYY-MM-DD into an epoch day; null if it is not a real calendar date. */
export function parseIsoDate(iso: string): number | null {
  const match = ISO.exec(iso);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const epoch = daysFromCivil(y, m, d);
  const [y2, m2, d2] = civilFromDays(epoch);
  return y2 === y && m2 === m && d2 === d ? epoch : null;
}

export function formatIsoDate(epochDay: number): string {
  const [y, m, d] = civilFromDays(epochDay);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A run's calendar: day numbers (rounds) to dates, with rounds of `roundDays` days. */
export interface Calendar {
  readonly startEpoch: number;
  readonly roundDays: number;
}

export function dateOfDay(cal: Calendar, day: number): string {
  return formatIsoDate(cal.startEpoch + day * cal.roundDays);
}

/** The round a date falls in (rounded down), possibly negative or past the horizon. */
export function dayOfDate(cal: Calendar, iso: string): number | null {
  const epoch = parseIsoDate(iso);
  return epoch === null ? null : Math.floor((epoch - cal.startEpoch) / cal.roundDays);
}
