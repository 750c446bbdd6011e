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

  @Query(() => Stance, { description: 'One stance by id, whatever its status; NOT_FOUND when there is none.' })
  stance(@Args('id', { type: () => ID, description: 'The stance id.' }) id: string) {
    return this.stancesService.get(id);
  }

  @Query(() => StanceConnection, {
    description:
      'Stances filtered by actor, proposal, position, date range, status and outlet, oldest first by effectiveOn (undated first, then by id), a page at a time.',
  })
  async stances(
    @Context() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Args('filter', {
      type: () => StanceFilter,
      nullable: true,
      description: 'Which stances; every live stance when omitted.',
    })
    filter?: StanceFilter,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 100 (default 20).' })
    first?: number,
    @Args('after', {
      type: () => String,
      nullable: true,
      description: 'The endCursor of the previous page; omit for the first page.',
    })
    after?: string,
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
  recordStance(@Args('input', { description: 'The stance and its evidence.' }) input: RecordStanceInput) {
    return this.stancesService.record(input);
  }

  @Mutation(() => Stance, {
    description: 'Withdraws a stance recorded in error; it is kept for the record but never current again.',
  })
  retractStance(@Args('id', { type: () => ID, description: 'The stance to retract.' }) id: string) {
    return this.stancesService.setStatus(id, StanceStatus.RETRACTED);
  }

  @ResolveField(() => Actor, { description: 'The actor holding the stance.' })
  actor(@Parent() stance: Stance, @Context() ctx: RequestContext) {
    return ctx.loaders.actors.load(stance.actorId);
  }

  @ResolveField(() => Proposal, { description: 'The proposal the stance is on.' })
  proposal(@Parent() stance: Stance, @Context() ctx: RequestContext) {
    return ctx.loaders.proposals.load(stance.proposalId);
  }

  @ResolveField(() => Actor, {
    nullable: true,
    description: 'The person or body who voiced it for the actor; null when not known.',
  })
  speaker(@Parent() stance: Stance, @Context() ctx: RequestContext) {
    return stance.speakerId ? ctx.loaders.actors.load(stance.speakerId) : null;
  }

  @ResolveField(() => [Evidence], {
    description: 'The quotes that back it, each with its article; empty when recorded without evidence.',
  })
  evidence(@Parent() stance: Stance, @Context() ctx: RequestContext) {
    return ctx.loaders.evidence.load(stance.id);
  }

  @ResolveField(() => Int, {
    description:
      'Independent sources behind it: reports, not articles (a Kyodo story and its reprint in The Japan Times count once).',
  })
  async sourceCount(@Parent() stance: Stance, @Context() ctx: RequestContext) {
    const evidence = await ctx.loaders.evidence.load(stance.id);
    return new Set(evidence.map((e) => e.reportId)).size;
  }
}

@Resolver(() => Evidence)
export class EvidenceResolver {
  @ResolveField(() => Article, { description: 'The article the quote is from.' })
  article(@Parent() evidence: Evidence, @Context() ctx: RequestContext) {
    return ctx.loaders.articles.load(evidence.articleId);
  }
}
