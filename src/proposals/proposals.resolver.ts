import { Args, Context, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Actor } from '../actors/models/actor.model.js';
import type { RequestContext } from '../common/request-context.js';
import { selects, selectsAny } from '../graphql/lookahead.js';
import { Position, Stance, StanceConnection } from '../stances/models/stance.model.js';
import { connectionOf, pageArgs } from '../common/pagination/connection.js';
import { UpsertProposalInput } from './dto/upsert-proposal.input.js';
import { Proposal, ProposalConnection } from './models/proposal.model.js';
import { ProposalMergeService } from './proposal-merge.service.js';
import { ProposalsService } from './proposals.service.js';
import { DateOrDateTimeScalar, DateScalar } from '../common/scalars/date-scalars.js';

@Resolver(() => Proposal)
export class ProposalsResolver {
  constructor(
    private readonly proposalsService: ProposalsService,
    private readonly merger: ProposalMergeService,
  ) {}

  @Query(() => Proposal, {
    description: 'One proposal by id (a slug such as "end-of-war-declaration"); NOT_FOUND when there is none.',
  })
  async proposal(
    @Args('id', { type: () => ID, description: 'The proposal\'s id, e.g. "end-of-war-declaration".' }) id: string,
    @Context() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    if (!selects(info, 'currentStances')) return this.proposalsService.get(id);
    // The current stances, their actors and (if asked) their evidence in the
    // same statement as the proposal; the fields below find them cached.
    const withEvidence = selectsAny(info, ['currentStances'], ['evidence', 'sourceCount']);
    const { proposal, stances } = await this.proposalsService.getWithCurrentStances(id, withEvidence);
    ctx.loaders.primeCurrentStances(proposal, stances);
    return proposal;
  }

  @Query(() => ProposalConnection, { description: 'All proposals in id order, a page at a time.' })
  proposals(
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 100 (default 20).' })
    first?: number,
    @Args('after', {
      type: () => String,
      nullable: true,
      description: 'The endCursor of the previous page; omit for the first page.',
    })
    after?: string,
  ) {
    return this.proposalsService.page(first, after);
  }

  @Mutation(() => Proposal, { description: 'Creates or updates a proposal; the same input twice changes nothing.' })
  upsertProposal(@Args('input', { description: 'The proposal as it should be.' }) input: UpsertProposalInput) {
    return this.proposalsService.upsert(input);
  }

  @Mutation(() => Proposal, {
    description:
      'Folds proposal mergeId into keepId (one proposal recorded under two names): stances, evidence, proposers and aliases move; mergeId is deleted.',
  })
  async mergeProposals(
    @Args('keepId', { type: () => ID, description: 'The proposal that stays.' }) keepId: string,
    @Args('mergeId', { type: () => ID, description: 'The duplicate, folded into keepId and deleted.' }) mergeId: string,
  ) {
    return this.proposalsService.get(await this.merger.merge(keepId, mergeId));
  }

  @ResolveField(() => Actor, {
    nullable: true,
    description: 'The state or organisation that put it forward; null when not known.',
  })
  async proposedBy(@Parent() proposal: Proposal, @Context() ctx: RequestContext) {
    const rows = await ctx.loaders.proposers.load(proposal.id);
    const by = rows.find((r) => r.kind !== 'PERSON');
    return by ? ctx.loaders.actors.load(by.actorId) : null;
  }

  @ResolveField(() => Actor, { nullable: true, description: 'The person who announced it; null when not known.' })
  async proposer(@Parent() proposal: Proposal, @Context() ctx: RequestContext) {
    const rows = await ctx.loaders.proposers.load(proposal.id);
    const person = rows.find((r) => r.kind === 'PERSON');
    return person ? ctx.loaders.actors.load(person.actorId) : null;
  }

  @ResolveField(() => [Stance], {
    description:
      "Each actor's current stance, one per actor in actor id order: the latest by effectiveOn (statedOn, else first report date); rejected and retracted ones never count.",
  })
  async currentStances(@Parent() proposal: Proposal, @Context() ctx: RequestContext) {
    return (await ctx.loaders.currentStances(null, null, null, null).load(proposal.id)).rows;
  }

  @ResolveField(() => StanceConnection, {
    description:
      "With asOf: each actor's stance in force on that date (the latest by effectiveOn on or before it), in actor id order. Without: every live stance (PROPOSED or CONFIRMED) on record, oldest first (by effectiveOn, undated first, then actor id). Filtered by position; with knownAsOf, only what had been recorded by then. A page at a time.",
  })
  async stances(
    @Parent() proposal: Proposal,
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
    const loader =
      asOf != null
        ? ctx.loaders.currentStances(asOf, position ?? null, knownAsOf ?? null, page)
        : ctx.loaders.stancesOnProposal(position ?? null, knownAsOf ?? null, page);
    return connectionOf(await loader.load(proposal.id), page);
  }
}
