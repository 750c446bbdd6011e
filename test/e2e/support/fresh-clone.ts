import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  closeSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve, sep } from 'node:path';

/**
 * What a newcomer does, from the outside: a fresh clone of this repository in
 * an empty temporary folder (no .stance/, no node_modules), the README's
 * commands run there by the machine's own `npm` with the machine's own PATH,
 * on free ports so that a developer's Neo4j on 7687 or service on 3000 is
 * never met.
 */
export const ROOT = resolve(import.meta.dirname, '../../..');
export const ARTIFACTS = join(ROOT, 'test/artifacts/e2e');

export interface FreshClone {
  /** The empty temporary folder the clone sits in (removed by cleanUp). */
  parent: string;
  /** The clone: `${parent}/stance-graph`. */
  dir: string;
  /** What it holds: HEAD alone, or HEAD with this checkout's uncommitted work laid over it. */
  source: 'HEAD' | 'HEAD + working tree';
  /** Whether ../shared/seeds was placed beside it (for `npm run quality` without arguments). */
  seeds: boolean;
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-C', cwd, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
const fileList = (out: Buffer) => out.toString().split('\0').filter(Boolean);

/**
 * `git clone` of this checkout. In CI the checkout is a clean clone of main,
 * so the clone is exactly what a newcomer gets. During development there is
 * uncommitted work: it is laid over the clone (every file `git ls-files
 * --cached --others --exclude-standard` names, as it is on disk; tracked files
 * deleted on disk deleted), so the clone holds what a clone would hold had
 * that work been committed. Ignored files (.stance/, node_modules/, dist/)
 * never come along. STANCE_E2E_CLONE=head skips the overlay: the committed
 * HEAD alone (how the closing note of issue 11 shows the old code failing).
 */
export function makeFreshClone(): FreshClone {
  const parent = mkdtempSync(join(tmpdir(), 'stance-fresh-clone-'));
  const dir = join(parent, 'stance-graph');
  // --no-hardlinks: the clone shares no object files with this checkout.
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', ROOT, dir], { stdio: ['ignore', 'inherit', 'inherit'] });
  const headOnly = process.env.STANCE_E2E_CLONE === 'head';
  if (!headOnly) {
    const wanted = fileList(git(ROOT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'));
    const onDisk = new Set<string>();
    for (const file of wanted) {
      const from = join(ROOT, file);
      if (!existsSync(from) && !isSymlink(from)) continue; // deleted, not yet staged
      onDisk.add(file);
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      cpSync(from, join(dir, file), { force: true, verbatimSymlinks: true });
    }
    for (const file of fileList(git(dir, 'ls-files', '-z'))) {
      if (!onDisk.has(file)) rmSync(join(dir, file), { force: true });
    }
  }
  // `npm run quality` with no arguments reads ../shared/seeds, beside the checkout.
  const seedsFrom = join(ROOT, '..', 'shared', 'seeds');
  const seeds = existsSync(join(seedsFrom, 'gold.json'));
  if (seeds) cpSync(seedsFrom, join(parent, 'shared', 'seeds'), { recursive: true });
  return { parent, dir, source: headOnly ? 'HEAD' : 'HEAD + working tree', seeds };
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * The environment of a person at a terminal: this process's, minus what the
 * test run itself put there. No Node 24 or node_modules/.bin on PATH (npm and
 * infra/stance.sh put those there for us, not for them), no npm_* or Jest
 * variables, no NEO4J_* or STANCE_* settings; plus the free ports.
 */
export function newcomerEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(npm_|NEO4J_|STANCE_|JEST_)/i.test(name)) continue;
    if (['INIT_CWD', 'NODE_OPTIONS', 'NODE_ENV', 'HOST', 'PORT', 'NODE', 'COLOR'].includes(name)) continue;
    env[name] = value;
  }
  env.PATH = (process.env.PATH ?? '')
    .split(delimiter)
    .filter(
      (p) =>
        p && !p.startsWith(ROOT + sep) && !p.includes(`${sep}node_modules${sep}.bin`) && !p.includes('node-gyp-bin'),
    )
    .join(delimiter);
  return { ...env, ...extra };
}

/** The `node --version` a newcomer's PATH finds (Node 20 on these machines). */
export function machineNode(env: NodeJS.ProcessEnv): string {
  try {
    return execFileSync('node', ['--version'], { env, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return 'none';
  }
}

/** A port the kernel hands out as free on the loopback interface right now. */
function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** Distinct free ports (asked for together, so none is handed out twice). */
export async function freePorts(count: number): Promise<number[]> {
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

export function tail(file: string, lines = 40): string {
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

/** A command started in its own process group (as a terminal runs a job), its output in a log file. */
export interface Job {
  child: ChildProcess;
  logFile: string;
  started: number;
}

/** Spawns `npm ARGS...` in the clone, its own process group, stdout and stderr into logFile. */
export function spawnNpm(clone: FreshClone, args: string[], env: NodeJS.ProcessEnv, logFile: string): Job {
  mkdirSync(dirname(logFile), { recursive: true });
  const log = openSync(logFile, 'w');
  const child = spawn('npm', args, { cwd: clone.dir, env, detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  return { child, logFile, started: Date.now() };
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

/**
 * Runs `npm ARGS...` in the clone to its end and keeps stdout (data) apart
 * from stderr (for people); both are also written to logFile. Past timeoutMs
 * its process group is stopped, then killed.
 */
export async function runNpm(
  clone: FreshClone,
  args: string[],
  env: NodeJS.ProcessEnv,
  logFile: string,
  timeoutMs: number,
): Promise<Finished> {
  mkdirSync(dirname(logFile), { recursive: true });
  const started = Date.now();
  const child = spawn('npm', args, { cwd: clone.dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((done) =>
    child.once('close', (code, signal) => done([code, signal])),
  );
  const timer = setTimeout(() => void stopGroup(child, 30000), timeoutMs);
  const [code, signal] = await exited;
  clearTimeout(timer);
  writeFileSync(
    logFile,
    `$ npm ${args.join(' ')}\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}\n--- exit ${code ?? signal} ---\n`,
  );
  return { code, signal, stdout, stderr, seconds: (Date.now() - started) / 1000 };
}

/**
 * The command's own stdout, without the two lines npm itself prints before
 * running a script ("> pkg@version name" and "> command") and the blank line
 * after them (`npm run --silent` leaves those out).
 */
export function dataLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('> '));
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Waits until no process of the group is left (a child may outlive npm), or timeoutMs. */
export async function waitGroupGone(pgid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!groupAlive(pgid)) return true;
    await sleep(250);
  }
  return !groupAlive(pgid);
}

/** Resolves with the exit code (or signal) once the process has exited, or null after timeoutMs. */
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
 * Signals the job's whole process group, as a terminal does on Ctrl-C
 * (SIGINT) or a service manager on stop (SIGTERM); after timeoutMs, SIGKILL.
 * Returns once the group is gone.
 */
export async function stopGroup(
  child: ChildProcess,
  timeoutMs: number,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<boolean> {
  const pgid = child.pid;
  if (!pgid) return true;
  const send = (s: NodeJS.Signals) => {
    try {
      process.kill(-pgid, s);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  };
  send(signal);
  if (await waitGroupGone(pgid, timeoutMs)) return true;
  send('SIGKILL');
  return waitGroupGone(pgid, 10000);
}

/**
 * Last resort for afterAll: no process whose command line names the clone's
 * folder or that runs in it (a Neo4j started for `npm run ingest`, a throwaway
 * one for `npm run quality`, the service) may outlive the test, even when a process group was
 * left behind by a setsid or a crash. The folder is unique to this run.
 */
export function killProcessesUnder(folder: string): number[] {
  const killed: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let cmdline: string;
    let cwd: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      cwd = readlinkSync(`/proc/${entry}/cwd`);
    } catch {
      continue; // gone, or not ours to read
    }
    if (!cmdline.includes(folder + sep) && cwd !== folder && !cwd.startsWith(folder + sep)) continue;
    try {
      process.kill(Number(entry), 'SIGKILL');
      killed.push(Number(entry));
    } catch {
      // gone already
    }
  }
  return killed;
}

/** Removes the clone and everything beside it. */
export function removeClone(clone: FreshClone | undefined): void {
  if (clone) rmSync(clone.parent, { recursive: true, force: true });
}
