import { Args, Context, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Actor } from '../actors/models/actor.model.js';
import { Article } from '../articles/models/article.model.js';
import type { RequestContext } from '../common/request-context.js';
import { selects } from '../graphql/lookahead.js';
import { Proposal } from '../proposals/models/proposal.model.js';
import { RecordStanceInput } from './dto/record-stance.input.js';
import { StanceFilter } from './dto/stance-filter.input.js';
import { Evidence, Stance, StanceConnection, StanceStatus } from './models/stance.model.js';
import { StancesService } from './stances.service.js';

@Resolver(() => Stance)
export class StancesResolver {
  constructor(private readonly stancesService: StancesService) {}

  @Query(() => Stance)
  stance(@Args('id', { type: () => ID }) id: string) {
    return this.stancesService.get(id);
  }

  @Query(() => StanceConnection, {
    description: 'Stances filtered by actor, proposal, position, date range and outlet, in date order.',
  })
  async stances(
    @Context() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Args('filter', { type: () => StanceFilter, nullable: true }) filter?: StanceFilter,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 100 (default 20).' })
    first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    const page = await this.stancesService.page(filter, first, after, selects(info, 'totalCount'));
    // The rows carry their holders: the actor fields below find them cached.
    ctx.loaders.prime(page.nodes);
    return page;
  }

  @Mutation(() => Stance, {
    description:
      "Records an actor's stance with its evidence. The same fact twice is one stance; new evidence is added to it.",
  })
  recordStance(@Args('input') input: RecordStanceInput) {
    return this.stancesService.record(input);
  }

  @Mutation(() => Stance, {
    description: 'Withdraws a stance recorded in error; it is kept for the record but never current again.',
  })
  retractStance(@Args('id', { type: () => ID }) id: string) {
    return this.stancesService.setStatus(id, StanceStatus.RETRACTED);
  }

  @ResolveField(() => Actor)
  actor(@Parent() stance: Stance, @Context() ctx: RequestContext) {
    return ctx.loaders.actors.load(stance.actorId);
  }

  @ResolveField(() => Proposal)
  proposal(@Parent() stance: Stance, @Context() ctx: RequestContext) {
    return ctx.loaders.proposals.load(stance.proposalId);
  }

  @ResolveField(() => Actor, { nullable: true, description: 'The person who voiced it for the actor, when known.' })
  speaker(@Parent() stance: Stance, @Context() ctx: RequestContext) {
    return stance.speakerId ? ctx.loaders.actors.load(stance.speakerId) : null;
  }

  @ResolveField(() => [Evidence])
  evidence(@Parent() stance: Stance, @Context() ctx: RequestContext) {
    return ctx.loaders.evidence.load(stance.id);
  }

  @ResolveField(() => Int, {
    description: 'Independent sources behind it: a reprint or revision of a report counts once.',
  })
  async sourceCount(@Parent() stance: Stance, @Context() ctx: RequestContext) {
    const evidence = await ctx.loaders.evidence.load(stance.id);
    return new Set(evidence.map((e) => e.reportId)).size;
  }
}

@Resolver(() => Evidence)
export class EvidenceResolver {
  @ResolveField(() => Article)
  article(@Parent() evidence: Evidence, @Context() ctx: RequestContext) {
    return ctx.loaders.articles.load(evidence.articleId);
  }
}
