import type { Express, NextFunction, Request, Response } from 'express';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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

export function mountGraphiQL(app: Express): void {
  for (const [name, file] of Object.entries(ASSETS)) {
    app.get(`/ide/${name}`, (_req: Request, res: Response) => res.sendFile(file, { maxAge: '1h' }));
  }
  app.get('/ide/start.js', (_req: Request, res: Response) => res.type('application/javascript').send(START));
  app.get('/graphql', (req: Request, res: Response, next: NextFunction) => {
    if (req.accepts(['application/json', 'text/html']) === 'text/html' && req.query.query === undefined) {
      res.type('html').send(PAGE);
      return;
    }
    next();
  });
  app.get('/', (_req: Request, res: Response) => res.redirect('/graphql'));
}
