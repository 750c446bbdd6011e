import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { AlignmentService } from './alignment.service.js';
import { Alignment } from './models/alignment.model.js';

@Resolver(() => Alignment)
export class AlignmentResolver {
  constructor(private readonly alignmentService: AlignmentService) {}

  @Query(() => Alignment, {
    description:
      "Who agrees with whom: for each pair of the actors, on each proposal, both stances as of the date (each actor's latest by statedOn, else report date), how far they agree (OPPOSE -1, NONCOMMITTAL 0, SUPPORT +1; agreement = 1 - |a - b|), the mean score, and whose conditions are whose.",
  })
  alignment(
    @Args('actorIds', { type: () => [ID] }) actorIds: string[],
    @Args('proposalIds', { type: () => [ID] }) proposalIds: string[],
    @Args('asOf', { type: () => String, nullable: true, description: 'ISO date, day or month; now when omitted.' })
    asOf?: string,
    @Args('knownAsOf', {
      type: () => String,
      nullable: true,
      description: 'ISO date or date-time (UTC): only stances recorded by then.',
    })
    knownAsOf?: string,
  ) {
    return this.alignmentService.align(actorIds, proposalIds, asOf ?? null, knownAsOf ?? null);
  }
}
