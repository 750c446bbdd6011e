import { Module } from '@nestjs/common';
import { StancesModule } from '../stances/stances.module.js';
import { ProposalMergeService } from './proposal-merge.service.js';
import { ProposalsRepository } from './proposals.repository.js';
import { ProposalsResolver } from './proposals.resolver.js';
import { ProposalsService } from './proposals.service.js';

@Module({
  imports: [StancesModule],
  providers: [ProposalsRepository, ProposalsService, ProposalsResolver, ProposalMergeService],
  exports: [ProposalsService],
})
export class ProposalsModule {}
