import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor } from '../actors/models/actor.model.js';
import type { RequestContext } from '../graph/request-context.js';
import { Proposal } from '../proposals/models/proposal.model.js';
import { Stance } from '../stances/models/stance.model.js';
import { Shift, ShiftConnection, ShiftFilter } from './models/shift.model.js';
import { ShiftsService } from './shifts.service.js';
import { ShiftKind } from '../graph/vocabulary.js';
import { DateScalar } from '../common/scalars/date-scalars.js';
import { FIRST_ARG, AFTER_ARG } from '../common/pagination/connection.js';

@Resolver(() => Shift)
export class ShiftsResolver {
  constructor(private readonly shiftsService: ShiftsService) {}

  @Query(() => ShiftConnection, {
    description:
      'How positions moved: every live stance as a step from the one it supersedes, newest first (by effectiveOn, then id; undated last), filtered by actor, proposal, date and kind, a page at a time.',
  })
  shifts(
    @Args('filter', { type: () => ShiftFilter, nullable: true, description: 'Which shifts; all when omitted.' })
    filter?: ShiftFilter,
    @Args('first', FIRST_ARG)
    first?: number,
    @Args('after', AFTER_ARG)
    after?: string,
  ) {
    return this.shiftsService.page(filter, first, after);
  }

  @ResolveField(() => Actor, { description: 'The actor whose position moved.' })
  actor(@Parent() shift: Shift, @Context() ctx: RequestContext) {
    return ctx.loaders.actors.load(shift.actorId);
  }

  @ResolveField(() => Proposal, { description: 'The proposal it moved on.' })
  proposal(@Parent() shift: Shift, @Context() ctx: RequestContext) {
    return ctx.loaders.proposals.load(shift.proposalId);
  }
}

@Resolver(() => Actor)
export class ActorShiftsResolver {
  @ResolveField(() => [Shift], {
    description:
      "How this actor's positions moved, oldest first (by effectiveOn, undated first); optionally on one proposal, since a date, of some kinds.",
  })
  shifts(
    @Parent() actor: Actor,
    @Context() ctx: RequestContext,
    @Args('proposalId', {
      type: () => ID,
      nullable: true,
      description: 'Only shifts on this proposal; all proposals when omitted.',
    })
    proposalId?: string,
    @Args('since', {
      type: () => DateScalar,
      nullable: true,
      description: "ISO date YYYY-MM-DD or YYYY-MM: only shifts on or after it (the newer stance's effectiveOn).",
    })
    since?: string,
    @Args('kinds', {
      type: () => [ShiftKind],
      nullable: true,
      description: 'Only these kinds; every kind when omitted or empty.',
    })
    kinds?: ShiftKind[],
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
