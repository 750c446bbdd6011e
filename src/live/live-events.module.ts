import { Module } from '@nestjs/common';
import { inMemoryPubSub, PUBSUB } from './pubsub.js';
import { StanceEvents } from './stance-events.js';

/**
 * The PUBSUB engine (in memory by default; see pubsub.ts for a shared one)
 * and the typed events the stance write path publishes after each commit.
 */
@Module({
  providers: [{ provide: PUBSUB, useFactory: inMemoryPubSub }, StanceEvents],
  exports: [PUBSUB, StanceEvents],
})
export class LiveEventsModule {}
