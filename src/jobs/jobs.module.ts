import {
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type Type,
} from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';
import { APP_CONFIG, type AppConfig } from '../common/config/config.js';
import { IngestModule } from '../ingest/ingest.module.js';
import { IngestService } from '../ingest/ingest.service.js';
import { LiveEventsModule } from '../live/live-events.module.js';
import { PUBSUB } from '../live/pubsub.js';
import { BullIngestQueue } from './bullmq-queue.js';
import { IngestQueue } from './ingest-queue.js';
import { IngestJobResolver, JobsResolver } from './jobs.resolver.js';
import { LocalIngestQueue } from './local-queue.js';

/** Lets running jobs finish (and stops taking new ones) before the database connections close. */
@Injectable()
class QueueShutdown implements BeforeApplicationShutdown {
  constructor(
    private readonly queue: IngestQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.close(this.config.ops.shutdownGraceMs);
  }
}

/**
 * Bulk ingestion as jobs: BullMQ on Redis with REDIS_URL (every replica runs
 * workers), else the in-process queue; the same API and events either way.
 */
@Module({})
export class JobsModule {
  static forRoot(loaders: Type): DynamicModule {
    return {
      module: JobsModule,
      imports: [IngestModule, LiveEventsModule, loaders],
      providers: [
        {
          provide: IngestQueue,
          inject: [APP_CONFIG, IngestService, PUBSUB],
          useFactory: (config: AppConfig, ingest: IngestService, pubsub: PubSubEngine): IngestQueue => {
            const run = (input: Parameters<IngestService['ingest']>[0]) => ingest.ingest(input);
            const queue = config.redis.url
              ? new BullIngestQueue(config.redis.url, run, pubsub, config.jobs)
              : new LocalIngestQueue(run, pubsub, config.jobs);
            new Logger('IngestQueue').log(
              `bulk ingestion on ${queue.engine === 'bullmq' ? 'BullMQ (Redis)' : 'the in-process queue'}, ${config.jobs.concurrency} worker(s) here`,
            );
            return queue;
          },
        },
        QueueShutdown,
        JobsResolver,
        IngestJobResolver,
      ],
      exports: [IngestQueue],
    };
  }
}
