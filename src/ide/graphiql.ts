import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { mediaRanges } from '../graphql/request-error-status.js';

/**
 * An interactive GraphQL IDE that works offline: GraphiQL and React are
 * served from node_modules (installed from the npm registry), never from a
 * CDN. A browser that GETs /graphql asking for HTML gets the IDE; API
 * clients get the GraphQL endpoint as usual.
 */
const require = createRequire(import.meta.url);
const pkgDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

const ASSETS: Record<string, string> = {
  'react.js': join(pkgDir('react'), 'umd', 'react.production.min.js'),
  'react-dom.js': join(pkgDir('react-dom'), 'umd', 'react-dom.production.min.js'),
  'graphiql.js': join(pkgDir('graphiql'), 'graphiql.min.js'),
  'graphiql.css': join(pkgDir('graphiql'), 'graphiql.min.css'),
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Stance graph - GraphQL</title>
  <link rel="stylesheet" href="/ide/graphiql.css" />
  <style>body { margin: 0; height: 100vh; } #ide { height: 100vh; }</style>
</head>
<body>
  <div id="ide">Loading GraphiQL…</div>
  <script src="/ide/react.js"></script>
  <script src="/ide/react-dom.js"></script>
  <script src="/ide/graphiql.js"></script>
  <script src="/ide/start.js"></script>
</body>
</html>`;

const START = `(function () {
  var fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  var query = '# Who stands where on the end-of-war declaration, on what evidence?\\n' +
    '{\\n  proposal(id: "end-of-war-declaration") {\\n    name\\n    currentStances {\\n' +
    '      position cue conditions statedOn sourceCount\\n      actor { id name }\\n      speaker { name }\\n' +
    '      evidence { quote article { outlet publishedOn } }\\n    }\\n  }\\n}\\n';
  ReactDOM.createRoot(document.getElementById('ide')).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: query })
  );
})();`;

/**
 * Whether an Accept header prefers text/html to application/json, as a
 * browser's does; a tie (a bare wildcard, no header) goes to JSON.
 */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const quality = { json: -1, html: -1 };
  const rank = { json: -1, html: -1 };
  for (const { type, q: weight } of mediaRanges(accept)) {
    if (!(weight >= 0)) continue;
    for (const [key, exact] of [
      ['json', 'application/json'],
      ['html', 'text/html'],
    ] as const) {
      // The most specific range that matches decides, as in HTTP content negotiation.
      const specificity = type === exact ? 2 : type === `${exact.split('/')[0]}/*` ? 1 : type === '*/*' ? 0 : -1;
      if (specificity > rank[key]) [rank[key], quality[key]] = [specificity, weight];
    }
  }
  return quality.html > 0 && quality.html > quality.json;
}

/** The IDE's files and its redirect from /, on a Fastify instance with @fastify/static registered. */
export function mountGraphiQL(app: FastifyInstance): void {
  for (const [name, file] of Object.entries(ASSETS)) {
    app.get(`/ide/${name}`, (_req, reply) => reply.sendFile(basename(file), dirname(file), { maxAge: 3_600_000 }));
  }
  app.get('/ide/start.js', (_req, reply) => reply.type('application/javascript').send(START));
  app.get('/', (_req, reply) => reply.redirect('/graphql'));
}

/**
 * A browser's GET of /graphql (no query, HTML preferred) gets the IDE page; a
 * preHandler hook, since /graphql itself is Apollo's route.
 */
export function graphiqlPage(req: FastifyRequest, reply: FastifyReply, next: () => void): void {
  const query = (req.query as { query?: unknown } | undefined)?.query;
  if (
    req.method === 'GET' &&
    req.routeOptions.url === '/graphql' &&
    query === undefined &&
    prefersHtml(req.headers.accept)
  ) {
    void reply.type('text/html; charset=utf-8').send(PAGE);
    return;
  }
  next();
}
