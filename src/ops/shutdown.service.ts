import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../common/config/config.js';

/**
 * Graceful shutdown. On SIGTERM (Nest's shutdown hooks) the service first
 * stops being ready (/health/ready answers 503, new requests get
 * SERVICE_UNAVAILABLE), waits for the requests in flight to finish (up to
 * STANCE_SHUTDOWN_GRACE_MS), and only then do the HTTP server and, last, the
 * Neo4j driver close (Neo4jService.onApplicationShutdown runs after every
 * module is destroyed).
 */
@Injectable()
export class ShutdownService implements OnModuleDestroy {
  private readonly logger = new Logger('Shutdown');
  private inFlight = 0;
  private idle: Array<() => void> = [];
  draining = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get requestsInFlight(): number {
    return this.inFlight;
  }

  started(): void {
    this.inFlight += 1;
  }

  finished(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (this.inFlight === 0) this.idle.splice(0).forEach((resolve) => resolve());
  }

  async onModuleDestroy(): Promise<void> {
    this.draining = true;
    if (this.inFlight === 0) return;
    const grace = this.config.ops.shutdownGraceMs;
    this.logger.log(`draining ${this.inFlight} request(s) in flight (up to ${grace} ms)`);
    let timer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      new Promise<boolean>((resolve) => this.idle.push(() => resolve(true))),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), grace);
      }),
    ]);
    clearTimeout(timer);
    if (!drained) this.logger.warn(`${this.inFlight} request(s) still in flight after ${grace} ms; closing anyway`);
  }
}
