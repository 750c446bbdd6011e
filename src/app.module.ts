import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ActorsModule } from './actors/actors.module.js';
import { AlignmentModule } from './alignment/alignment.module.js';
import { ArticlesModule } from './articles/articles.module.js';
import { AuthModule } from './auth/auth.module.js';
import { AuthService } from './auth/auth.service.js';
import { APP_CONFIG, type AppConfig } from './common/config/config.js';
import { graphqlSecurity } from './graphql/limits/graphql-security.js';
import { BodyErrorFilter } from './ops/body-error.filter.js';
import { DomainErrorFilter } from './common/errors/domain-error.filter.js';
import { DemoModule } from './demo/demo.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { RequestContext } from './graph/request-context.js';
import { answerCarriedFieldsFirst } from './graphql/embedded-fields.js';
import { CompiledExecution } from './graphql/compiled-execution.js';
import { LoadersModule } from './app.loaders.js';
import { RecordingModule } from './recording/recording.module.js';
import { LoadersFactory } from './graph/loaders.js';
import { describeRootTypes } from './graphql/root-types.js';
import { IngestModule } from './ingest/ingest.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { ReviewModule } from './review/review.module.js';
import { HealthController } from './health/health.controller.js';
import { LiveModule } from './live/live.module.js';
import { Neo4jModule } from './neo4j/neo4j.module.js';
import { MetricsService } from './ops/metrics.service.js';
import { OpsModule } from './ops/ops.module.js';
import { RateLimitService } from './auth/rate-limit.service.js';
import { ProposalsModule } from './proposals/proposals.module.js';
import { SearchModule } from './search/search.module.js';
import { ShiftsModule } from './shifts/shifts.module.js';
import { StancesModule } from './stances/stances.module.js';
import { TimelineModule } from './timeline/timeline.module.js';

@Module({
  imports: [
    Neo4jModule,
    AuthModule,
    OpsModule,
    ShiftsModule,
    LiveModule.forRoot(LoadersModule),
    ActorsModule,
    ProposalsModule,
    StancesModule,
    RecordingModule,
    ArticlesModule,
    SearchModule,
    DemoModule,
    IngestModule,
    JobsModule.forRoot(LoadersModule),
    ReviewModule,
    TimelineModule,
    AlignmentModule,
    ExportsModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [LoadersModule, OpsModule],
      inject: [LoadersFactory, APP_CONFIG, AuthService, MetricsService, RateLimitService],
      useFactory: (
        loaders: LoadersFactory,
        config: AppConfig,
        auth: AuthService,
        metrics: MetricsService,
        rates: RateLimitService,
      ) => {
        const compiled =
          config.graphql.executor === 'compiled'
            ? new CompiledExecution((executor) => metrics.graphqlExecutions.inc({ executor }))
            : null;
        return {
          autoSchemaFile: true,
          sortSchema: true,
          // Root type descriptions (root-types.ts); Stance and Evidence fields answer from
          // their row when it carries them (embedded-fields.ts).
          transformSchema: (schema) => {
            const served = answerCarriedFieldsFirst(describeRootTypes(schema));
            return compiled ? compiled.serve(served) : served;
          },
          // Execution by compiled operations, through Apollo's executor interface (compiled-execution.ts).
          ...(compiled ? { gateway: compiled.gateway() } : {}),
          // The IDE is served offline by ide/graphiql.ts; Apollo's landing page would load from a CDN.
          playground: false,
          csrfPrevention: true,
          // Limits, auth per operation, introspection off in production, masked errors.
          ...graphqlSecurity(config, auth, metrics, rates),
          context: (): RequestContext => ({ loaders: loaders.create() }),
          // Subscriptions are served over WebSocket at the same path by LiveModule's
          // LiveSocketServer (graphql-ws), not through this option: see live-socket.server.ts.
        } satisfies ApolloDriverConfig;
      },
    }),
  ],
  controllers: [HealthController],
  providers: [
    { provide: APP_FILTER, useClass: DomainErrorFilter },
    { provide: APP_FILTER, useClass: BodyErrorFilter },
  ],
})
export class AppModule {}
