import { createUnionType, Field, Float, ObjectType } from '@nestjs/graphql';
import { Actor } from '../actors/models/actor.model.js';
import { Proposal } from '../proposals/models/proposal.model.js';

export const SearchResult = createUnionType({
  name: 'SearchResult',
  description: 'What a search finds: an actor or a proposal.',
  types: () => [Actor, Proposal] as const,
  resolveType: (value: { __type?: string }) => (value.__type === 'Proposal' ? Proposal : Actor),
});

@ObjectType({ description: 'An actor or proposal whose name or alias matches, best first.' })
export class SearchHit {
  @Field(() => Float, {
    description:
      'How well it matches: 100 for the name or an alias in another spelling ("Moon Jae In" = "Moon Jae-in"), else the full-text relevance (higher is better).',
  })
  score: number;

  @Field(() => SearchResult, { description: 'The actor or proposal found.' })
  node: typeof SearchResult;
}
