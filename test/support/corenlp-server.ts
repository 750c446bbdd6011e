// The real CoreNLP server for the test tiers: infra/corenlp/server.sh run with
// a throwaway home on a free loopback port (a developer's own server may hold
// 9000). start() resolves once the models are loaded and the server answers.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SCRIPT = resolve(import.meta.dirname, '../../infra/corenlp/server.sh');

export interface CoreNlpServer {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((done, fail) => {
    const child = execFile('bash', [SCRIPT, ...args], { env, maxBuffer: 1 << 20 }, (error, stdout) =>
      error
        ? fail(new Error(`stance: infra/corenlp/server.sh ${args.join(' ')} failed: ${error.message}`))
        : done(stdout),
    );
    child.stderr?.pipe(process.stderr);
  });
}

export async function startCoreNlp(): Promise<CoreNlpServer> {
  const home = mkdtempSync(join(tmpdir(), 'stance-corenlp-'));
  const env = {
    ...process.env,
    STANCE_CORENLP_HOME: home,
    CORENLP_PORT: String(await freePort()),
    CORENLP_THREADS: '2',
  };
  const out = await run(['start'], env);
  const url = /^CORENLP_URL=(\S+)$/m.exec(out)?.[1];
  if (!url) throw new Error(`stance: infra/corenlp/server.sh start printed no CORENLP_URL (got: ${out.slice(0, 200)})`);
  return {
    url,
    async stop() {
      await run(['stop'], env);
      rmSync(home, { recursive: true, force: true });
    },
  };
}
