/**
 * The date and instant formats of the API, as pure checks: the GraphQL
 * scalars (date-scalars.ts) and the validation of values that come in other
 * ways (the CLI, article text, the demo file, export URLs) share them.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/** Years outside this range are typos in this domain ("0021-10-19", "20211-10"). */
const FIRST_YEAR = 1800;
const LAST_YEAR = 2200;

function realDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const inYears = (y: number) => y >= FIRST_YEAR && y <= LAST_YEAR;

/** A calendar day "2021-10-19" or a month "2021-10" (the month 01 to 12, the day real), years 1800 to 2200. */
export function isIsoDate(value: string): boolean {
  const day = DAY.exec(value);
  if (day) return inYears(Number(day[1])) && realDay(Number(day[1]), Number(day[2]), Number(day[3]));
  const month = MONTH.exec(value);
  return month !== null && inYears(Number(month[1])) && Number(month[2]) >= 1 && Number(month[2]) <= 12;
}

/**
 * An instant: an ISO 8601 date-time with seconds optional, up to nine
 * fraction digits and an offset or Z ("2021-11-30T12:00:00Z",
 * "2021-11-30T21:00+09:00"). A time without an offset names no instant.
 */
export function isIsoDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  if (!inYears(y) || !realDay(y, mo, d) || h > 23 || mi > 59 || s > 59) return false;
  return m[7] === 'Z' || (Number(m[9]) <= 23 && Number(m[10]) <= 59);
}
