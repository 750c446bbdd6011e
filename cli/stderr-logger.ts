import { ConsoleLogger, type LogLevel } from '@nestjs/common';

/**
 * Nest's console logger with every level on stderr. Nest writes warnings to
 * stdout, and a command's stdout is its data (article ids, a JSON summary).
 */
export class StderrLogger extends ConsoleLogger {
  constructor(levels: LogLevel[] = ['error', 'warn']) {
    super({ logLevels: levels });
  }

  protected override printMessages(
    messages: unknown[],
    context?: string,
    logLevel?: LogLevel,
    _stream?: 'stdout' | 'stderr',
    errorStack?: unknown,
    params?: Record<string, unknown>,
  ): void {
    super.printMessages(messages, context, logLevel, 'stderr', errorStack, params);
  }
}
