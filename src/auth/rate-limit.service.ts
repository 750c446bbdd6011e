import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { ThrottlerStorageService } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '../common/config/config.js';
import { DomainError, ErrorCode } from '../common/errors/error-code.js';

/** What is limited: ingestion per token, exports per token or address, failed authentication per address. */
export type RateLimited = 'ingest' | 'exports' | 'authFailures';

const WINDOW_MS = 60_000;

/** A refusal for going past a limit: the code, and when to try again. */
export class RateLimitError extends DomainError {
  constructor(
    readonly limited: RateLimited,
    readonly retryAfterSeconds: number,
  ) {
    super(ErrorCode.RATE_LIMITED, `too many requests (${describe(limited)}); try again in ${retryAfterSeconds} s`);
    this.name = 'RateLimitError';
  }
}

function describe(limited: RateLimited): string {
  return limited === 'ingest'
    ? 'articles ingested'
    : limited === 'exports'
      ? 'exports'
      : 'requests with credentials that do not hold';
}

/**
 * Sliding-window rate limits on the expensive and the abusable: ingestion,
 * exports, failed authentication. The counting is @nestjs/throttler's
 * storage (hits expire after the window; idle callers are swept), so the
 * memory it holds is bounded by the callers of the last minute. A caller
 * past a limit is refused until its oldest counted hit leaves the window
 * (failed authentication: blocked for a whole window). Counts are per
 * process; replicas behind a balancer each count their own share.
 */
@Injectable()
export class RateLimitService implements OnModuleInit, OnModuleDestroy {
  private storage: ThrottlerStorageService | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    // Loaded once the ES module graph has been evaluated: @nestjs/throttler is
    // CommonJS and requires @nestjs/common, which (ESM since NestJS 12) cannot
    // be required while the graph that imports it is still being linked
    // (Jest's module runner meets exactly that cycle).
    const { ThrottlerStorageService } = await import('@nestjs/throttler');
    this.storage = new ThrottlerStorageService();
  }

  /** Counts `hits` for `caller` and throws RateLimitError past the limit. */
  async take(limited: RateLimited, caller: string, hits = 1): Promise<void> {
    const limit = this.config.ops.rateLimits[`${limited}PerMinute`];
    const block = limited === 'authFailures' ? WINDOW_MS : 0;
    if (!this.storage) throw new Error('RateLimitService used before the module started');
    for (let i = 0; i < hits; i++) {
      const record = await this.storage.increment(`${limited}:${caller}`, WINDOW_MS, limit, block, limited);
      if (record.isBlocked) throw new RateLimitError(limited, Math.max(1, record.timeToBlockExpire));
    }
  }

  onModuleDestroy(): void {
    this.storage?.onApplicationShutdown();
  }
}
