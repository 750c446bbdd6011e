import type { LoggerService, LogLevel } from '@nestjs/common';
import { pino, type DestinationStream, type Level, type Logger, type LoggerOptions } from 'pino';
import { PinoPretty } from 'pino-pretty';
import type { LogLevelName } from '../common/config/config.js';
import { currentRequestId } from './request-id.js';

/**
 * Fields that hold credentials, wherever they sit in a logged object (up to
 * four levels down, which covers req.headers.authorization and
 * connectionParams.authorization): replaced before a line is written.
 */
const SECRET_KEYS = ['authorization', 'cookie', '["set-cookie"]', 'token', 'password', 'secret'];
export const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => {
  const nested = key.startsWith('[') ? key : `.${key}`;
  return [...(key.startsWith('[') ? [] : [key]), `*${nested}`, `*.*${nested}`, `*.*.*${nested}`];
});
const CENSOR = '[redacted]';

/** Credentials inside free text (a message, an error text): signed tokens, and a credential-like word after Bearer or Basic. */
const SECRET_TEXT: Array<[RegExp, string]> = [
  [/\bsg1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g, `sg1.${CENSOR}`],
  [/\b(Bearer|Basic)([ \t]+)[A-Za-z0-9._~+/=-]{8,}/gi, `$1$2${CENSOR}`],
];

export function scrubText(text: string): string {
  return SECRET_TEXT.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/** pino's error serializer, with credentials taken out of the message and the stack. */
function scrubbedError(error: Error): Record<string, unknown> {
  const out = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  for (const key of ['message', 'stack']) if (typeof out[key] === 'string') out[key] = scrubText(out[key] as string);
  return out;
}

const NEST_TO_PINO: Record<LogLevel, Level> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};
const SEVERITY: Level[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];

/** The pino level that writes every one of Nest's levels given (Nest lists levels; pino has a threshold). */
export function pinoLevel(levels: LogLevel[]): Level {
  const wanted = levels.map((l) => SEVERITY.indexOf(NEST_TO_PINO[l])).filter((i) => i >= 0);
  return wanted.length === 0 ? 'fatal' : SEVERITY[Math.max(...wanted)];
}

export interface LogOptions {
  /** json: one JSON object per line (the operator's stream); text: pino-pretty, for people. */
  format: 'json' | 'text';
  level: LogLevelName;
  /** Where lines go; stdout when omitted (tests pass their own). */
  destination?: DestinationStream;
}

/**
 * The service's logger: pino, with the request id of the request being
 * served on every line logged while serving it (request-id.ts keeps it in
 * AsyncLocalStorage, so no child logger has to be passed along), credentials
 * redacted, ISO times and level names.
 */
export function createLogger(options: LogOptions): AppLogger {
  const json = options.format === 'json';
  const config: LoggerOptions = {
    level: options.level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const requestId = currentRequestId();
      return requestId === undefined ? {} : { requestId };
    },
    redact: { paths: REDACTED_PATHS, censor: CENSOR },
    serializers: { err: scrubbedError },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)) as Parameters<typeof method>,
        );
      },
    },
    ...(json ? { formatters: { level: (label: string) => ({ level: label }) } } : {}),
  };
  const destination = json ? (options.destination ?? stdout()) : pretty(options.destination);
  // Access lines are built here from fixed fields (logAccess) that hold no credential and carry
  // their own request id: written without the redaction pass, the scrubbing hook and the mixin,
  // which otherwise cost a line per request more than its formatting (issue 16's CPU profile).
  const { redact: _redact, hooks: _hooks, mixin: _mixin, serializers: _serializers, ...plain } = config;
  return new AppLogger(pino(config, destination), pino(plain, destination));
}

/**
 * stdout, written asynchronously (a slow reader of the log never stalls a
 * request) and in blocks: lines gather until 4 KB or a quarter of a second
 * has passed, so a busy service makes one write call for about thirty
 * access lines instead of one each. One per process, as there is one
 * stdout: pino flushes it synchronously on process exit, which is why
 * main.ts shuts down through process.exit (enableShutdownHooks'
 * useProcessExit).
 */
let stdoutStream: DestinationStream | undefined;
function stdout(): DestinationStream {
  stdoutStream ??= pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 250 });
  return stdoutStream;
}

/** Text for people: one short line per entry, synchronously (development only). */
function pretty(destination?: DestinationStream): DestinationStream {
  return PinoPretty({
    destination: destination ?? 1,
    sync: true,
    colorize: destination === undefined && process.stdout.isTTY,
    translateTime: 'SYS:HH:MM:ss.l',
    singleLine: true,
    ignore: 'context,requestId,method,route,status,ms',
    messageFormat: (log, key) => {
      const text =
        log.context === 'HTTP' ? `${log.method} ${log.route} ${log.status} ${log.ms} ms` : String(log[key] ?? '');
      return `${log.context ? `[${log.context}] ` : ''}${log.requestId ? `(${log.requestId}) ` : ''}${text}`;
    },
  });
}

/**
 * Nest's LoggerService over pino: Nest's own messages and every
 * `new Logger(context)` in the code come through here. Nest calls
 * `log(message, context)` and `error(message, stack?, context?)`; an object
 * message becomes fields of the line.
 */
export class AppLogger implements LoggerService {
  /** access: the logger of access lines (logAccess), on the same destination and level. */
  constructor(
    readonly pino: Logger,
    readonly access: Logger = pino,
  ) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  setLogLevels(levels: LogLevel[]): void {
    this.pino.level = pinoLevel(levels);
    this.access.level = this.pino.level;
  }

  /** Writes what pino holds for a destination written asynchronously (tests; main.ts flushes on exit). */
  flush(): Promise<void> {
    return new Promise((resolve) => this.pino.flush(() => resolve()));
  }

  private write(level: Level, message: unknown, rest: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const strings = rest.filter((a): a is string => typeof a === 'string');
    // (message, context), (message, stack, context), or (message, stack) from Nest's exception handlers.
    const stack =
      (level === 'error' || level === 'fatal') &&
      strings.length > 0 &&
      (strings.length > 1 || looksLikeStack(strings[0]))
        ? strings[0]
        : undefined;
    const context = strings.length > (stack === undefined ? 0 : 1) ? strings[strings.length - 1] : undefined;
    const fields: Record<string, unknown> = context === undefined ? {} : { context };
    if (message instanceof Error) {
      this.pino[level]({ ...fields, err: message }, message.message);
    } else if (message !== null && typeof message === 'object') {
      this.pino[level]({ ...fields, ...(message as Record<string, unknown>), ...(stack ? { stack } : {}) });
    } else {
      this.pino[level]({ ...fields, ...(stack ? { stack } : {}) }, String(message));
    }
  }
}

function looksLikeStack(text: string): boolean {
  return /\n\s+at /.test(text);
}

export interface AccessEntry {
  requestId: string;
  method: string;
  route: string;
  status: number;
  ms: number;
}

/** The access log: one line per request; health probes and metrics scrapes at debug, so they do not drown the rest. */
export function logAccess(logger: LoggerService, entry: AccessEntry): void {
  if (!(logger instanceof AppLogger)) return;
  const quiet = entry.route.startsWith('/health') || entry.route === '/metrics';
  logger.access[quiet ? 'debug' : 'info']({ context: 'HTTP', ...entry }, 'request');
}
