import { Module } from '@nestjs/common';
import { ActorsModule } from './actors/actors.module.js';
import { ActorsService } from './actors/actors.service.js';
import { ArticlesModule } from './articles/articles.module.js';
import { ArticlesService } from './articles/articles.service.js';
import { LOADER_SOURCES, LoadersFactory, type LoaderSources } from './graph/loaders.js';
import { ProposalsModule } from './proposals/proposals.module.js';
import { ProposalsService } from './proposals/proposals.service.js';
import { ShiftsModule } from './shifts/shifts.module.js';
import { ShiftsService } from './shifts/shifts.service.js';
import { StancesModule } from './stances/stances.module.js';
import { StancesService } from './stances/stances.service.js';

/**
 * The per-request loaders (graph/loaders.ts) wired to the features' services:
 * the one place that knows them all. Imported by the GraphQL module and the
 * live updates (LiveModule.forRoot), which only see LoadersFactory.
 */
@Module({
  imports: [ActorsModule, ProposalsModule, ArticlesModule, StancesModule, ShiftsModule],
  providers: [
    {
      provide: LOADER_SOURCES,
      inject: [ActorsService, ProposalsService, ArticlesService, StancesService, ShiftsService],
      useFactory: (
        actors: ActorsService,
        proposals: ProposalsService,
        articles: ArticlesService,
        stances: StancesService,
        shifts: ShiftsService,
      ): LoaderSources => ({ actors, proposals, articles, stances, shifts }),
    },
    LoadersFactory,
  ],
  exports: [LoadersFactory],
})
export class LoadersModule {}
