import { acceptsJsonOnly } from './request-error-status.js';

describe('acceptsJsonOnly', () => {
  it('is true for clients that take application/json and not the GraphQL response type', () => {
    for (const accept of [
      undefined,
      '',
      'application/json',
      'application/json; charset=utf-8',
      'text/html, application/json;q=0.9',
      'application/json, application/graphql-response+json;q=0',
    ]) {
      expect([accept, acceptsJsonOnly(accept)]).toEqual([accept, true]);
    }
  });

  it('is false when the client takes application/graphql-response+json, a wildcard, or no JSON', () => {
    for (const accept of [
      'application/graphql-response+json',
      'application/graphql-response+json, application/json;q=0.9',
      '*/*',
      'application/*',
      'text/html',
      'application/json;q=0',
    ]) {
      expect([accept, acceptsJsonOnly(accept)]).toEqual([accept, false]);
    }
  });
});
