import { createUnionType, Field, Float, ObjectType } from '@nestjs/graphql';
import { Actor } from '../actors/models/actor.model.js';
import { Proposal } from '../proposals/models/proposal.model.js';

export const SearchResult = createUnionType({
  name: 'SearchResult',
  types: () => [Actor, Proposal] as const,
  resolveType: (value: { __type?: string }) => (value.__type === 'Proposal' ? Proposal : Actor),
});

@ObjectType({ description: 'An actor or proposal whose name or alias matches, best first.' })
export class SearchHit {
  @Field(() => Float)
  score: number;

  @Field(() => SearchResult)
  node: typeof SearchResult;
}
