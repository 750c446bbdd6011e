import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { SearchHit } from './search.model.js';
import { SearchService } from './search.service.js';

@Resolver()
export class SearchResolver {
  constructor(private readonly searchService: SearchService) {}

  @Query(() => [SearchHit], {
    description: 'Actors and proposals by name or any alias ("Pyongyang", "Moon Jae In", "end-of-war").',
  })
  search(@Args('text') text: string, @Args('first', { type: () => Int, nullable: true }) first?: number) {
    return this.searchService.search(text, first);
  }
}
