import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor } from '../actors/models/actor.model.js';
import type { RequestContext } from '../graph/request-context.js';
import { Proposal } from '../proposals/models/proposal.model.js';
import { Stance } from '../stances/models/stance.model.js';
import { Shift, ShiftConnection, ShiftFilter } from './models/shift.model.js';
import { ShiftsService } from './shifts.service.js';
import { ShiftKind } from '../graph/vocabulary.js';

@Resolver(() => Shift)
export class ShiftsResolver {
  constructor(private readonly shiftsService: ShiftsService) {}

  @Query(() => ShiftConnection, {
    description:
      'How positions moved: every live stance as a step from the one it supersedes, newest first, filtered by actor, proposal, date and kind.',
  })
  shifts(
    @Args('filter', { type: () => ShiftFilter, nullable: true }) filter?: ShiftFilter,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 100 (default 20).' })
    first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    return this.shiftsService.page(filter, first, after);
  }

  @ResolveField(() => Actor)
  actor(@Parent() shift: Shift, @Context() ctx: RequestContext) {
    return ctx.loaders.actors.load(shift.actorId);
  }

  @ResolveField(() => Proposal)
  proposal(@Parent() shift: Shift, @Context() ctx: RequestContext) {
    return ctx.loaders.proposals.load(shift.proposalId);
  }
}

@Resolver(() => Actor)
export class ActorShiftsResolver {
  @ResolveField(() => [Shift], {
    description:
      "How this actor's positions moved, oldest first; optionally on one proposal, since a date, of some kinds.",
  })
  shifts(
    @Parent() actor: Actor,
    @Context() ctx: RequestContext,
    @Args('proposalId', { type: () => ID, nullable: true }) proposalId?: string,
    @Args('since', {
      type: () => String,
      nullable: true,
      description: "ISO date: shifts on or after it (the newer stance's effectiveOn).",
    })
    since?: string,
    @Args('kinds', { type: () => [ShiftKind], nullable: true }) kinds?: ShiftKind[],
  ) {
    return ctx.loaders.shiftsOfActor(proposalId ?? null, since ?? null, kinds ?? null).load(actor.id);
  }
}

@Resolver(() => Stance)
export class StanceShiftResolver {
  @ResolveField(() => Shift, {
    nullable: true,
    description:
      "How this stance moved from the actor's previous live stance on the proposal (null when it is rejected or retracted).",
  })
  shift(@Parent() stance: Stance, @Context() ctx: RequestContext) {
    return ctx.loaders.shiftOfStance.load(stance.id);
  }
}
