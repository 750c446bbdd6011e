import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor } from '../actors/models/actor.model.js';
import type { RequestContext } from '../graph/request-context.js';
import { Proposal } from '../proposals/models/proposal.model.js';
import { ActorTimeline, ActorTimelineConnection, ChangeClock, Changes } from './models/timeline.model.js';
import { AFTER_ARG, pageArgs, pageOfList } from '../common/pagination/connection.js';
import { TimelineService, timelineOf } from './timeline.service.js';
import { DateOrDateTimeScalar, DateScalar } from '../common/scalars/date-scalars.js';

@Resolver(() => Proposal)
export class ProposalTimelineResolver {
  @ResolveField(() => ActorTimelineConnection, {
    description:
      "Each actor's live stances on this proposal in order (by effectiveOn: statedOn, else first report), actors in the order they first spoke, a page of actors at a time; optionally within a window and from what had been recorded by knownAsOf. Shift kinds are as now known.",
  })
  async timeline(
    @Parent() proposal: Proposal,
    @Context() ctx: RequestContext,
    @Args('from', {
      type: () => DateScalar,
      nullable: true,
      description: 'Only stances effective on or after this date.',
    })
    from?: string,
    @Args('to', {
      type: () => DateScalar,
      nullable: true,
      description: 'Only stances effective on or before this date (a month includes all its days).',
    })
    to?: string,
    @Args('knownAsOf', {
      type: () => DateOrDateTimeScalar,
      nullable: true,
      description: 'Only stances recorded by then (recordedAt; a date means the end of that UTC day or month).',
    })
    knownAsOf?: string,
    @Args('first', { type: () => Int, nullable: true, description: 'Actors per page, 1 to 100 (default 20).' })
    first?: number,
    @Args('after', AFTER_ARG)
    after?: string,
  ) {
    const page = pageArgs(first, after);
    // Every live stance on the proposal (an actor's first and latest in the window need them all), then a page of actors.
    const stances = await ctx.loaders.stancesOnProposal(null, knownAsOf ?? null, null).load(proposal.id);
    return pageOfList(timelineOf(stances.rows, from ?? null, to ?? null), page, (t) => t.sortKey);
  }
}

@Resolver(() => ActorTimeline)
export class ActorTimelineResolver {
  @ResolveField(() => Actor, { description: 'The actor whose stances these are.' })
  actor(@Parent() timeline: ActorTimeline, @Context() ctx: RequestContext) {
    return ctx.loaders.actors.load(timeline.actorId);
  }
}

@Resolver(() => Changes)
export class ChangesResolver {
  constructor(private readonly timeline: TimelineService) {}

  @Query(() => Changes, {
    description:
      'What is new since a date: new stances, shifts and new proposals (clock RECORDED by default: what this system learned since).',
  })
  changes(
    @Args('since', {
      type: () => DateOrDateTimeScalar,
      description:
        'ISO date YYYY-MM-DD or YYYY-MM (from the start of that UTC day or month), or for the RECORDED clock a date-time with a zone (2021-11-30T12:00:00Z).',
    })
    since: string,
    @Args('clock', {
      type: () => ChangeClock,
      nullable: true,
      description: 'Which clock since reads; RECORDED when omitted.',
    })
    clock?: ChangeClock,
    @Args('first', {
      type: () => Int,
      nullable: true,
      description: 'At most this many of each, 1 to 100 (default 100).',
    })
    first?: number,
  ) {
    return this.timeline.changes(since, clock, first);
  }
}
