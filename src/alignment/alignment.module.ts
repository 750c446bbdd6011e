import { Module } from '@nestjs/common';
import { ActorsModule } from '../actors/actors.module.js';
import { ProposalsModule } from '../proposals/proposals.module.js';
import { StancesModule } from '../stances/stances.module.js';
import { AlignmentResolver } from './alignment.resolver.js';
import { AlignmentService } from './alignment.service.js';

@Module({
  imports: [ActorsModule, ProposalsModule, StancesModule],
  providers: [AlignmentService, AlignmentResolver],
})
export class AlignmentModule {}
