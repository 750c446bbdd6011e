import type { FastifyInstance } from 'fastify';
import { request } from 'node:http';
import { startTestApp, TestApp } from '../support/app.js';
import { recordFigures } from './support/figures.js';

type Who = 'anonymous' | 'invalid' | 'reader' | 'editor' | 'admin';
type Need = 'open' | 'reader' | 'editor' | 'admin' | 'off';

const WHO: Who[] = ['anonymous', 'invalid', 'reader', 'editor', 'admin'];
const RANK: Record<Who, number> = { anonymous: 0, invalid: 0, reader: 1, editor: 2, admin: 3 };
const NEED_RANK: Record<Exclude<Need, 'off'>, number> = { open: 0, reader: 1, editor: 2, admin: 3 };

interface Route {
  method: 'GET' | 'POST';
  path: string;
  /** What a request for this route must carry, by this test's own reading of the policy (README "Who may do what"). */
  need: Need;
  body?: string;
  headers?: Record<string, string>;
}

/**
 * The written policy, stated here independently of src/auth/policy.ts: with
 * reads closed, exports and GraphQL reads need a reader; /metrics follows
 * STANCE_METRICS; health, the IDE, the analyst view's files and `/` say
 * nothing about the data and are open.
 */
function needOf(path: string, metrics: 'reader' | 'off'): Need {
  if (path === '/metrics') return metrics;
  if (path.startsWith('/export')) return 'reader';
  return 'open';
}

/**
 * The routes the running app serves, read from Fastify's own listing of its
 * router (a tree, one node a line, each under its parent: "├── export/graphml
 * (GET, HEAD)"), so a new route is walked without editing this test.
 */
function servedRoutes(app: TestApp['app']): Array<{ method: 'GET' | 'POST'; path: string }> {
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  const routes: Array<{ method: 'GET' | 'POST'; path: string }> = [];
  const parents: string[] = [];
  for (const line of fastify.printRoutes({ commonPrefix: false }).split('\n')) {
    const node = /^([│ ]*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!node) continue;
    const depth = node[1].length / 4;
    parents.length = depth;
    const path = (parents[depth - 1] ?? '') + node[2];
    parents.push(path);
    for (const method of (node[3] ?? '').split(', ')) {
      if (method === 'GET' || method === 'POST') routes.push({ method, path });
    }
  }
  return routes;
}

/** The spellings of one path a client can send: case, trailing slash, doubled and encoded characters, dot segments. */
function forms(path: string): string[] {
  const mixed = path.replace(/[a-z]/g, (c, i: number) => (i % 2 ? c.toUpperCase() : c));
  const encoded = path.replace(/^\/([a-z])/, (_m, c: string) => `/%${c.charCodeAt(0).toString(16)}`);
  const all = [
    path,
    path.toUpperCase(),
    mixed,
    `${path}/`,
    `${path.toUpperCase()}/`,
    `/${path}`,
    encoded,
    `/view/..${path}`,
    `/view/%2e%2e${path}`,
    `${path}/.`,
  ];
  return [...new Set(all)];
}

/** One request with the path exactly as given (fetch would resolve dot segments before sending). */
function raw(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port,
        method,
        path,
        headers: body ? { ...headers, 'content-length': String(Buffer.byteLength(body)) } : headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Issue 11: every route of the service, in upper, mixed, trailing-slash,
 * encoded and dot-segment forms, with and without tokens of each role,
 * against the policy. A violation is an answer of 2xx to a caller the
 * policy refuses (or any 2xx from a route that is off).
 */
describe('access policy over every route and spelling', () => {
  const violations: string[] = [];
  let tried = 0;
  let servedToAllowed = 0;
  let routesWalked = 0;

  async function walk(env: Record<string, string>, metrics: 'reader' | 'off'): Promise<void> {
    violations.length = 0;
    const t = await startTestApp({ STANCE_OPEN_READS: 'false', STANCE_METRICS: metrics, STANCE_IDE: 'true', ...env });
    try {
      // The IDE page answers browsers (text/html) at GET /graphql.
      const browser = (path: string, method: string) =>
        path === '/graphql' && method === 'GET' ? { accept: 'text/html' } : undefined;
      // POST /graphql is walked below with an operation (a bare POST is a bad request to anyone).
      const served = servedRoutes(t.app).filter((r) => !(r.method === 'POST' && r.path === '/graphql'));
      const routes: Route[] = served.map((r) => ({
        ...r,
        need: needOf(r.path, metrics),
        headers: browser(r.path, r.method),
      }));
      // GraphQL reads go through /graphql (the IDE's GET route is open; the API decides per operation).
      routes.push({
        method: 'POST',
        path: '/graphql',
        need: 'reader',
        body: JSON.stringify({ query: '{ actors(first: 1) { totalCount } }' }),
        headers: { 'content-type': 'application/json' },
      });
      expect(routes.some((r) => r.path.startsWith('/export/'))).toBe(true);
      expect(routes.some((r) => r.path === '/metrics')).toBe(true);
      routesWalked += routes.length;
      for (const route of routes) {
        for (const form of forms(route.path)) {
          for (const who of WHO) {
            const headers: Record<string, string> = { ...(route.headers ?? {}) };
            if (who === 'invalid') headers.authorization = 'Bearer not-a-token-at-all-000000000000';
            else if (who !== 'anonymous') headers.authorization = `Bearer ${t.tokens[who]}`;
            const res = await raw(t.url, route.method, form, headers, route.body);
            const text = res.text;
            tried += 1;
            // Open routes may answer or refuse a caller with a broken token; closed ones must refuse it.
            const allowed =
              route.need !== 'off' &&
              (route.need === 'open' || (who !== 'invalid' && RANK[who] >= NEED_RANK[route.need]));
            const ok = res.status >= 200 && res.status < 300;
            const graphqlRefused =
              route.path === '/graphql' && route.method === 'POST' && /"errors"/.test(text) && !/"data":\{/.test(text);
            if (ok && !allowed && !graphqlRefused)
              violations.push(`${route.method} ${form} as ${who} (needs ${route.need}): ${res.status}`);
            if (form === route.path && allowed && who !== 'invalid') {
              if (res.status < 400) servedToAllowed += 1;
              else
                violations.push(
                  `${route.method} ${form} as ${who}: refused a caller the policy allows (${res.status})`,
                );
            }
          }
        }
      }
    } finally {
      await t.close();
    }
  }

  it('answers no spelling of any route to a caller the policy refuses (metrics off)', async () => {
    await walk({}, 'off');
    expect(violations).toEqual([]);
  });

  it('answers no spelling of any route to a caller the policy refuses (metrics for readers)', async () => {
    await walk({}, 'reader');
    expect(violations).toEqual([]);
    expect(servedToAllowed).toBeGreaterThan(0);
    recordFigures('access-policy', {
      'routes walked (both configs)': routesWalked,
      'routes x forms x roles tried': tried,
      'answered to allowed callers': servedToAllowed,
      'policy violations (last config)': violations.length,
    });
  });
});
