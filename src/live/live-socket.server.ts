import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { Disposable } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { AuthService } from '../auth/auth.service.js';
import { wsGuards } from './ws-auth.js';
import { APP_CONFIG, type AppConfig } from '../common/config/config.js';
import type { RequestContext } from '../graph/request-context.js';
import { LoadersFactory } from '../graph/loaders.js';
import { ShutdownService } from '../ops/shutdown.service.js';
import { graphqlWsOptions } from './ws-options.js';

export const LIVE_PATH = '/graphql';

/**
 * GraphQL over WebSocket (graphql-ws) at /graphql: subscriptions, and
 * queries and mutations sent over the socket, held to the same limits and
 * roles as over HTTP (ws-auth.ts) and formatted alike (ws-options.ts).
 *
 * The `ws` server is made here rather than by GraphQLModule's
 * `subscriptions` option because Nest (@nestjs/graphql 14,
 * GqlSubscriptionService) builds it with `{ path, noServer }` only: no way to
 * pass `maxPayload`, so ws's default (100 MiB per message, buffered before
 * graphql-ws sees it) would stand. Here a message larger than
 * STANCE_WS_MAX_PAYLOAD_BYTES closes the connection (1009) as soon as its
 * frame header announces the length.
 */
@Injectable()
export class LiveSocketServer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('LiveSocket');
  private server?: Server;
  private sockets?: WebSocketServer;
  private graphqlWs?: Disposable;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly loaders: LoadersFactory,
    private readonly shutdown: ShutdownService,
  ) {}

  onApplicationBootstrap(): void {
    this.server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!this.server) return;
    // GraphQLModule has built the schema by now (its onModuleInit); it is not imported here, hence strict: false.
    const { schema } = this.moduleRef.get(GraphQLSchemaHost, { strict: false });
    const sockets = new WebSocketServer({ noServer: true, maxPayload: this.config.graphql.wsMaxPayloadBytes });
    this.graphqlWs = useServer(
      {
        schema,
        context: (): RequestContext => ({ loaders: this.loaders.create() }),
        ...graphqlWsOptions,
        ...wsGuards(this.auth, this.config.graphql),
      },
      sockets,
    );
    // After graphql-ws's own listener: its socket error handler prints to stderr as an internal
    // error; an oversized or malformed frame is the client's doing, ws has already closed the
    // connection, and the line belongs in the log.
    sockets.on('connection', (socket) => {
      socket.removeAllListeners('error');
      socket.on('error', (error: Error & { code?: string }) => {
        this.logger.warn(`closed a WebSocket connection: ${error.message}${error.code ? ` (${error.code})` : ''}`);
        if (socket.readyState === socket.OPEN) socket.terminate();
      });
    });
    this.sockets = sockets;
    this.server.on('upgrade', this.upgrade);
  }

  async onModuleDestroy(): Promise<void> {
    this.server?.off('upgrade', this.upgrade);
    // Closes every connection (1001 Going away) and the server.
    await this.graphqlWs?.dispose();
  }

  private readonly upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== LIVE_PATH || !this.sockets) return refuse(socket, 404, 'Not Found');
    if (this.shutdown.draining) return refuse(socket, 503, 'Service Unavailable');
    const sockets = this.sockets;
    sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws, req));
  };
}

/** An upgrade nobody takes: a plain HTTP answer, then the socket closes (it would otherwise hang). */
function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
