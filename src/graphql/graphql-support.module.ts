import { Module } from '@nestjs/common';
import { ActorsModule } from '../actors/actors.module.js';
import { ArticlesModule } from '../articles/articles.module.js';
import { ProposalsModule } from '../proposals/proposals.module.js';
import { StancesModule } from '../stances/stances.module.js';
import { LoadersFactory } from './loaders.js';

/** What the GraphQL context needs: the per-request loaders and the services behind them. */
@Module({
  imports: [ActorsModule, ProposalsModule, ArticlesModule, StancesModule],
  providers: [LoadersFactory],
  exports: [LoadersFactory],
})
export class GraphqlSupportModule {}
