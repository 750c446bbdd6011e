import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

/**
 * The analyst view at /view and the review desk at /desk, plain HTML, CSS and JavaScript served
 * by the service, talking to /graphql (queries) and to /graphql over
 * WebSocket (live updates, with graphql-ws's browser build from
 * node_modules). Nothing is loaded from the network at run time, and the
 * Content-Security-Policy says so to the browser.
 *
 * The files live in src/view/static and are copied beside the compiled
 * code (nest-cli.json assets), so dist/view/static serves them in a build.
 */
export const VIEW_ROOT = join(import.meta.dirname, 'static');

const require = createRequire(import.meta.url);
const GRAPHQL_WS_UMD = join(dirname(require.resolve('graphql-ws/package.json')), 'umd', 'graphql-ws.min.js');

const FILES: Record<string, { file: string; type: string }> = {
  'view.js': { file: join(VIEW_ROOT, 'view.js'), type: 'application/javascript; charset=utf-8' },
  'view.css': { file: join(VIEW_ROOT, 'view.css'), type: 'text/css; charset=utf-8' },
  'desk.js': { file: join(VIEW_ROOT, 'desk.js'), type: 'application/javascript; charset=utf-8' },
  'desk.css': { file: join(VIEW_ROOT, 'desk.css'), type: 'text/css; charset=utf-8' },
  'graphql-ws.js': { file: GRAPHQL_WS_UMD, type: 'application/javascript; charset=utf-8' },
};

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

function policy(req: FastifyRequest): string {
  // Same-origin WebSocket for the live updates; older browsers do not count ws: as 'self'.
  const host = req.headers.host && HOST.test(req.headers.host) ? req.headers.host : null;
  const ws = host ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self'${ws}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The view's pages and files, on a Fastify instance with @fastify/static registered. */
export function mountAnalystView(app: FastifyInstance): void {
  for (const [path, page] of [
    ['/view', 'index.html'],
    ['/desk', 'desk.html'],
  ]) {
    app.get(path, (req, reply) =>
      reply
        .header('Content-Security-Policy', policy(req))
        .header('Cache-Control', 'no-cache')
        .sendFile(page, VIEW_ROOT, { cacheControl: false }),
    );
  }
  for (const [name, { file, type }] of Object.entries(FILES)) {
    app.get(`/view/${name}`, (_req, reply) =>
      reply
        .type(type)
        .header('Cache-Control', 'no-cache')
        .sendFile(basename(file), dirname(file), { cacheControl: false }),
    );
  }
}
