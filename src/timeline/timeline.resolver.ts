import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor } from '../actors/models/actor.model.js';
import type { RequestContext } from '../graph/request-context.js';
import { Proposal } from '../proposals/models/proposal.model.js';
import { ActorTimeline, ChangeClock, Changes } from './models/timeline.model.js';
import { TimelineService, timelineOf } from './timeline.service.js';

@Resolver(() => Proposal)
export class ProposalTimelineResolver {
  @ResolveField(() => [ActorTimeline], {
    description:
      "Each actor's live stances on this proposal in order (by effectiveOn: statedOn, else first report), actors in the order they first spoke; optionally within a window and from what had been recorded by knownAsOf. Shift kinds are as now known.",
  })
  async timeline(
    @Parent() proposal: Proposal,
    @Context() ctx: RequestContext,
    @Args('from', {
      type: () => String,
      nullable: true,
      description: 'ISO date YYYY-MM-DD or YYYY-MM: only stances effective on or after it.',
    })
    from?: string,
    @Args('to', {
      type: () => String,
      nullable: true,
      description:
        'ISO date YYYY-MM-DD or YYYY-MM (a month includes all its days): only stances effective on or before it.',
    })
    to?: string,
    @Args('knownAsOf', {
      type: () => String,
      nullable: true,
      description:
        'ISO date (YYYY-MM-DD or YYYY-MM, the whole UTC day or month) or date-time with a zone: only stances recorded by then.',
    })
    knownAsOf?: string,
  ) {
    const stances = await ctx.loaders.stancesOnProposal(null, knownAsOf ?? null).load(proposal.id);
    return timelineOf(stances, from ?? null, to ?? null);
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
