import { Args, Context, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Actor } from '../actors/models/actor.model.js';
import type { RequestContext } from '../common/request-context.js';
import { selects, selectsAny } from '../graphql/lookahead.js';
import { Position, Stance } from '../stances/models/stance.model.js';
import { UpsertProposalInput } from './dto/upsert-proposal.input.js';
import { Proposal, ProposalConnection } from './models/proposal.model.js';
import { ProposalMergeService } from './proposal-merge.service.js';
import { ProposalsService } from './proposals.service.js';

@Resolver(() => Proposal)
export class ProposalsResolver {
  constructor(
    private readonly proposalsService: ProposalsService,
    private readonly merger: ProposalMergeService,
  ) {}

  @Query(() => Proposal, { description: 'One proposal by id (a slug such as "end-of-war-declaration").' })
  async proposal(
    @Args('id', { type: () => ID }) id: string,
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

  @Query(() => ProposalConnection)
  proposals(
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    return this.proposalsService.page(first, after);
  }

  @Mutation(() => Proposal, { description: 'Creates or updates a proposal; the same input twice changes nothing.' })
  upsertProposal(@Args('input') input: UpsertProposalInput) {
    return this.proposalsService.upsert(input);
  }

  @Mutation(() => Proposal, {
    description:
      'Folds proposal mergeId into keepId (one proposal recorded under two names): stances, evidence, proposers and aliases move; mergeId is deleted.',
  })
  async mergeProposals(
    @Args('keepId', { type: () => ID }) keepId: string,
    @Args('mergeId', { type: () => ID }) mergeId: string,
  ) {
    return this.proposalsService.get(await this.merger.merge(keepId, mergeId));
  }

  @ResolveField(() => Actor, { nullable: true, description: 'The state or organisation that put it forward.' })
  async proposedBy(@Parent() proposal: Proposal, @Context() ctx: RequestContext) {
    const rows = await ctx.loaders.proposers.load(proposal.id);
    const by = rows.find((r) => r.kind !== 'PERSON');
    return by ? ctx.loaders.actors.load(by.actorId) : null;
  }

  @ResolveField(() => Actor, { nullable: true, description: 'The person who announced it, when known.' })
  async proposer(@Parent() proposal: Proposal, @Context() ctx: RequestContext) {
    const rows = await ctx.loaders.proposers.load(proposal.id);
    const person = rows.find((r) => r.kind === 'PERSON');
    return person ? ctx.loaders.actors.load(person.actorId) : null;
  }

  @ResolveField(() => [Stance], {
    description:
      "Each actor's current stance (the latest by statedOn, else by report date; rejected and retracted ones never count).",
  })
  currentStances(@Parent() proposal: Proposal, @Context() ctx: RequestContext) {
    return ctx.loaders.currentStances(null, null).load(proposal.id);
  }

  @ResolveField(() => [Stance], {
    description:
      "With asOf: each actor's stance as of that date (by statedOn, else first report date). Without: every stance on record, oldest first. Filtered by position; with knownAsOf, only what had been recorded by then.",
  })
  stances(
    @Parent() proposal: Proposal,
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
