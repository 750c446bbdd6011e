import type { ApolloServerPlugin } from '@apollo/server';

/** Codes of a request that never ran: it did not parse, validate, coerce its variables or name an operation. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'QUERY_TOO_COMPLEX',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** The media ranges of an Accept header, lower case, each with its weight (1 when unsaid; NaN when malformed). */
export function mediaRanges(accept: string): Array<{ type: string; q: number }> {
  return accept
    .toLowerCase()
    .split(',')
    .map((range) => {
      const [type, ...params] = range.split(';').map((part) => part.trim());
      const q = params.find((p) => p.startsWith('q='));
      return { type, q: q === undefined ? 1 : Number(q.slice(2)) };
    });
}

/**
 * Whether a client takes application/json and not
 * application/graphql-response+json: a client from before that media type,
 * which reads the body of a 200 only. A missing Accept counts as
 * application/json (GraphQL over HTTP); a wildcard (`*` + `/*`, `application/*`)
 * covers the new media type too, so such a client keeps the 4xx.
 */
export function acceptsJsonOnly(accept: string | undefined | null): boolean {
  if (accept === undefined || accept === null || accept.trim() === '') return true;
  let json = false;
  for (const { type, q } of mediaRanges(accept)) {
    if (!(q > 0)) continue;
    if (type === 'application/graphql-response+json' || type === 'application/*' || type === '*/*') return false;
    if (type === 'application/json') json = true;
  }
  return json;
}

/**
 * GraphQL over HTTP: a request that fails to parse, validate or coerce its
 * variables is answered 400 under application/graphql-response+json (what
 * Apollo does), but 200 to a client that accepts only application/json,
 * whose error the body carries. Only those request errors change: an auth
 * refusal keeps 401/403 and a malformed body (not a GraphQL request at all)
 * keeps its 400.
 */
export function requestErrorStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (response.http.status !== 400 || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (data !== undefined || !errors?.length) return;
          if (!errors.every((e) => REQUEST_ERROR_CODES.has(String(e.extensions?.code)))) return;
          if (acceptsJsonOnly(request.http?.headers.get('accept'))) response.http.status = 200;
        },
      };
    },
  };
}
