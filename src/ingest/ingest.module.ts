import { Module } from '@nestjs/common';
import { ActorsModule } from '../actors/actors.module.js';
import { ArticlesModule } from '../articles/articles.module.js';
import { ProposalsModule } from '../proposals/proposals.module.js';
import { StancesModule } from '../stances/stances.module.js';
import { IngestRepository } from './ingest.repository.js';
import { IngestResolver } from './ingest.resolver.js';
import { IngestService } from './ingest.service.js';

@Module({
  imports: [ActorsModule, ProposalsModule, ArticlesModule, StancesModule],
  providers: [IngestRepository, IngestService, IngestResolver],
  exports: [IngestService],
})
export class IngestModule {}
