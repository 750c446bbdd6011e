import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What every log line of one request shares. */
export interface RequestScope {
  requestId: string;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

/** The request id of the request this code runs for, if any. */
export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

const CLIENT_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The client's x-request-id when it is sane (so ids can be followed across services), else a new one. */
export function requestIdFrom(header: unknown): string {
  return typeof header === 'string' && CLIENT_ID.test(header) ? header : randomUUID();
}
