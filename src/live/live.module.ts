import { Global, Module } from '@nestjs/common';
import { GraphqlSupportModule } from '../graphql/graphql-support.module.js';
import { LiveResolver } from './live.resolver.js';
import { inMemoryPubSub, PUBSUB } from './pubsub.js';
import { StanceEvents } from './stance-events.js';

/**
 * Live updates: the PUBSUB engine (in memory by default; see pubsub.ts for a
 * shared one), the typed events StancesService publishes after each commit,
 * and the subscriptions. Global so that the stance write path can publish.
 */
@Global()
@Module({
  imports: [GraphqlSupportModule],
  providers: [{ provide: PUBSUB, useFactory: inMemoryPubSub }, StanceEvents, LiveResolver],
  exports: [PUBSUB, StanceEvents],
})
export class LiveModule {}
