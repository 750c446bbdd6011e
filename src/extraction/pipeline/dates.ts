/**
 * Date expressions in text, resolved against the publication date.
 * Output is 'YYYY-MM-DD', 'YYYY-MM' or null (unknown or year-only).
 * Rules: a weekday is the most recent such day on or before publication;
 * a month-day without a year takes the publication year, moving back a year
 * if it would fall after publication; with a month-precision publication date
 * a weekday can only resolve to that month.
 */

export type DateKind = 'iso' | 'day' | 'month' | 'weekday' | 'relative' | 'year';

export interface DateMention {
  start: number;
  end: number;
  text: string;
  kind: DateKind;
  value: string | null;
  /** the expression points after publication ("next month", "tomorrow") */
  future: boolean;
}

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

const MONTH_RE =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const DAY_RE = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR_RE = '((?:19|20)\\d{2})';

// One scanner, alternatives in priority order; each alternative's groups are
// read by position in `interpret`.
const DATE_RE = new RegExp(
  [
    `\\b(\\d{4})-(\\d{2})-(\\d{2})\\b`, // 1-3 iso
    `\\b${MONTH_RE}\\s+${DAY_RE}(?:,?\\s+${YEAR_RE}\\b|\\s+(this|last|next)\\s+year\\b)?(?![\\w-])`, // 4-7 month day [year]
    `\\b${DAY_RE}\\s+${MONTH_RE}(?:,?\\s+${YEAR_RE}\\b)?`, // 8-10 day month [year]
    `\\b((?:earlier|early|late|later|mid-?|end of|the end of)\\s+)?(this|last|next|past)\\s+(month|year|week)\\b`, // 11-13
    `\\b(?:(last|next|this|on|since|by|until)\\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b`, // 14-15
    // (not a month with its day after it: "since October 7" is the day, read by 4-7)
    `\\b(in|since|by|until|from|during|through|early|late|mid-|mid|of|last|this|next|before|after)\\s+${MONTH_RE}(?!\\s+\\d{1,2}(?:st|nd|rd|th)?\\b)(?:,?\\s+${YEAR_RE})?(?:\\s+(this|last|next)\\s+year)?\\b`, // 16-19
    `\\b${MONTH_RE}\\s+${YEAR_RE}\\b`, // 20-21
    `\\b(yesterday|today|tomorrow|(?:[Ee]arlier|[Ll]ater) in the day)\\b`, // 22 ("earlier in the day": the report's day)
    `\\b(?:in|since|by|until|from|during|of|before|after)\\s+${YEAR_RE}\\b`, // 23
  ].join('|'),
  'g',
);

interface Pub {
  y: number;
  m: number;
  d: number | null;
}

export function parsePublished(publishedOn: string | null | undefined): Pub | null {
  if (!publishedOn) return null;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(publishedOn);
  if (!m) return null;
  return { y: Number(m[1]), m: Number(m[2]), d: m[3] ? Number(m[3]) : null };
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
const fmtDay = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;
const fmtMonth = (y: number, m: number): string => `${y}-${pad(m)}`;

function validDay(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

function shiftMonth(y: number, m: number, delta: number): [number, number] {
  const idx = y * 12 + (m - 1) + delta;
  return [Math.floor(idx / 12), (idx % 12) + 1];
}

function monthOf(word: string): number {
  return MONTHS[word.toLowerCase().replace('.', '')] ?? 0;
}

/** Year for a month (and day) with no year given: the latest not after publication. */
function inferYear(pub: Pub, month: number, day: number | null, relYear: string | undefined): number {
  if (relYear === 'this') return pub.y;
  if (relYear === 'last') return pub.y - 1;
  if (relYear === 'next') return pub.y + 1;
  if (month > pub.m) return pub.y - 1;
  if (month === pub.m && day !== null && pub.d !== null && day > pub.d) return pub.y - 1;
  return pub.y;
}

function interpret(
  g: Array<string | undefined>,
  pub: Pub | null,
): { kind: DateKind; value: string | null; future: boolean } {
  // iso
  if (g[1]) {
    const [y, m, d] = [Number(g[1]), Number(g[2]), Number(g[3])];
    return { kind: 'iso', value: validDay(y, m, d) ? fmtDay(y, m, d) : null, future: false };
  }
  // month day [year]
  if (g[4]) {
    const month = monthOf(g[4]);
    const day = Number(g[5]);
    if (g[6]) {
      const y = Number(g[6]);
      return { kind: 'day', value: validDay(y, month, day) ? fmtDay(y, month, day) : null, future: false };
    }
    if (!pub) return { kind: 'day', value: null, future: false };
    const y = inferYear(pub, month, day, g[7]);
    return { kind: 'day', value: validDay(y, month, day) ? fmtDay(y, month, day) : null, future: g[7] === 'next' };
  }
  // day month [year]
  if (g[8]) {
    const day = Number(g[8]);
    const month = monthOf(g[9]!);
    const y = g[10] ? Number(g[10]) : pub ? inferYear(pub, month, day, undefined) : null;
    return { kind: 'day', value: y !== null && validDay(y, month, day) ? fmtDay(y, month, day) : null, future: false };
  }
  // this/last/next month|year|week
  if (g[12]) {
    const rel = g[12].toLowerCase();
    const unit = g[13]!.toLowerCase();
    const future = rel === 'next';
    if (pub && unit === 'week' && pub.d !== null && rel !== 'next') {
      // a week resolves to its month when the whole week lies in one month
      const base = Date.UTC(pub.y, pub.m - 1, pub.d);
      const from = new Date(base - (rel === 'this' ? 6 : 7) * 86400000);
      const to = new Date(base - (rel === 'this' ? 0 : 1) * 86400000);
      const same = from.getUTCMonth() === to.getUTCMonth() && from.getUTCFullYear() === to.getUTCFullYear();
      return { kind: 'relative', value: same ? fmtMonth(from.getUTCFullYear(), from.getUTCMonth() + 1) : null, future };
    }
    if (!pub || unit !== 'month') return { kind: 'relative', value: null, future };
    const delta = rel === 'last' || rel === 'past' ? -1 : rel === 'next' ? 1 : 0;
    const [y, m] = shiftMonth(pub.y, pub.m, delta);
    return { kind: 'relative', value: fmtMonth(y, m), future };
  }
  // weekday
  if (g[15]) {
    const rel = (g[14] ?? '').toLowerCase();
    const future = rel === 'next';
    if (!pub) return { kind: 'weekday', value: null, future };
    if (pub.d === null) return { kind: 'weekday', value: fmtMonth(pub.y, pub.m), future };
    const wd = WEEKDAYS[g[15].toLowerCase()];
    const base = Date.UTC(pub.y, pub.m - 1, pub.d);
    const pubDow = new Date(base).getUTCDay();
    let diff = (pubDow - wd + 7) % 7;
    if (future) diff = -((wd - pubDow + 7) % 7 || 7);
    else if (rel === 'last' && diff === 0) diff = 7;
    const dt = new Date(base - diff * 86400000);
    return { kind: 'weekday', value: fmtDay(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()), future };
  }
  // [prep] month [year]
  if (g[17]) {
    const month = monthOf(g[17]);
    const prep = g[16]!.toLowerCase();
    if (g[18]) return { kind: 'month', value: fmtMonth(Number(g[18]), month), future: false };
    if (!pub) return { kind: 'month', value: null, future: false };
    const rel = g[19] ?? (prep === 'last' || prep === 'this' || prep === 'next' ? prep : undefined);
    const y = inferYear(pub, month, null, rel);
    return { kind: 'month', value: fmtMonth(y, month), future: rel === 'next' };
  }
  // month year
  if (g[20]) return { kind: 'month', value: fmtMonth(Number(g[21]), monthOf(g[20])), future: false };
  // yesterday / today / tomorrow
  if (g[22]) {
    const w = g[22].toLowerCase();
    const delta = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
    if (!pub) return { kind: 'relative', value: null, future: delta > 0 };
    if (pub.d === null) return { kind: 'relative', value: fmtMonth(pub.y, pub.m), future: delta > 0 };
    const dt = new Date(Date.UTC(pub.y, pub.m - 1, pub.d) + delta * 86400000);
    return {
      kind: 'relative',
      value: fmtDay(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()),
      future: delta > 0,
    };
  }
  // a bare year: known, but below the precision we store
  return { kind: 'year', value: null, future: false };
}

/** All date expressions in `text`, left to right. */
export function findDates(text: string, publishedOn: string | null | undefined): DateMention[] {
  const pub = parsePublished(publishedOn);
  const out: DateMention[] = [];
  DATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE_RE.exec(text))) {
    // "May" and "March" as month names need a day, a year or a preposition: the
    // alternatives above already demand one of those.
    const r = interpret(m as unknown as Array<string | undefined>, pub);
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], ...r });
  }
  return out;
}

/** Resolve one expression ("Oct. 19", "said Saturday", "last month"). */
export function resolveDate(expression: string, publishedOn: string | null | undefined): string | null {
  const found = findDates(expression, publishedOn);
  return found.length ? found[0].value : null;
}

/** a <= b for ISO dates of possibly different precision (compared on the common prefix). */
export function dateCompatible(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}

/** The more precise of two compatible dates. */
export function morePrecise(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return b.length > a.length ? b : a;
}
