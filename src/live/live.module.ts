import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { OpsModule } from '../ops/ops.module.js';
import { LiveEventsModule } from './live-events.module.js';
import { LiveSocketServer } from './live-socket.server.js';
import { LiveResolver } from './live.resolver.js';

/**
 * Live updates: the subscriptions and the WebSocket server they are served
 * on, over the events of LiveEventsModule. The module that provides the
 * per-request loaders (LoadersFactory) is handed in by the application
 * (app.module.ts), so this folder imports no feature that reads the graph.
 */
@Module({})
export class LiveModule {
  static forRoot(loaders: Type): DynamicModule {
    return {
      module: LiveModule,
      imports: [LiveEventsModule, OpsModule, loaders],
      providers: [LiveResolver, LiveSocketServer],
    };
  }
}
