import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { signToken } from '../../src/auth/tokens.js';
import { freePorts, ROOT } from './neo4j-home.js';

/** A server the bench started as a child process. */
export interface Served {
  name: string;
  url: string;
  headers: Record<string, string>;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** The service as production builds it (npm run build). */
const DIST = join(ROOT, 'dist');
/** The bench's own built scripts: beside this module's folder (dist-tools/bench). */
const BENCH = join(import.meta.dirname, '..');

/**
 * The bench authenticates as the integration tests do (test/support/app.ts):
 * a signing secret of its own for the service it starts (STANCE_AUTH_SECRET),
 * and a signed reader token (auth/tokens.ts) on every request.
 */
const SECRET = randomBytes(32).toString('base64url');
const TOKEN = signToken(SECRET, { sub: 'bench', role: 'reader', ttlSeconds: 86400 });

/** A token the services this bench starts accept, for a role (the queue bench writes). */
export function tokenFor(role: 'reader' | 'editor'): string {
  return role === 'reader' ? TOKEN : signToken(SECRET, { sub: 'bench', role, ttlSeconds: 86400 });
}

/** Our service, built as production runs it: `node dist/main.js`, NODE_ENV=production. */
export async function startOurs(
  neo4jEnv: Record<string, string>,
  distDir = process.env.STANCE_BENCH_OURS ?? DIST,
): Promise<Served> {
  const [port] = await freePorts(1);
  const env = {
    ...process.env,
    ...neo4jEnv,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    STANCE_LOAD_DEMO: 'false',
    STANCE_AUTH_SECRET: SECRET,
  };
  const child = spawnNode(join(distDir, 'main.js'), env, 'ours');
  // Its JSON log (an access line per request) is read and dropped, as a log
  // collector would read it: a pipe nobody reads would fill and hold writes back.
  child.stdout!.resume();
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/health`, child, 'ours');
  return served('ours', `${url}/graphql`, { authorization: `Bearer ${TOKEN}` }, child);
}

/** The raw driver endpoint (raw-server.ts) or the peer (peer-server.ts): they print "listening <url>". */
export async function startScript(name: 'raw' | 'peer', neo4jEnv: Record<string, string>): Promise<Served> {
  const [port] = await freePorts(1);
  const child = spawnNode(join(BENCH, `${name}-server.js`), { ...process.env, ...neo4jEnv, PORT: String(port) }, name);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`${name} server exited (${code}) before listening`)));
  });
  return served(name, url, {}, child);
}

function spawnNode(script: string, env: NodeJS.ProcessEnv, name: string): ChildProcess {
  const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  });
  child.on('exit', (code, signal) => {
    if (code && code !== 0) process.stderr.write(`bench: ${name} exited with ${code ?? signal}\n${tail}\n`);
  });
  return child;
}

async function waitFor(url: string, child: ChildProcess, name: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}) before it answered ${url}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not answer ${url} within 180 s`);
}

function served(name: string, url: string, headers: Record<string, string>, child: ChildProcess): Served {
  return {
    name,
    url,
    headers,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** POSTs one request and parses the answer (for the agreement check and the first warm-up). */
export async function post(url: string, headers: Record<string, string>, body: string): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${text.slice(0, 300)}`);
  const json = JSON.parse(text) as { errors?: unknown[] };
  if (json.errors) throw new Error(`${url} answered errors: ${JSON.stringify(json.errors).slice(0, 500)}`);
  return json;
}
