/**
 * Where a CPU profile's time goes, by layer of the GraphQL stack: each
 * sample is charged to the layer of its innermost frame that has a source
 * (a built-in such as JSON.stringify is charged as "JSON", the garbage
 * collector as "GC"), and the call tree is drawn as a flame graph (SVG).
 */

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** The layers, in the order the tables list them. */
export const LAYERS = [
  'Node: sockets, HTTP, streams',
  'HTTP framework (routing, body parsing)',
  'Apollo Server',
  'GraphQL parse',
  'GraphQL validate',
  'GraphQL execute',
  'armor limits',
  'Nest resolvers',
  'DataLoader',
  'ours: auth',
  'ours: limits, errors, loaders',
  'ours: features',
  'ours: ops (metrics, logs)',
  'neo4j driver',
  'JSON',
  'metrics (prom-client)',
  'logging (pino)',
  'GC',
  'V8 and other natives',
  'other packages',
] as const;

export type Layer = (typeof LAYERS)[number];

/** The layer of a frame with a source, or null for a built-in (charged to its caller's layer). */
export function layerOfUrl(url: string): Layer | null {
  if (!url) return null;
  const path = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path);
  if (pkg) {
    const [, name, rest] = pkg;
    if (name === 'graphql') {
      if (rest.startsWith('language/')) return 'GraphQL parse';
      if (rest.startsWith('validation/')) return 'GraphQL validate';
      return 'GraphQL execute';
    }
    // compiled operations (src/graphql/compiled-execution.ts): its runtime, and the code it generated (charged to it)
    if (name === 'graphql-jit') return 'GraphQL execute';
    if (name.startsWith('@escape.tech/')) return 'armor limits';
    if (name.startsWith('@apollo/') || name.startsWith('@as-integrations/')) return 'Apollo Server';
    if (name.startsWith('@nestjs/')) return 'Nest resolvers';
    if (name === 'dataloader') return 'DataLoader';
    if (name.startsWith('neo4j-driver')) return 'neo4j driver';
    if (name === 'prom-client') return 'metrics (prom-client)';
    if (/^(pino|sonic-boom|thread-stream|@pinojs\/)/.test(name)) return 'logging (pino)';
    // Fastify (now) and Express (before it, for profiles of an earlier build) with the packages they read requests through
    if (
      name.startsWith('@fastify/') ||
      /^(fastify|fastify-plugin|find-my-way|avvio|light-my-request|fast-json-stringify|secure-json-parse|fast-querystring|fast-decode-uri-component|toad-cache|rfdc|abstract-logging|process-warning|safe-regex2|ret|fastq|reusify|express|body-parser|router|raw-body|iconv-lite|on-finished|finalhandler|send|serve-static|content-type|type-is|qs|accepts|negotiator|mime|statuses|http-errors|depd|encodeurl|escape-html|parseurl|path-to-regexp|vary|cookie|etag|fresh|range-parser|merge-descriptors|proxy-addr|forwarded|ipaddr\.js|media-typer|content-disposition|debug|ms|unpipe|bytes)$/.test(
        name,
      )
    )
      return 'HTTP framework (routing, body parsing)';
    return 'other packages';
  }
  if (path.startsWith('node:') || !path.startsWith('/')) return 'Node: sockets, HTTP, streams';
  const dist = /\/dist\/([^/]+)\//.exec(path);
  if (dist) {
    const folder = dist[1];
    if (folder === 'auth') return 'ours: auth';
    if (folder === 'graphql' || folder === 'common' || folder === 'graph') return 'ours: limits, errors, loaders';
    if (folder === 'ops') return 'ours: ops (metrics, logs)';
    return 'ours: features';
  }
  return 'other packages';
}

/** A built-in's own layer when it has one (JSON, GC), else null: charged to the caller. */
function layerOfBuiltin(name: string): Layer | null {
  if (name === '(garbage collector)') return 'GC';
  if (name === 'stringify' || name === 'parse' || name === 'JSON.stringify' || name === 'JSON.parse') return 'JSON';
  if (name === '(program)') return 'V8 and other natives';
  return null;
}

export interface LayerReport {
  /** Sampled CPU time, ms, idle excluded. */
  busyMs: number;
  /** ms per request, by layer. */
  byLayer: Record<string, number>;
  /** The functions with the most self time, ms per request. */
  topFunctions: Array<{ name: string; layer: Layer; ms: number }>;
}

/** Charges the profile's samples to layers, per request. */
export function layersOf(profile: CpuProfile, requests: number, top = 15): LayerReport {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const layerOfNode = new Map<number, Layer>();
  const layerOf = (id: number): Layer => {
    const known = layerOfNode.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    let layer =
      layerOfUrl(node.callFrame.url) ??
      layerOfBuiltin(node.callFrame.functionName) ??
      (parent.has(id) ? layerOf(parent.get(id)!) : 'V8 and other natives');
    // Node's own code working for the driver (reading its socket, decoding its strings) is the driver's.
    if (layer === 'Node: sockets, HTTP, streams' && parent.has(id) && layerOf(parent.get(id)!) === 'neo4j driver')
      layer = 'neo4j driver';
    layerOfNode.set(id, layer);
    return layer;
  };
  const totalUs = profile.endTime - profile.startTime;
  const hits = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0);
  const usPerHit = hits > 0 ? totalUs / hits : 0;
  const byLayer: Record<string, number> = {};
  const byFunction = new Map<string, { layer: Layer; us: number }>();
  let busyUs = 0;
  for (const n of profile.nodes) {
    const count = n.hitCount ?? 0;
    if (count === 0 || n.callFrame.functionName === '(idle)') continue;
    const us = count * usPerHit;
    busyUs += us;
    const layer = layerOf(n.id);
    byLayer[layer] = (byLayer[layer] ?? 0) + us;
    const name = functionLabel(n);
    const f = byFunction.get(name) ?? { layer, us: 0 };
    f.us += us;
    byFunction.set(name, f);
  }
  const perRequest = (us: number) => Number((us / 1000 / Math.max(1, requests)).toFixed(3));
  return {
    busyMs: Number((busyUs / 1000).toFixed(1)),
    byLayer: Object.fromEntries(LAYERS.filter((l) => byLayer[l]).map((l) => [l, perRequest(byLayer[l])])),
    topFunctions: [...byFunction.entries()]
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, top)
      .map(([name, f]) => ({ name, layer: f.layer, ms: perRequest(f.us) })),
  };
}

function functionLabel(n: ProfileNode): string {
  const { functionName, url, lineNumber } = n.callFrame;
  const file = url
    .replace(/^file:\/\//, '')
    .replace(/^.*node_modules\//, '')
    .replace(/^.*\/dist\//, 'dist/');
  return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
}

const COLOURS: Record<Layer, string> = {
  'Node: sockets, HTTP, streams': '#9ecae1',
  'HTTP framework (routing, body parsing)': '#6baed6',
  'Apollo Server': '#c6dbef',
  'GraphQL parse': '#fdae6b',
  'GraphQL validate': '#fd8d3c',
  'GraphQL execute': '#f16913',
  'armor limits': '#fdd0a2',
  'Nest resolvers': '#e377c2',
  DataLoader: '#bcbddc',
  'ours: auth': '#74c476',
  'ours: limits, errors, loaders': '#a1d99b',
  'ours: features': '#31a354',
  'ours: ops (metrics, logs)': '#c7e9c0',
  'neo4j driver': '#3182bd',
  JSON: '#fee391',
  'metrics (prom-client)': '#d9d9d9',
  'logging (pino)': '#bdbdbd',
  GC: '#969696',
  'V8 and other natives': '#e0e0e0',
  'other packages': '#f7f7f7',
};

const escapeXml = (s: string) =>
  s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/**
 * The call tree as a flame graph: one box per frame, as wide as its share
 * of the sampled time, coloured by layer, its name and ms per request in a
 * tooltip. Frames under 0.2% of the time are left out.
 */
export function flameGraphSvg(profile: CpuProfile, requests: number, title: string): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const root = profile.nodes[0];
  const totals = new Map<number, number>();
  const total = (id: number): number => {
    const n = byId.get(id)!;
    const known = totals.get(id);
    if (known !== undefined) return known;
    const own = n.callFrame.functionName === '(idle)' ? 0 : (n.hitCount ?? 0);
    const sum = own + (n.children ?? []).reduce((s, c) => s + total(c), 0);
    totals.set(id, sum);
    return sum;
  };
  const all = total(root.id);
  const usPerHit =
    all > 0 ? (profile.endTime - profile.startTime) / profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0) : 0;
  const width = 1200;
  const row = 16;
  const boxes: string[] = [];
  let depthMax = 0;
  const report = layersOf(profile, requests, 0);
  const draw = (id: number, x: number, depth: number, inherited: Layer): void => {
    const n = byId.get(id)!;
    const w = (total(id) / all) * width;
    if (w < width * 0.002) return;
    depthMax = Math.max(depthMax, depth);
    const layer = layerOfUrl(n.callFrame.url) ?? layerOfBuiltin(n.callFrame.functionName) ?? inherited;
    const ms = ((total(id) * usPerHit) / 1000 / Math.max(1, requests)).toFixed(3);
    const label = depth === 0 ? 'all' : functionLabel(n);
    boxes.push(
      `<g><title>${escapeXml(`${label} (${layer}): ${ms} ms per request`)}</title>` +
        `<rect x="${x.toFixed(1)}" y="${depth}" width="${w.toFixed(1)}" height="${row - 1}" fill="${COLOURS[layer]}"/>` +
        (w > 40
          ? `<text x="${(x + 3).toFixed(1)}" y="${depth + 11}">${escapeXml(label.slice(0, Math.floor(w / 6.5)))}</text>`
          : '') +
        `</g>`,
    );
    let cx = x;
    for (const c of n.children ?? []) {
      draw(c, cx, depth + row, layer);
      cx += (total(c) / all) * width;
    }
  };
  draw(root.id, 0, 0, 'V8 and other natives');
  const height = depthMax + row + 60;
  const legend = Object.entries(report.byLayer)
    .map(
      ([l, ms], i) =>
        `<g><rect x="${(i % 5) * 240}" y="${height - 48 + Math.floor(i / 5) * 14}" width="10" height="10" fill="${COLOURS[l as Layer]}"/><text x="${(i % 5) * 240 + 14}" y="${height - 39 + Math.floor(i / 5) * 14}">${escapeXml(`${l} ${ms.toFixed(3)} ms`)}</text></g>`,
    )
    .join('');
  // Drawn root at the top (an icicle), so the deep stacks of the driver and graphql-js read downwards.
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + 20}" font-family="monospace" font-size="10">` +
    `<text x="0" y="12" font-size="12">${escapeXml(title)}</text>` +
    `<g transform="translate(0,20)">${boxes.join('')}${legend}</g></svg>\n`
  );
}
