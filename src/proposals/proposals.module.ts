import { Module } from '@nestjs/common';
import { ProposalsRepository } from './proposals.repository.js';
import { ProposalsResolver } from './proposals.resolver.js';
import { ProposalsService } from './proposals.service.js';

@Module({
  providers: [ProposalsRepository, ProposalsService, ProposalsResolver],
  exports: [ProposalsService],
})
export class ProposalsModule {}
