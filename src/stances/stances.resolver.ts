import { Args, Context, ID, Info, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Actor } from '../actors/models/actor.model.js';
import { Article } from '../articles/models/article.model.js';
import type { RequestContext } from '../graph/request-context.js';
import { selects } from '../graphql/lookahead.js';
import { Proposal } from '../proposals/models/proposal.model.js';
import { StanceFilter } from './dto/stance-filter.input.js';
import { Evidence, Stance, StanceConnection } from './models/stance.model.js';
import { StancesService } from './stances.service.js';
import { Position } from '../graph/vocabulary.js';
import type { ActorRow } from '../graph/actor.row.js';
import type { ArticleRow } from '../graph/article.row.js';
import type { ProposalRow } from '../graph/proposal.row.js';

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

/** Actor.stances: an actor's stances (the field is here, beside the Stance type; actors/ knows no stances). */
@Resolver(() => Actor)
export class ActorStancesResolver {
  @ResolveField(() => [Stance], {
    description: "This actor's stances, oldest first; optionally on one proposal and within a date window.",
  })
  stances(
    @Parent() actor: ActorRow,
    @Context() ctx: RequestContext,
    @Args('proposalId', { type: () => ID, nullable: true }) proposalId?: string,
    @Args('from', { type: () => String, nullable: true }) from?: string,
    @Args('to', { type: () => String, nullable: true }) to?: string,
    @Args('knownAsOf', {
      type: () => String,
      nullable: true,
      description: 'ISO date or date-time (UTC): only stances recorded by then (recordedAt).',
    })
    knownAsOf?: string,
  ) {
    return ctx.loaders.stancesOfActor(proposalId ?? null, from ?? null, to ?? null, knownAsOf ?? null).load(actor.id);
  }
}

/** Proposal.currentStances and Proposal.stances. */
@Resolver(() => Proposal)
export class ProposalStancesResolver {
  @ResolveField(() => [Stance], {
    description:
      "Each actor's current stance (the latest by statedOn, else by report date; rejected and retracted ones never count).",
  })
  currentStances(@Parent() proposal: ProposalRow, @Context() ctx: RequestContext) {
    return ctx.loaders.currentStances(null, null).load(proposal.id);
  }

  @ResolveField(() => [Stance], {
    description:
      "With asOf: each actor's stance as of that date (by statedOn, else first report date). Without: every stance on record, oldest first. Filtered by position; with knownAsOf, only what had been recorded by then.",
  })
  stances(
    @Parent() proposal: ProposalRow,
    @Context() ctx: RequestContext,
    @Args('asOf', { type: () => String, nullable: true, description: 'ISO date, day or month.' }) asOf?: string,
    @Args('position', { type: () => Position, nullable: true }) position?: Position,
    @Args('knownAsOf', {
      type: () => String,
      nullable: true,
      description: 'ISO date or date-time (UTC): only stances recorded by then (recordedAt).',
    })
    knownAsOf?: string,
  ) {
    return asOf != null
      ? ctx.loaders.currentStances(asOf, position ?? null, knownAsOf ?? null).load(proposal.id)
      : ctx.loaders.stancesOnProposal(position ?? null, knownAsOf ?? null).load(proposal.id);
  }
}

/** Article.stances: the stances an article is evidence for. */
@Resolver(() => Article)
export class ArticleStancesResolver {
  @ResolveField(() => [Stance], { description: 'The stances this article is evidence for.' })
  stances(@Parent() article: ArticleRow, @Context() ctx: RequestContext) {
    return ctx.loaders.stancesOfArticle.load(article.id);
  }
}
