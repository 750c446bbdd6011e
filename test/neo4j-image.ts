// The one place the integration tier's Neo4j image is named.
// With a registry (a laptop, CI with Docker Hub): NEO4J_TEST_IMAGE=neo4j:5.26-community.
// Without one (these machines): an image built locally from Debian's packages
// and Maven Central's jars by infra/neo4j/image/build.sh (cached after once).
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export const LOCAL_NEO4J_IMAGE = 'stance-graph/neo4j:5.26-local';

export function neo4jTestImage(): string {
  const fromEnv = process.env.NEO4J_TEST_IMAGE?.trim();
  if (fromEnv) return fromEnv;
  // build.sh returns at once when the image is current and prints its name on
  // stdout; its progress lines go to our stderr so a first build is visible.
  const script = resolve(import.meta.dirname, '../infra/neo4j/image/build.sh');
  const printed = execFileSync('bash', [script], { stdio: ['ignore', 'pipe', 'inherit'] })
    .toString()
    .trim();
  if (printed !== LOCAL_NEO4J_IMAGE) {
    throw new Error(`infra/neo4j/image/build.sh printed "${printed}", expected "${LOCAL_NEO4J_IMAGE}"`);
  }
  return LOCAL_NEO4J_IMAGE;
}
