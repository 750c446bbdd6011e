import { Args, Context, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Actor } from '../actors/models/actor.model.js';
import type { RequestContext } from '../graph/request-context.js';
import { selects, selectsAny } from '../graphql/lookahead.js';
import { UpsertProposalInput } from './dto/upsert-proposal.input.js';
import { Proposal, ProposalConnection } from './models/proposal.model.js';
import { ProposalsService } from './proposals.service.js';
import type { ActorRow } from '../graph/actor.row.js';
import { FIRST_ARG, AFTER_ARG } from '../common/pagination/connection.js';

@Resolver(() => Proposal)
export class ProposalsResolver {
  constructor(private readonly proposalsService: ProposalsService) {}

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
    @Args('first', FIRST_ARG)
    first?: number,
    @Args('after', AFTER_ARG)
    after?: string,
  ) {
    return this.proposalsService.page(first, after);
  }

  @Mutation(() => Proposal, { description: 'Creates or updates a proposal; the same input twice changes nothing.' })
  upsertProposal(@Args('input', { description: 'The proposal as it should be.' }) input: UpsertProposalInput) {
    return this.proposalsService.upsert(input);
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
}

/** Actor.proposed: the proposals an actor put forward (here, beside the Proposal type). */
@Resolver(() => Actor)
export class ActorProposalsResolver {
  @ResolveField(() => [Proposal], {
    description: 'Proposals this actor put forward or announced, oldest first (by proposedOn, undated last).',
  })
  async proposed(@Parent() actor: ActorRow, @Context() ctx: RequestContext) {
    const ids = await ctx.loaders.proposedBy.load(actor.id);
    return (await ctx.loaders.proposals.loadMany(ids)).filter((p) => p && !(p instanceof Error));
  }
}
