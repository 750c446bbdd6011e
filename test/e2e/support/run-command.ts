import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The README's run command, started the way a user starts it (`bash
 * infra/stance.sh start`, its own process group, as a terminal would) but on
 * free ports and with a database of its own, so that it never meets the
 * developer's Neo4j on 7687 or a service on 3000.
 */
export const ROOT = resolve(import.meta.dirname, '../../..');
export const ARTIFACTS = join(ROOT, 'test/artifacts/e2e');

export interface RunningStack {
  child: ChildProcess;
  /** The service: GraphQL at `${url}/graphql`, health at `${url}/health`. */
  url: string;
  port: number;
  boltPort: number;
  httpPort: number;
  /** STANCE_NEO4J_HOME: conf, data, logs, password, run/neo4j.pid. */
  neo4jHome: string;
  logFile: string;
  /** Seconds from spawn until /health answered 200. */
  secondsToHealthy: number;
  password(): string;
  /** The Neo4j server's pid, from $home/run/neo4j.pid (server.sh writes it). */
  neo4jPid(): number;
  logTail(lines?: number): string;
}

/** A port the kernel hands out as free on the loopback interface right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/** Distinct free ports (asked for together, so none is handed out twice). */
async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

export function portOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      done(false);
    });
    socket.once('error', () => done(false));
  });
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function tail(file: string, lines: number): string {
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

/**
 * Spawns the run command and waits until the service's /health says 200.
 * Fails early, with the log's tail, when the command exits first.
 */
export async function startRunCommand(options: { healthTimeoutMs: number }): Promise<RunningStack> {
  const [port, boltPort, httpPort] = await freePorts(3);
  const neo4jHome = mkdtempSync(join(tmpdir(), 'stance-e2e-neo4j-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  const logFile = join(ARTIFACTS, 'run-command.log');
  const log = openSync(logFile, 'w');

  // The user's environment, minus what would point the command elsewhere: no
  // NEO4J_URI (so it starts its own Neo4j) and no Jest flags for its Node.
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['NEO4J_URI', 'NEO4J_USERNAME', 'NEO4J_PASSWORD', 'NEO4J_DATABASE', 'NODE_OPTIONS', 'HOST', 'STANCE_LOAD_DEMO']) {
    delete env[name];
  }
  Object.assign(env, {
    STANCE_NEO4J_HOME: neo4jHome,
    NEO4J_BOLT_PORT: String(boltPort),
    NEO4J_HTTP_PORT: String(httpPort),
    PORT: String(port),
  });

  const started = Date.now();
  const child = spawn('bash', ['infra/stance.sh', 'start'], {
    cwd: ROOT,
    env,
    detached: true, // its own process group, like a job in a terminal
    stdio: ['ignore', log, log],
  });
  closeSync(log);

  const url = `http://127.0.0.1:${port}`;
  const stack: RunningStack = {
    child,
    url,
    port,
    boltPort,
    httpPort,
    neo4jHome,
    logFile,
    secondsToHealthy: NaN,
    password: () => readFileSync(join(neo4jHome, 'password'), 'utf8').trim(),
    neo4jPid: () => Number(readFileSync(join(neo4jHome, 'run/neo4j.pid'), 'utf8').trim()),
    logTail: (lines = 40) => tail(logFile, lines),
  };

  const deadline = started + options.healthTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      rmSync(neo4jHome, { recursive: true, force: true });
      throw new Error(
        `the run command exited (${child.exitCode ?? child.signalCode}) before /health answered; ` +
          `log ${logFile}:\n${stack.logTail()}`,
      );
    }
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) {
        stack.secondsToHealthy = (Date.now() - started) / 1000;
        return stack;
      }
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  const message = `/health did not answer 200 within ${options.healthTimeoutMs / 1000} s; log ${logFile}:\n${stack.logTail()}`;
  await killLeftovers(stack, undefined);
  rmSync(neo4jHome, { recursive: true, force: true });
  throw new Error(message);
}

/** Resolves with the exit code (or signal) once the command has exited, or null after timeoutMs. */
export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<number | string | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? child.signalCode);
  return new Promise((done) => {
    const timer = setTimeout(() => done(null), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      done(code ?? signal);
    });
  });
}

/**
 * Signals the command's whole process group, as a terminal does on Ctrl-C
 * (SIGINT) or a service manager on stop (SIGTERM), and waits for the command
 * to exit. Returns its exit code or signal.
 */
export async function stopRunCommand(stack: RunningStack, signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 90000) {
  const started = Date.now();
  try {
    process.kill(-stack.child.pid!, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
  const exit = await waitForExit(stack.child, timeoutMs);
  return { exit, seconds: (Date.now() - started) / 1000 };
}

/** Last resort for afterAll: nothing this spec started may outlive it. */
export async function killLeftovers(stack: RunningStack | undefined, neo4jPid: number | undefined): Promise<void> {
  if (!stack) return;
  if (stack.child.exitCode === null && stack.child.signalCode === null) {
    await stopRunCommand(stack, 'SIGTERM', 60000);
    if (stack.child.exitCode === null && stack.child.signalCode === null) await stopRunCommand(stack, 'SIGKILL', 10000);
  }
  if (neo4jPid && processAlive(neo4jPid)) {
    process.kill(neo4jPid, 'SIGKILL');
  }
}
