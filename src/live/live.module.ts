import { Global, Module } from '@nestjs/common';
import { GraphqlSupportModule } from '../graphql/graphql-support.module.js';
import { LiveSocketServer } from './live-socket.server.js';
import { LiveResolver } from './live.resolver.js';
import { inMemoryPubSub, PUBSUB } from './pubsub.js';
import { StanceEvents } from './stance-events.js';

/**
 * Live updates: the PUBSUB engine (in memory by default; see pubsub.ts for a
 * shared one), the typed events StancesService publishes after each commit,
 * the subscriptions, and the WebSocket server they are served on. Global so
 * that the stance write path can publish.
 */
@Global()
@Module({
  imports: [GraphqlSupportModule],
  providers: [{ provide: PUBSUB, useFactory: inMemoryPubSub }, StanceEvents, LiveResolver, LiveSocketServer],
  exports: [PUBSUB, StanceEvents],
})
export class LiveModule {}
