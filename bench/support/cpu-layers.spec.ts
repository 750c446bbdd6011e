import { flameGraphSvg, layerOfUrl, layersOf, type CpuProfile } from './cpu-layers.js';

const frame = (id: number, functionName: string, url: string, hitCount: number, children: number[] = []) => ({
  id,
  callFrame: { functionName, url, lineNumber: 0 },
  hitCount,
  children,
});

describe('CPU profile layers', () => {
  it('names the layer of a frame by its package or our folder', () => {
    expect(layerOfUrl('file:///app/node_modules/graphql/language/parser.js')).toBe('GraphQL parse');
    expect(layerOfUrl('file:///app/node_modules/graphql/validation/validate.js')).toBe('GraphQL validate');
    expect(layerOfUrl('file:///app/node_modules/graphql/execution/execute.js')).toBe('GraphQL execute');
    expect(layerOfUrl('file:///app/node_modules/graphql-jit/dist/execution.js')).toBe('GraphQL execute');
    expect(layerOfUrl('file:///app/node_modules/@escape.tech/graphql-armor-cost-limit/x.js')).toBe('armor limits');
    expect(layerOfUrl('file:///app/node_modules/neo4j-driver-bolt-connection/lib/x.js')).toBe('neo4j driver');
    expect(layerOfUrl('file:///app/node_modules/@nestjs/graphql/dist/x.js')).toBe('Nest resolvers');
    expect(layerOfUrl('node:internal/streams/writable')).toBe('Node: sockets, HTTP, streams');
    expect(layerOfUrl('file:///app/node_modules/body-parser/lib/read.js')).toBe(
      'HTTP framework (routing, body parsing)',
    );
    expect(layerOfUrl('file:///app/node_modules/fastify/lib/route.js')).toBe('HTTP framework (routing, body parsing)');
    expect(layerOfUrl('file:///app/node_modules/find-my-way/index.js')).toBe('HTTP framework (routing, body parsing)');
    expect(layerOfUrl('file:///app/node_modules/@as-integrations/fastify/dist/x.js')).toBe('Apollo Server');
    expect(layerOfUrl('file:///app/dist/auth/auth.service.js')).toBe('ours: auth');
    expect(layerOfUrl('file:///app/dist/proposals/proposals.resolver.js')).toBe('ours: features');
    expect(layerOfUrl('')).toBeNull();
  });

  it('charges built-ins to their caller, JSON and GC to their own, and skips idle time', () => {
    // 100 µs per hit: 10 hits over 1 ms of profile (idle included)
    const profile: CpuProfile = {
      startTime: 0,
      endTime: 1000,
      nodes: [
        frame(1, '(root)', '', 0, [2, 5, 6, 7]),
        frame(2, 'execute', 'file:///a/node_modules/graphql/execution/execute.js', 2, [3, 4]),
        frame(3, 'someBuiltin', '', 3),
        frame(4, 'stringify', '', 1),
        frame(5, '(garbage collector)', '', 1),
        frame(6, '(idle)', '', 2),
        frame(7, 'run', 'file:///a/node_modules/neo4j-driver-core/lib/x.js', 1),
      ],
    };
    const report = layersOf(profile, 2);
    // per request: execute 5 hits (its own 2 and the built-in's 3) × 0.1 ms / 2 requests
    expect(report.byLayer).toEqual({ 'GraphQL execute': 0.25, 'neo4j driver': 0.05, JSON: 0.05, GC: 0.05 });
    expect(report.busyMs).toBe(0.8);
    expect(flameGraphSvg(profile, 2, 'test')).toContain('execute');
  });
});
