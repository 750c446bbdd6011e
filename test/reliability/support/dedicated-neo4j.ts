import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import neo4j from 'neo4j-driver';
import { neo4jTestImage } from '../../neo4j-image.js';

const run = promisify(execFile);
const LOOPBACK = '127.0.0.1';

export interface DedicatedNeo4j {
  id: string;
  boltUri: string;
  username: string;
  password: string;
  /** SIGKILL: the database goes away as in a crash (no clean shutdown). */
  kill(): Promise<void>;
  /** Starts the killed container again (same ports, same data). */
  start(): Promise<void>;
  /** Whether Neo4j itself answers a query now (its own driver, no retries). */
  answers(): Promise<boolean>;
  /** Stops and removes it. */
  remove(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A Neo4j container of the fault test's own (the shared one is never
 * disturbed), with its Bolt port pinned to a free loopback port so that the
 * service reconnects to the same address after a restart.
 */
export async function startDedicatedNeo4j(): Promise<DedicatedNeo4j> {
  process.env.TESTCONTAINERS_RYUK_DISABLED = 'true';
  if (!process.env.DOCKER_HOST) process.env.TESTCONTAINERS_HOST_OVERRIDE ??= LOOPBACK;
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  class PinnedLoopbackNeo4j extends Neo4jContainer {
    protected override async beforeContainerCreated(): Promise<void> {
      for (const bindings of Object.values(this.hostConfig.PortBindings ?? {})) {
        for (const binding of bindings as Array<{ HostIp?: string }>) binding.HostIp = LOOPBACK;
      }
    }
  }
  const [bolt, http] = [await freePort(), await freePort()];
  const password = randomBytes(12).toString('hex');
  const container = await new PinnedLoopbackNeo4j(neo4jTestImage())
    .withPassword(password)
    .withExposedPorts({ container: 7687, host: bolt }, { container: 7474, host: http })
    .start();
  const id = container.getId();
  const boltUri = `bolt://${LOOPBACK}:${bolt}`;
  const probe = neo4j.driver(boltUri, neo4j.auth.basic(container.getUsername(), password), {
    maxTransactionRetryTime: 0,
    connectionTimeout: 1000,
    connectionAcquisitionTimeout: 1500,
  });
  return {
    id,
    boltUri,
    username: container.getUsername(),
    password,
    kill: async () => {
      await run('docker', ['kill', id]);
    },
    start: async () => {
      await run('docker', ['start', id]);
    },
    answers: async () => {
      const session = probe.session({ defaultAccessMode: neo4j.session.READ });
      try {
        await session.run('RETURN 1');
        return true;
      } catch {
        return false;
      } finally {
        await session.close().catch(() => undefined);
      }
    },
    remove: async () => {
      await probe.close().catch(() => undefined);
      await run('docker', ['rm', '-f', id]).catch(() => undefined);
    },
  };
}
