import { signToken } from '../../src/auth/tokens.js';
import { graphFingerprint, startTestApp, TestApp, uniq } from '../support/app.js';

/**
 * Issue 11: rate limits an operator expects, on ingestion (per token),
 * exports (per token, or per address when anonymous) and failed
 * authentication (per address), each answered 429 RATE_LIMITED with
 * Retry-After, changing nothing.
 */
describe('rate limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ STANCE_RATE_INGEST: '3', STANCE_RATE_EXPORTS: '2', STANCE_RATE_AUTH_FAILURES: '3' });
  });

  afterAll(async () => {
    await t?.close();
  });

  const ingest = (token: string, n: number) =>
    fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { article { id } } }',
        variables: {
          input: {
            text: `Rateland said on Monday it supports the ${uniq('plan')} number ${n}.`,
            outlet: 'Rate Wire',
            publishedOn: '2024-01-02',
          },
        },
      }),
    });

  it('refuses ingestion past the limit of a token with 429 RATE_LIMITED and Retry-After, writing nothing', async () => {
    const editor = signToken(process.env.STANCE_AUTH_SECRET!, {
      sub: uniq('ingester'),
      role: 'editor',
      ttlSeconds: 600,
    });
    for (let n = 0; n < 3; n++) {
      const res = await ingest(editor, n);
      const body = (await res.json()) as { errors?: unknown };
      expect([res.status, body.errors]).toEqual([200, undefined]);
    }
    const before = await graphFingerprint(t);
    const res = await ingest(editor, 3);
    const body = (await res.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['RATE_LIMITED']);
    expect(await graphFingerprint(t)).toEqual(before);
    // Another token has its own allowance.
    const other = signToken(process.env.STANCE_AUTH_SECRET!, {
      sub: uniq('ingester'),
      role: 'editor',
      ttlSeconds: 600,
    });
    expect((await ingest(other, 4)).status).toBe(200);
  });

  it('refuses exports past the limit per token and per anonymous address', async () => {
    const reader = signToken(process.env.STANCE_AUTH_SECRET!, {
      sub: uniq('exporter'),
      role: 'reader',
      ttlSeconds: 600,
    });
    const get = (authorization?: string) =>
      fetch(`${t.url}/export/csv/nodes`, { headers: authorization ? { authorization } : {} });
    expect((await get(`Bearer ${reader}`)).status).toBe(200);
    expect((await get(`Bearer ${reader}`)).status).toBe(200);
    const refused = await get(`Bearer ${reader}`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    // Reads are open here: anonymous callers count by address, apart from tokens.
    expect((await get()).status).toBe(200);
    expect((await get()).status).toBe(200);
    expect((await get()).status).toBe(429);
  });

  it('refuses credentials that do not hold past the limit per address, while valid tokens still pass', async () => {
    const query = JSON.stringify({ query: '{ actors(first: 1) { totalCount } }' });
    const post = (authorization: string) =>
      fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: query,
      });
    for (let i = 0; i < 3; i++) expect((await post(`Bearer wrong-token-${i}-000000000000000000`)).status).toBe(401);
    const refused = await post('Bearer wrong-token-4-000000000000000000');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(
      ((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code,
    ).toBe('RATE_LIMITED');
    // Plain routes too, while the address is blocked.
    expect(
      (await fetch(`${t.url}/export/graphml`, { headers: { authorization: 'Bearer nope-000000000000000000000000' } }))
        .status,
    ).toBe(429);
    // A valid token from the same address is not locked out by someone else's guesses.
    expect((await post(`Bearer ${t.tokens.reader}`)).status).toBe(200);
  });
});
