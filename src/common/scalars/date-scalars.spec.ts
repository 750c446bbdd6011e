import { buildSchema, graphql, GraphQLObjectType, GraphQLSchema, GraphQLString, parseValue } from 'graphql';
import { DomainError, ErrorCode, ScalarInputError } from '../errors/error-code.js';
import { formatGraphQLError } from '../errors/format-error.js';
import { DateOrDateTimeScalar, DateScalar, DateTimeScalar } from './date-scalars.js';

const refusal = (fn: () => unknown): string => {
  try {
    fn();
    return 'accepted';
  } catch (error) {
    return error instanceof DomainError ? error.code : `not a DomainError: ${String(error)}`;
  }
};

describe('Date', () => {
  it('takes calendar days and months, as given', () => {
    for (const ok of ['2021-10-19', '2021-10', '2024-02-29', '1800-01', '2200-12-31']) {
      expect(DateScalar.parseValue(ok)).toBe(ok);
      expect(DateScalar.parseLiteral(parseValue(`"${ok}"`))).toBe(ok);
      expect(DateScalar.serialize(ok)).toBe(ok);
    }
  });

  it('refuses anything else with BAD_USER_INPUT, as a variable or inline', () => {
    const bad = [
      '2021-13',
      '2021-00-10',
      '2021-02-29',
      '2023-04-31',
      '2021-1-5',
      '2021',
      '21-10-19',
      '2021-10-19T00:00:00Z',
      ' 2021-10-19',
      'yesterday',
      '',
      '1799-12-31',
      "x') OR 1=1",
    ];
    for (const value of bad) {
      expect([value, refusal(() => DateScalar.parseValue(value))]).toEqual([value, ErrorCode.BAD_USER_INPUT]);
      expect([value, refusal(() => DateScalar.parseLiteral(parseValue(JSON.stringify(value))))]).toEqual([
        value,
        ErrorCode.BAD_USER_INPUT,
      ]);
    }
    expect(refusal(() => DateScalar.parseValue(20211019))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(refusal(() => DateScalar.parseLiteral(parseValue('20211019')))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('answers stored dates as they are, and will not answer a value that is not a string (an internal error)', () => {
    // Output comes from the graph, written through the same checks: not validated again per value.
    expect(DateScalar.serialize('2021-10')).toBe('2021-10');
    expect(() => DateScalar.serialize(null)).toThrow(TypeError);
    expect(() => DateScalar.serialize(20211019)).toThrow(TypeError);
  });
});

describe('DateTime', () => {
  it('takes instants with an offset or Z', () => {
    for (const ok of [
      '2021-11-30T12:00:00Z',
      '2021-11-30T12:00Z',
      '2021-11-30T21:00:00.5+09:00',
      '2024-05-01T10:15:30.123456789Z',
      '2021-11-30T00:00:00-05:30',
    ]) {
      expect(DateTimeScalar.parseValue(ok)).toBe(ok);
      expect(DateTimeScalar.serialize(ok)).toBe(ok);
    }
  });

  it('refuses dates, local times and impossible instants', () => {
    for (const bad of [
      '2021-11-30',
      '2021-11-30T12:00:00',
      '2021-11-30T25:00:00Z',
      '2021-11-30T12:60:00Z',
      '2021-02-30T12:00:00Z',
      '2021-11-30T12:00:00+24:00',
      '2021-11-30 12:00:00Z',
      '2021-11-30T12:00:00.1234567890Z',
    ]) {
      expect([bad, refusal(() => DateTimeScalar.parseValue(bad))]).toEqual([bad, ErrorCode.BAD_USER_INPUT]);
    }
  });
});

describe('DateOrDateTime', () => {
  it('takes either, and nothing else', () => {
    for (const ok of ['2021-11-30', '2021-11', '2021-11-30T12:00:00Z'])
      expect(DateOrDateTimeScalar.parseValue(ok)).toBe(ok);
    for (const bad of ['2021-11-30T12:00', '2021-13', 'now']) {
      expect(refusal(() => DateOrDateTimeScalar.parseValue(bad))).toBe(ErrorCode.BAD_USER_INPUT);
    }
  });
});

describe('a refused date over GraphQL', () => {
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        echo: { type: GraphQLString, args: { on: { type: DateScalar } }, resolve: (_root, args) => args.on },
      },
    }),
  });

  it('is refused before any resolver, with BAD_USER_INPUT and a message naming the variable', async () => {
    const res = await graphql({
      schema,
      source: 'query ($on: Date) { echo(on: $on) }',
      variableValues: { on: '2021-02-30' },
    });
    expect(res.data).toBeUndefined();
    const [error] = res.errors!;
    expect((error.originalError as { originalError?: unknown }).originalError).toBeInstanceOf(ScalarInputError);
    const formatted = formatGraphQLError(error.toJSON(), error);
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(formatted.message).toMatch(/^Variable "\$on" got invalid value "2021-02-30"; .*"2021-02-30" is not a Date/);
  });

  it('prints in an SDL as a scalar', () => {
    expect(() => buildSchema('scalar Date type Query { a: Date }')).not.toThrow();
  });
});
