// Jest globalTeardown for the integration tier: stops the one Neo4j container
// global-setup.ts started (no reaper runs here to do it for us), and the
// CoreNLP server.
export default async function globalTeardown(): Promise<void> {
  const parser = globalThis.__stanceCoreNlp;
  globalThis.__stanceCoreNlp = undefined;
  await parser?.stop();
  const container = globalThis.__stanceNeo4j;
  if (!container) return;
  globalThis.__stanceNeo4j = undefined;
  // A test database: no clean shutdown needed, so no 10 s graceful wait.
  await container.stop({ timeout: 0 });
  console.log(`stance: stopped Neo4j test container ${container.getId().slice(0, 12)}`);
}
