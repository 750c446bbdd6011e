import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { ScalarInputError } from '../errors/error-code.js';
import { isIsoDate, isIsoDateTime } from './iso.js';

/**
 * The API's dates and instants as custom scalars, checked where they enter:
 * a value that is not one is refused before any resolver runs, with
 * extensions.code BAD_USER_INPUT (ScalarInputError; format-error.ts keeps
 * graphql's message, which names the argument or variable). Values stay
 * ISO strings inside the service: month precision ("2021-10") is a fact
 * about a source, not a day to invent, and strings compare in Cypher as
 * the dates do.
 */
function isoScalar(name: string, description: string, accepts: (value: string) => boolean, what: string) {
  const check = (value: unknown): string => {
    if (typeof value !== 'string') throw new ScalarInputError(`a ${name} is a string (${what})`);
    if (!accepts(value)) throw new ScalarInputError(`"${value.slice(0, 40)}" is not a ${name} (${what})`);
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    specifiedByURL: 'https://www.iso.org/iso-8601-date-and-time-format.html',
    // What the service answers comes from its own graph, written through these same checks: it is
    // passed through (a non-string is an internal error), not validated again on every row of every
    // answer, where the calendar check cost 10-30% of the server's CPU on timelines and alignments
    // (bench, before and after).
    serialize: (value) => {
      if (typeof value === 'string') return value;
      throw new TypeError(`${name} cannot represent ${JSON.stringify(value)?.slice(0, 40)}`);
    },
    parseValue: (value) => check(value),
    parseLiteral: (node: ValueNode) => {
      if (node.kind !== Kind.STRING) throw new ScalarInputError(`a ${name} is a string (${what})`);
      return check(node.value);
    },
  });
}

export const DateScalar = isoScalar(
  'Date',
  'A calendar date at day or month precision: "YYYY-MM-DD" ("2021-10-19") or "YYYY-MM" ("2021-10") when only the month is known, years 1800 to 2200. Month precision is kept as it is, never turned into a day: as an upper bound ("to", "asOf") a month includes all its days. Compared by the calendar, not a time zone.',
  isIsoDate,
  'YYYY-MM-DD or YYYY-MM, a real calendar date',
);

export const DateTimeScalar = isoScalar(
  'DateTime',
  'An instant: an ISO 8601 date-time with an offset or Z, seconds and up to nine fraction digits optional ("2021-11-30T12:00:00Z", "2021-11-30T21:00:00.5+09:00"). The service answers in UTC (Z).',
  isIsoDateTime,
  'an ISO 8601 date-time with an offset or Z, such as 2021-11-30T12:00:00Z',
);

export const DateOrDateTimeScalar = isoScalar(
  'DateOrDateTime',
  'A point on the recording clock: a Date ("2021-11-30", "2021-11": the whole UTC day or month) or a DateTime ("2021-11-30T12:00:00Z"). As an upper bound ("knownAsOf") a date includes all of its day or month; as a lower bound ("recordedSince", "since") it starts at its first instant.',
  (value) => isIsoDate(value) || isIsoDateTime(value),
  'YYYY-MM-DD, YYYY-MM, or an ISO 8601 date-time with an offset or Z',
);
