import { Args, Context, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../common/request-context.js';
import { readAheadPage, selects } from '../graphql/lookahead.js';
import { Proposal } from '../proposals/models/proposal.model.js';
import { StanceConnection } from '../stances/models/stance.model.js';
import { connectionOf, pageArgs } from '../common/pagination/connection.js';
import { ActorMergeService } from './actor-merge.service.js';
import { ActorsService } from './actors.service.js';
import { UpsertActorInput } from './dto/upsert-actor.input.js';
import { Actor, ActorConnection, ActorKind, Representation } from './models/actor.model.js';
import { DateOrDateTimeScalar, DateScalar } from '../common/scalars/date-scalars.js';

@Resolver(() => Actor)
export class ActorsResolver {
  constructor(
    private readonly actorsService: ActorsService,
    private readonly merger: ActorMergeService,
  ) {}

  @Query(() => Actor, { description: 'One actor by id (a slug such as "japan"); NOT_FOUND when there is none.' })
  async actor(
    @Args('id', { type: () => ID, description: 'The actor\'s id, e.g. "japan".' }) id: string,
    @Context() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const page = readAheadPage(info, 'stances');
    if (!page && !selects(info, 'represents')) return this.actorsService.get(id);
    // The roles and (if asked, without filters) a page of the timeline in the
    // same statement as the actor; the fields below find them cached.
    const withSourceCount =
      page !== null &&
      (selects(info, 'stances', 'nodes', 'sourceCount') || selects(info, 'stances', 'edges', 'node', 'sourceCount'));
    const { actor, representations, stances } = await this.actorsService.getWithTimeline(id, page, withSourceCount);
    ctx.loaders.primeStancesOfActor(actor, representations, page && stances ? { page, stances } : null);
    return actor;
  }

  @Query(() => ActorConnection, { description: 'All actors in id order, a page at a time.' })
  actors(
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 100 (default 20).' })
    first?: number,
    @Args('after', {
      type: () => String,
      nullable: true,
      description: 'The endCursor of the previous page; omit for the first page.',
    })
    after?: string,
    @Args('kind', { type: () => ActorKind, nullable: true, description: 'Only actors of this kind; all when omitted.' })
    kind?: ActorKind,
  ) {
    return this.actorsService.page(first, after, kind ?? null);
  }

  @Mutation(() => Actor, { description: 'Creates or updates an actor; the same input twice changes nothing.' })
  upsertActor(@Args('input', { description: 'The actor as it should be.' }) input: UpsertActorInput) {
    return this.actorsService.upsert(input);
  }

  @Mutation(() => Actor, {
    description:
      'Folds actor mergeId into keepId (the same actor recorded twice): stances, evidence, roles and aliases move; mergeId is deleted.',
  })
  async mergeActors(
    @Args('keepId', { type: () => ID, description: 'The actor that stays.' }) keepId: string,
    @Args('mergeId', { type: () => ID, description: 'The duplicate, folded into keepId and deleted.' }) mergeId: string,
  ) {
    return this.actorsService.get(await this.merger.merge(keepId, mergeId));
  }

  @ResolveField(() => StanceConnection, {
    description:
      "This actor's live stances (PROPOSED and CONFIRMED), oldest first (by effectiveOn, undated first, then proposal id), a page at a time; optionally on one proposal and within a date window.",
  })
  async stances(
    @Parent() actor: Actor,
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
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 100 (default 20).' })
    first?: number,
    @Args('after', {
      type: () => String,
      nullable: true,
      description: 'The endCursor of the previous page; omit for the first page.',
    })
    after?: string,
  ) {
    const page = pageArgs(first, after);
    const loader = ctx.loaders.stancesOfActor(proposalId ?? null, from ?? null, to ?? null, knownAsOf ?? null, page);
    return connectionOf(await loader.load(actor.id), page);
  }

  @ResolveField(() => [Proposal], {
    description: 'Proposals this actor put forward or announced, oldest first (by proposedOn, undated last).',
  })
  async proposed(@Parent() actor: Actor, @Context() ctx: RequestContext) {
    const ids = await ctx.loaders.proposedBy.load(actor.id);
    return (await ctx.loaders.proposals.loadMany(ids)).filter((p) => p && !(p instanceof Error));
  }

  @ResolveField(() => [Representation], {
    description: 'The states this actor speaks for, with the role; empty for a state.',
  })
  represents(@Parent() actor: Actor, @Context() ctx: RequestContext) {
    return ctx.loaders.representations.load(actor.id);
  }
}
