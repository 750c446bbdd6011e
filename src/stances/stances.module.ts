import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module.js';
import { EvidenceResolver, StancesResolver } from './stances.resolver.js';
import { StancesRepository } from './stances.repository.js';
import { StancesService } from './stances.service.js';

@Module({
  imports: [ArticlesModule],
  providers: [StancesRepository, StancesService, StancesResolver, EvidenceResolver],
  exports: [StancesService, StancesRepository],
})
export class StancesModule {}
