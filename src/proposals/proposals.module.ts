import { Module } from '@nestjs/common';
import { ActorProposalsResolver, ProposalsResolver } from './proposals.resolver.js';
import { ProposalsRepository } from './proposals.repository.js';
import { ProposalsService } from './proposals.service.js';

@Module({
  providers: [ProposalsRepository, ProposalsService, ProposalsResolver, ActorProposalsResolver],
  exports: [ProposalsService, ProposalsRepository],
})
export class ProposalsModule {}
