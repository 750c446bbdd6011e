import { badInput } from '../common/errors/error-code.js';
import { isIsoDateTime } from '../common/scalars/iso.js';
import { optionalIsoDate } from '../common/validation.js';

/**
 * recordedAt is an instant (a Neo4j DATETIME, UTC); the analysts' dates are
 * days or months. These turn what a client gives (an ISO day, month, or a
 * full date-time with a zone) into the inclusive instant bounds Cypher
 * compares recordedAt with (`s.recordedAt <= datetime($knownAsOf)`). Days
 * and months are UTC. Over GraphQL the values are DateOrDateTime scalars,
 * already checked; the checks here are the same rules (common/scalars/iso.ts).
 */

/** "What had been recorded by then": the last instant of the day or month, or the instant given. */
export function knownAsOfBound(field: string, value: string | null | undefined): string | null {
  const instant = instantOrNull(field, value);
  if (instant !== null) return instant;
  const date = optionalIsoDateOrInstantError(field, value);
  if (date === null) return null;
  return `${lastDayOf(date)}T23:59:59.999999999Z`;
}

/** "Recorded since": the first instant of the day or month, or the instant given. */
export function recordedSinceBound(field: string, value: string | null | undefined): string | null {
  const instant = instantOrNull(field, value);
  if (instant !== null) return instant;
  const date = optionalIsoDateOrInstantError(field, value);
  if (date === null) return null;
  return `${date.length === 7 ? `${date}-01` : date}T00:00:00Z`;
}

function instantOrNull(field: string, value: string | null | undefined): string | null {
  if (typeof value !== 'string' || !value.includes('T')) return null;
  const text = value.trim();
  if (!isIsoDateTime(text)) {
    throw badInput(field, `"${text.slice(0, 40)}" is not an ISO date-time with a zone (e.g. 2021-11-30T12:00:00Z)`);
  }
  return text;
}

function optionalIsoDateOrInstantError(field: string, value: string | null | undefined): string | null {
  try {
    return optionalIsoDate(field, value);
  } catch {
    throw badInput(
      field,
      `"${String(value).slice(0, 40)}" is not an ISO date (YYYY-MM-DD or YYYY-MM) or date-time with a zone`,
    );
  }
}

/** "2021-02" -> "2021-02-28"; a day stays itself. */
export function lastDayOf(date: string): string {
  if (date.length !== 7) return date;
  const [y, m] = date.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${date}-${String(days).padStart(2, '0')}`;
}
