import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { SearchHit } from './search.model.js';
import { SearchService } from './search.service.js';

@Resolver()
export class SearchResolver {
  constructor(private readonly searchService: SearchService) {}

  @Query(() => [SearchHit], {
    description:
      'Actors and proposals by name or any alias ("Pyongyang", "Moon Jae In", "end-of-war"), best match first.',
  })
  search(
    @Args('text', {
      description:
        'Words to look for, at most 200 characters; every word must match, the last one as a prefix ("Pyong" finds Pyongyang).',
    })
    text: string,
    @Args('first', { type: () => Int, nullable: true, description: 'At most this many hits, 1 to 100 (default 10).' })
    first?: number,
  ) {
    return this.searchService.search(text, first);
  }
}
