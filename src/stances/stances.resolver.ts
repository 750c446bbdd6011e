import { Args, Context, ID, Info, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Actor } from '../actors/models/actor.model.js';
import { Article } from '../articles/models/article.model.js';
import type { RequestContext } from '../graph/request-context.js';
import { selects } from '../graphql/lookahead.js';
import { Proposal } from '../proposals/models/proposal.model.js';
import { StanceFilter } from './dto/stance-filter.input.js';
import { Evidence, MarkKind, Stance, StanceConnection, TextMark } from './models/stance.model.js';
import { StancesService } from './stances.service.js';
import { AFTER_ARG, FIRST_ARG, connectionOf, pageArgs } from '../common/pagination/connection.js';
import { DateOrDateTimeScalar, DateScalar } from '../common/scalars/date-scalars.js';
import type { ArticleRow } from '../graph/article.row.js';
import { Position } from '../graph/vocabulary.js';
import type { ActorRow } from '../graph/actor.row.js';
import type { ProposalRow } from '../graph/proposal.row.js';
import { readMark } from '../graph/marks.js';

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
    @Args('first', FIRST_ARG)
    first?: number,
    @Args('after', AFTER_ARG)
    after?: string,
  ) {
    const page = await this.stancesService.page(filter, first, after, selects(info, 'totalCount'));
    // The rows carry their holders: the actor fields below find them cached.
    ctx.loaders.prime(page.nodes);
    return page;
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

  @ResolveField(() => [TextMark], {
    description:
      "Where the stance's parts are written in the article (holder, speaker, cue, proposal, conditions, date), as the extractor found them; empty for a quote recorded by hand.",
  })
  marks(@Parent() evidence: { marks?: string[] | null }): TextMark[] {
    return (evidence.marks ?? []).flatMap((stored) => {
      const read = readMark(stored);
      const kind = read?.kind.toUpperCase() as MarkKind | undefined;
      return read && kind && Object.values(MarkKind).includes(kind) ? [{ ...read, kind }] : [];
    });
  }
}

/** Actor.stances: an actor's stances (the field is here, beside the Stance type; actors/ knows no stances). */
@Resolver(() => Actor)
export class ActorStancesResolver {
  @ResolveField(() => StanceConnection, {
    description:
      "This actor's live stances (PROPOSED and CONFIRMED), oldest first (by effectiveOn, undated first, then proposal id), a page at a time; optionally on one proposal and within a date window.",
  })
  async stances(
    @Parent() actor: ActorRow,
    @Context() ctx: RequestContext,
    @Args('proposalId', {
      type: () => ID,
      nullable: true,
      description: 'Only stances on this proposal; all proposals when omitted.',
    })
    proposalId?: string,
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
      description:
        'Only stances recorded by then (recordedAt; a date means the end of that UTC day or month): "what did we know then".',
    })
    knownAsOf?: string,
    @Args('first', FIRST_ARG)
    first?: number,
    @Args('after', AFTER_ARG)
    after?: string,
  ) {
    const page = pageArgs(first, after);
    const loader = ctx.loaders.stancesOfActor(proposalId ?? null, from ?? null, to ?? null, knownAsOf ?? null, page);
    return connectionOf(await loader.load(actor.id), page);
  }
}

/** Proposal.currentStances and Proposal.stances. */
@Resolver(() => Proposal)
export class ProposalStancesResolver {
  @ResolveField(() => [Stance], {
    description:
      "Each actor's current stance, one per actor in actor id order: the latest by effectiveOn (statedOn, else first report date); rejected and retracted ones never count.",
  })
  async currentStances(@Parent() proposal: ProposalRow, @Context() ctx: RequestContext) {
    return (await ctx.loaders.currentStances(null, null, null, null).load(proposal.id)).rows;
  }

  @ResolveField(() => StanceConnection, {
    description:
      "With asOf: each actor's stance in force on that date (the latest by effectiveOn on or before it), in actor id order. Without: every live stance (PROPOSED or CONFIRMED) on record, oldest first (by effectiveOn, undated first, then actor id). Filtered by position; with knownAsOf, only what had been recorded by then. A page at a time.",
  })
  async stances(
    @Parent() proposal: ProposalRow,
    @Context() ctx: RequestContext,
    @Args('asOf', {
      type: () => DateScalar,
      nullable: true,
      description: "Each actor's stance in force on this date (a month includes all its days).",
    })
    asOf?: string,
    @Args('position', {
      type: () => Position,
      nullable: true,
      description: 'Only stances with this position (with asOf: actors whose stance then had it).',
    })
    position?: Position,
    @Args('knownAsOf', {
      type: () => DateOrDateTimeScalar,
      nullable: true,
      description: 'Only stances recorded by then (recordedAt; a date means the end of that UTC day or month).',
    })
    knownAsOf?: string,
    @Args('first', FIRST_ARG)
    first?: number,
    @Args('after', AFTER_ARG)
    after?: string,
  ) {
    const page = pageArgs(first, after);
    const loader =
      asOf != null
        ? ctx.loaders.currentStances(asOf, position ?? null, knownAsOf ?? null, page)
        : ctx.loaders.stancesOnProposal(position ?? null, knownAsOf ?? null, page);
    return connectionOf(await loader.load(proposal.id), page);
  }
}

/** Article.stances: the stances an article is evidence for. */
@Resolver(() => Article)
export class ArticleStancesResolver {
  @ResolveField(() => [Stance], {
    description: 'The stances this article is evidence for, whatever their status, by proposal id then actor id.',
  })
  stances(@Parent() article: ArticleRow, @Context() ctx: RequestContext) {
    return ctx.loaders.stancesOfArticle.load(article.id);
  }
}
