import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { AlignmentService } from './alignment.service.js';
import { Alignment } from './models/alignment.model.js';
import { DateOrDateTimeScalar, DateScalar } from '../common/scalars/date-scalars.js';

@Resolver(() => Alignment)
export class AlignmentResolver {
  constructor(private readonly alignmentService: AlignmentService) {}

  @Query(() => Alignment, {
    description:
      "Who agrees with whom: for each pair of the actors, on each proposal, both stances as of the date (each actor's latest by statedOn, else report date), how far they agree (OPPOSE -1, NONCOMMITTAL 0, SUPPORT +1; agreement = 1 - |a - b|), the mean score, and whose conditions are whose.",
  })
  alignment(
    @Args('actorIds', { type: () => [ID], description: 'The actors to compare, 2 to 50 distinct ids.' })
    actorIds: string[],
    @Args('proposalIds', { type: () => [ID], description: 'The proposals to compare them on, 1 to 100 distinct ids.' })
    proposalIds: string[],
    @Args('asOf', {
      type: () => DateScalar,
      nullable: true,
      description: 'ISO date YYYY-MM-DD or YYYY-MM (a month includes all its days); now when omitted.',
    })
    asOf?: string,
    @Args('knownAsOf', {
      type: () => DateOrDateTimeScalar,
      nullable: true,
      description:
        'ISO date (YYYY-MM-DD or YYYY-MM, the whole UTC day or month) or date-time with a zone: only stances recorded by then.',
    })
    knownAsOf?: string,
  ) {
    return this.alignmentService.align(actorIds, proposalIds, asOf ?? null, knownAsOf ?? null);
  }
}
