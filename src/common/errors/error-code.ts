/** The stable codes clients see in a GraphQL error's `extensions.code`. */
export enum ErrorCode {
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
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

export const notFound = (what: string, id: string): DomainError =>
  new DomainError(ErrorCode.NOT_FOUND, `${what} "${id}" was not found`);

export const badInput = (field: string, message: string): DomainError =>
  new DomainError(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, field);

export const conflict = (message: string): DomainError => new DomainError(ErrorCode.CONFLICT, message);
