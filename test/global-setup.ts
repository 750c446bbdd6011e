// Jest globalSetup for the integration tier: one real Neo4j per test run,
// started through Testcontainers and handed to the tests through the
// environment (workers inherit this process's env). No Docker means the run
// fails with a reason: an integration tier that skips proves nothing.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { StartedNeo4jContainer } from '@testcontainers/neo4j';
import type { CoreNlpServer } from './support/corenlp-server.js';

declare global {
  // The handles global-teardown.ts stops (same process, same globalThis).
  var __stanceNeo4j: StartedNeo4jContainer | undefined;
  var __stanceCoreNlp: CoreNlpServer | undefined;
}

const BOLT_PORT = 7687;
const HTTP_PORT = 7474;
const LOOPBACK = '127.0.0.1';

function ensureDocker(): void {
  const script = resolve(import.meta.dirname, '../infra/docker.sh');
  try {
    execFileSync('bash', [script, 'ensure'], { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch {
    throw new Error(
      'stance: the integration tests need a Docker engine and none answers. ' +
        'Run `bash infra/docker.sh ensure` as root (installs Debian docker.io and starts dockerd; ' +
        'log in .stance/dockerd.log), or point DOCKER_HOST at a running engine.',
    );
  }
}

export default async function globalSetup(): Promise<void> {
  ensureDocker();
  // The parser server loads its models (about 20 s) while Neo4j starts.
  const parserModule = './support/corenlp-server.ts';
  const { startCoreNlp } = (await import(parserModule)) as typeof import('./support/corenlp-server.js');
  const parser = startCoreNlp();
  // Jest hands globalSetup to Node's own ESM loader (the package is "type":
  // "module"), which finds './neo4j-image.ts' but not the './neo4j-image.js'
  // spelling tsc wants. A computed specifier serves both; the type stays checked.
  const imageModule = './neo4j-image.ts';
  const { neo4jTestImage } = (await import(imageModule)) as typeof import('./neo4j-image.js');
  const image = neo4jTestImage();

  // Set before Testcontainers loads: its reaper (Ryuk) image cannot be pulled
  // here, so teardown stops the container itself.
  process.env.TESTCONTAINERS_RYUK_DISABLED = 'true';
  // This machine is itself a container (/.dockerenv), so Testcontainers would
  // reach ports through the bridge gateway; ours are published on loopback.
  if (!process.env.DOCKER_HOST) process.env.TESTCONTAINERS_HOST_OVERRIDE ??= LOOPBACK;
  const { Neo4jContainer } = await import('@testcontainers/neo4j');

  // Published on loopback only (Testcontainers binds all interfaces), on
  // random host ports: a developer's own Neo4j may hold 7474/7687.
  class LoopbackNeo4jContainer extends Neo4jContainer {
    protected override async beforeContainerCreated(): Promise<void> {
      for (const bindings of Object.values(this.hostConfig.PortBindings ?? {})) {
        for (const binding of bindings as Array<{ HostIp?: string }>) binding.HostIp = LOOPBACK;
      }
    }
  }

  const password = randomBytes(12).toString('hex');
  const startedAt = Date.now();
  const container = await new LoopbackNeo4jContainer(image)
    .withPassword(password)
    .start()
    .catch(async (error: Error) => {
      // No Neo4j, no run: the parser server goes too.
      await parser.then((p) => p.stop()).catch(() => undefined);
      throw new Error(
        `stance: could not start Neo4j from ${image}: ${error.message}` +
          (process.env.NEO4J_TEST_IMAGE ? ' (unset NEO4J_TEST_IMAGE to use the locally built image)' : ''),
      );
    });
  globalThis.__stanceNeo4j = container;

  const host = container.getHost();
  const boltUri = `bolt://${host}:${container.getMappedPort(BOLT_PORT)}`;
  Object.assign(process.env, {
    NEO4J_URI: boltUri,
    NEO4J_USERNAME: container.getUsername(),
    NEO4J_PASSWORD: password,
    NEO4J_HTTP_URL: `http://${host}:${container.getMappedPort(HTTP_PORT)}`,
  });
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  globalThis.__stanceCoreNlp = await parser;
  // Not CORENLP_URL: the apps of the other suites read articles as configured by default.
  process.env.STANCE_TEST_CORENLP_URL = globalThis.__stanceCoreNlp.url;
  console.log(`\nstance: CoreNLP server at ${process.env.STANCE_TEST_CORENLP_URL}`);
  console.log(
    `\nstance: Neo4j test container ${container.getId().slice(0, 12)} from ${image} ` +
      `at ${boltUri} (started in ${seconds} s)`,
  );
}
