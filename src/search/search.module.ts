import { Module } from '@nestjs/common';
import { ActorsModule } from '../actors/actors.module.js';
import { ProposalsModule } from '../proposals/proposals.module.js';
import { SearchResolver } from './search.resolver.js';
import { SearchService } from './search.service.js';

@Module({
  imports: [ActorsModule, ProposalsModule],
  providers: [SearchService, SearchResolver],
})
export class SearchModule {}
