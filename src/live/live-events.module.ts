import { Module } from '@nestjs/common';
import { PUBSUB, PubSubHost } from './pubsub.js';
import { StanceEvents } from './stance-events.js';

/**
 * The PUBSUB engine (Redis with REDIS_URL, else in memory; see pubsub.ts)
 * and the typed events the stance write path publishes after each commit.
 */
@Module({
  providers: [
    PubSubHost,
    { provide: PUBSUB, useFactory: (host: PubSubHost) => host.engine, inject: [PubSubHost] },
    StanceEvents,
  ],
  exports: [PUBSUB, StanceEvents, PubSubHost],
})
export class LiveEventsModule {}
