import { Client, createClient } from 'graphql-ws';
import { signToken } from '../../src/auth/tokens.js';
import { graphFingerprint, startTestApp, TestApp, uniq } from '../support/app.js';

/** Issue 5: bearer tokens and roles, GraphQL limits, batching, body size, introspection, over HTTP and WebSocket. */
describe('security', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const upsert = (name: string) => `mutation { upsertActor(input: { name: "${name}", kind: STATE }) { id } }`;

  it('refuses a mutation without a token as UNAUTHENTICATED, and changes nothing', async () => {
    const before = await graphFingerprint(t);
    const res = await post({ query: upsert(uniq('Nobody Land')) });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const body = (await res.json()) as { data?: unknown; errors: Array<{ extensions: { code: string } }> };
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    expect(body.data).toBeUndefined();
    expect(await graphFingerprint(t)).toEqual(before);
  });

  it('names no framework in its headers, and hashes no ETag over a GraphQL answer', async () => {
    const res = await post({ query: '{ actors(first: 1) { totalCount } }' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('etag')).toBeNull();
  });

  it('gives each role what it may do, and FORBIDDEN beyond it', async () => {
    const name = uniq('Role Land');
    expect((await t.gql(upsert(name), {}, { as: 'reader' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(upsert(name), {}, { as: 'editor' })).errors).toBeUndefined();
    const merge = 'mutation { mergeActors(keepId: "no-such-a", mergeId: "no-such-b") { id } }';
    expect((await t.gql(merge, {}, { as: 'editor' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Past auth, the admin's request fails on its own terms.
    expect((await t.gql(merge, {}, { as: 'admin' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // An admin field cannot hide in a fragment.
    const hidden = `mutation { ...F } fragment F on Mutation { retractStance(id: "st-0000000000000000") { id } }`;
    expect((await t.gql(hidden, {}, { as: 'editor' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses bad credentials as UNAUTHENTICATED even where reads are open', async () => {
    const expired = signToken(process.env.STANCE_AUTH_SECRET!, {
      sub: 'old',
      role: 'admin',
      ttlSeconds: 1,
      now: Date.now() - 10_000,
    });
    const forged = signToken('another-secret-that-is-long-enough-000000', { sub: 'x', role: 'admin', ttlSeconds: 60 });
    for (const authorization of [
      `Bearer ${expired}`,
      `Bearer ${forged}`,
      'Bearer nonsense',
      `Basic ${Buffer.from('a:b').toString('base64')}`,
      'Bearer',
    ]) {
      const res = await post({ query: '{ actors(first: 1) { totalCount } }' }, { authorization });
      const body = (await res.json()) as { errors?: Array<{ extensions: { code: string } }> };
      expect([res.status, body.errors?.[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    }
  });

  it('limits depth, aliases and tokens with QUERY_TOO_COMPLEX, and page sizes with BAD_USER_INPUT', async () => {
    const deep = `{ actors(first: 1) { nodes { ${'stances { nodes { actor { '.repeat(10)}id${' } } }'.repeat(10)} } } }`;
    const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: actors(first: 1) { totalCount }`).join(' ')} }`;
    const tokens = `{ actors(first: 1) { totalCount ${'__typename '.repeat(1000)} } }`;
    for (const query of [deep, aliases, tokens]) {
      const res = await post({ query }, { authorization: `Bearer ${t.tokens.reader}` });
      const body = (await res.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect([res.status, body.errors[0].extensions.code]).toEqual([400, 'QUERY_TOO_COMPLEX']);
    }
    const page = await t.gql('{ actors(first: 101) { totalCount } }');
    expect(page.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('refuses batched operations, malformed JSON and bodies over the limit with a code', async () => {
    const batch = await post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(batch.status).toBe(400);
    expect(
      ((await batch.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code,
    ).toBe('BAD_REQUEST');
    const broken = await post('{"query": ');
    expect([
      broken.status,
      ((await broken.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code,
    ]).toEqual([400, 'BAD_REQUEST']);
    const huge = await post({ query: '{ __typename }', variables: { pad: 'x'.repeat(2 * 1024 * 1024 + 10) } });
    expect([
      huge.status,
      ((await huge.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code,
    ]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('holds WebSocket operations to the same roles and limits', async () => {
    const client: Client = createClient({
      url: t.url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      lazy: true,
      retryAttempts: 0,
    });
    const once = (query: string) =>
      new Promise<string>((resolve) => {
        client.subscribe(
          { query },
          {
            next: (m) =>
              resolve(m.errors ? String((m.errors[0] as { extensions?: { code?: string } }).extensions?.code) : 'OK'),
            error: (e) => resolve(String((e as Array<{ extensions?: { code?: string } }>)[0]?.extensions?.code ?? e)),
            complete: () => resolve('COMPLETE'),
          },
        );
      });
    expect(await once(upsert(uniq('Socket Land')))).toBe('UNAUTHENTICATED');
    expect(
      await once(
        `{ actors(first: 1) { nodes { ${'stances { nodes { actor { '.repeat(10)}id${' } } }'.repeat(10)} } } }`,
      ),
    ).toBe('QUERY_TOO_COMPLEX');
    expect(await once('{ actors(first: 1) { totalCount } }')).toBe('OK');
    await client.dispose();
  });

  describe('with reads closed (STANCE_OPEN_READS=false)', () => {
    let closed: TestApp;
    beforeAll(async () => {
      closed = await startTestApp({ STANCE_OPEN_READS: 'false' });
    });
    afterAll(async () => {
      await closed?.close();
      process.env.STANCE_OPEN_READS = '';
    });

    it('needs a reader token for queries and exports, never for health', async () => {
      expect(
        (await closed.gql('{ actors(first: 1) { totalCount } }', {}, { as: 'anonymous' })).errors?.[0].extensions?.code,
      ).toBe('UNAUTHENTICATED');
      expect((await closed.gql('{ actors(first: 1) { totalCount } }', {}, { as: 'reader' })).errors).toBeUndefined();
      expect((await fetch(`${closed.url}/export/csv/nodes`)).status).toBe(401);
      expect(
        (
          await fetch(`${closed.url}/export/csv/nodes`, {
            headers: { authorization: `Bearer ${closed.tokens.reader}` },
          })
        ).status,
      ).toBe(200);
      expect((await fetch(`${closed.url}/health/ready`)).status).toBe(200);
      expect((await fetch(`${closed.url}/metrics`)).status).toBe(200);
    });
  });

  describe('in production mode', () => {
    let prod: TestApp;
    const saved = process.env.NODE_ENV;
    beforeAll(async () => {
      process.env.NODE_ENV = 'production';
      prod = await startTestApp({ STANCE_TOKENS: `editor:${'e'.repeat(32)}` });
    });
    afterAll(async () => {
      await prod?.close();
      process.env.NODE_ENV = saved;
      process.env.STANCE_TOKENS = '';
    });

    it('opens nothing: no introspection, no IDE, no anonymous reads; fixed tokens work', async () => {
      const intro = await prod.gql('{ __schema { types { name } } }', {}, { as: 'reader' });
      expect(intro.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(
        (await prod.gql('{ actors(first: 1) { totalCount } }', {}, { as: 'anonymous' })).errors?.[0].extensions?.code,
      ).toBe('UNAUTHENTICATED');
      const ide = await fetch(`${prod.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(await ide.text()).not.toMatch(/graphiql/i);
      const res = await fetch(`${prod.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${'e'.repeat(32)}` },
        body: JSON.stringify({ query: upsert(uniq('Fixed Token Land')) }),
      });
      expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
    });
  });
});
