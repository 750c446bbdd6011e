import { ConsoleLogger, LoggerService, LogLevel } from '@nestjs/common';
import { currentRequestId } from './request-id.js';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * One JSON object per line on stdout: time, level, context, message, the
 * request id of the request being served (when there is one), and any
 * structured fields. Nest's own messages come through here too.
 */
export class JsonLogger implements LoggerService {
  private levels: Set<LogLevel>;

  constructor(
    levels: LogLevel[] = ['fatal', 'error', 'warn', 'log'],
    private readonly write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  ) {
    this.levels = new Set(levels);
  }

  setLogLevels(levels: LogLevel[]): void {
    this.levels = new Set(levels);
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.emit('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.emit('fatal', message, rest);
  }

  /** A structured event: `logger.event('log', 'http', 'request', { status: 200 })`. */
  event(level: LogLevel, context: string, msg: string, fields: Record<string, unknown>): void {
    if (!this.levels.has(level)) return;
    this.write(JSON.stringify({ time: new Date().toISOString(), level: name(level), context, msg, requestId: currentRequestId(), ...fields }));
  }

  private emit(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (!this.levels.has(level)) return;
    // Nest passes (message, context) or, for errors, (message, stack, context).
    const args = [...rest];
    const context = typeof args[args.length - 1] === 'string' ? (args.pop() as string) : undefined;
    const stack = level === 'error' || level === 'fatal' ? args.find((a) => typeof a === 'string') : undefined;
    const fields = message !== null && typeof message === 'object' && !(message instanceof Error) ? (message as Record<string, unknown>) : { msg: text(message) };
    const err = message instanceof Error ? { stack: message.stack } : stack ? { stack } : {};
    this.write(JSON.stringify({ time: new Date().toISOString(), level: name(level), context, requestId: currentRequestId(), ...fields, ...err }));
  }
}

function name(level: LogLevel): string {
  return level === 'log' ? 'info' : level;
}

function text(message: unknown): string {
  if (message instanceof Error) return message.message;
  return typeof message === 'string' ? message : String(message);
}

/** The logger a start-up asks for: JSON lines, or Nest's coloured console for people. */
export function makeLogger(format: 'json' | 'text', levels?: LogLevel[]): LoggerService {
  const chosen = levels ?? ['fatal', 'error', 'warn', 'log'];
  if (format === 'text') return new ConsoleLogger({ logLevels: chosen });
  return new JsonLogger(chosen.filter((l) => LEVELS.includes(l)));
}
