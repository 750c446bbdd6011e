import { Module } from '@nestjs/common';
import { ActorsModule } from '../actors/actors.module.js';
import { ArticlesModule } from '../articles/articles.module.js';
import { ProposalsModule } from '../proposals/proposals.module.js';
import { APP_CONFIG, type AppConfig } from '../common/config/config.js';
import { StancesModule } from '../stances/stances.module.js';
import { RecordingModule } from '../recording/recording.module.js';
import { ExtractionPool } from './extraction-pool.js';
import { IngestRepository } from './ingest.repository.js';
import { IngestResolver } from './ingest.resolver.js';
import { IngestService } from './ingest.service.js';
import { ParserService } from './parser.service.js';

@Module({
  imports: [ActorsModule, ProposalsModule, ArticlesModule, StancesModule, RecordingModule],
  providers: [
    IngestRepository,
    IngestService,
    IngestResolver,
    ParserService,
    {
      // Started (every worker loaded) before the app serves; closed on shutdown (onModuleDestroy).
      provide: ExtractionPool,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        const pool = new ExtractionPool(config.extraction);
        await pool.start();
        return pool;
      },
    },
  ],
  exports: [IngestService],
})
export class IngestModule {}
