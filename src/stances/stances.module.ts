import { Module } from '@nestjs/common';
import {
  ActorStancesResolver,
  ArticleStancesResolver,
  EvidenceResolver,
  ProposalStancesResolver,
  StancesResolver,
} from './stances.resolver.js';
import { StancesRepository } from './stances.repository.js';
import { StancesService } from './stances.service.js';

/** Stances as read: the queries, the Stance and Evidence types, and the stance fields of Actor, Proposal and Article. */
@Module({
  providers: [
    StancesRepository,
    StancesService,
    StancesResolver,
    EvidenceResolver,
    ActorStancesResolver,
    ProposalStancesResolver,
    ArticleStancesResolver,
  ],
  exports: [StancesService, StancesRepository],
})
export class StancesModule {}
