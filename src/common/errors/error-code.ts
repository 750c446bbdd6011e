/** The stable codes clients see in a GraphQL error's `extensions.code`. */
export enum ErrorCode {
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  /** No credentials, or credentials that are not valid (bad signature, expired, unknown token). */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** Valid credentials whose role does not allow the operation. */
  FORBIDDEN = 'FORBIDDEN',
  /** Past the limits on depth, cost, aliases, directives or tokens of an operation. */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** A request body larger than the configured limit. */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** An answer larger than the service will build (an export past STANCE_EXPORT_MAX_STANCES): narrow the request. */
  RESULT_TOO_LARGE = 'RESULT_TOO_LARGE',
  /** Past a rate limit (ingestion, exports, failed authentication): the answer says when to try again (Retry-After). */
  RATE_LIMITED = 'RATE_LIMITED',
  /** A request that is not a GraphQL request at all (malformed JSON, batched operations, wrong method). */
  BAD_REQUEST = 'BAD_REQUEST',
  /** More operations at once on one WebSocket connection than STANCE_WS_MAX_SUBSCRIPTIONS. */
  TOO_MANY_SUBSCRIPTIONS = 'TOO_MANY_SUBSCRIPTIONS',
  /** An article that took longer than STANCE_EXTRACT_BUDGET_MS to read: its reading was stopped and nothing was written. */
  EXTRACTION_TIMEOUT = 'EXTRACTION_TIMEOUT',
  /** A batch of articles the ingest queue cannot take now (STANCE_INGEST_MAX_QUEUED, or Redis out of memory): nothing of it was queued. */
  QUEUE_FULL = 'QUEUE_FULL',
}

/**
 * A failure the domain expects and names. `field` points at the input field
 * at fault (for BAD_USER_INPUT), so a client can show it next to the field.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/**
 * A value a custom scalar refused (a Date that is no calendar date): graphql
 * reports it before any resolver runs, and format-error.ts gives it
 * BAD_USER_INPUT with graphql's message, which names the argument or
 * variable and ends with this one.
 */
export class ScalarInputError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.BAD_USER_INPUT, message);
    this.name = 'ScalarInputError';
  }
}

export const notFound = (what: string, id: string): DomainError =>
  new DomainError(ErrorCode.NOT_FOUND, `${what} "${id}" was not found`);

export const badInput = (field: string, message: string): DomainError =>
  new DomainError(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, field);

export const conflict = (message: string): DomainError => new DomainError(ErrorCode.CONFLICT, message);
