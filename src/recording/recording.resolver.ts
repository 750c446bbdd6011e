import { Args, Context, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { actingSubject, type AuthResult } from '../auth/auth.service.js';
import { ActorsService } from '../actors/actors.service.js';
import { Actor } from '../actors/models/actor.model.js';
import { StanceStatus } from '../graph/vocabulary.js';
import { Proposal } from '../proposals/models/proposal.model.js';
import { ProposalsService } from '../proposals/proposals.service.js';
import { RecordStanceInput } from '../stances/dto/record-stance.input.js';
import { Stance } from '../stances/models/stance.model.js';
import { ActorMergeService } from './actor-merge.service.js';
import { ProposalMergeService } from './proposal-merge.service.js';
import { RecordingService } from './recording.service.js';

/** The version the analyst saw, on every decision and amendment (optimistic concurrency). */
export const VERSION_ARG = {
  type: () => Int,
  nullable: true,
  description:
    "The stance's version as you last read it: if someone else has changed the stance since, nothing is written and the answer is a CONFLICT error. Omit to decide whatever the stance's version.",
};

/** Every mutation that changes stances: an analyst's record, review decisions and merges (all through StanceWriter). */
@Resolver()
export class RecordingResolver {
  constructor(
    private readonly recording: RecordingService,
    private readonly actorMerge: ActorMergeService,
    private readonly proposalMerge: ProposalMergeService,
    private readonly actors: ActorsService,
    private readonly proposals: ProposalsService,
  ) {}

  @Mutation(() => Stance, {
    description:
      "Records an actor's stance with its evidence. The same fact twice is one stance; new evidence is added to it.",
  })
  recordStance(@Args('input', { description: 'The stance and its evidence.' }) input: RecordStanceInput) {
    return this.recording.record(input);
  }

  @Mutation(() => Stance, { description: 'An analyst accepts an extracted stance; re-ingesting never overrides it.' })
  confirmStance(
    @Args('id', { type: () => ID, description: 'The stance to confirm.' }) id: string,
    @Args('expectedVersion', VERSION_ARG) expectedVersion: number | null | undefined,
    @Context() ctx: { req?: { stanceAuth?: AuthResult } },
  ) {
    return this.recording.setStatus(id, StanceStatus.CONFIRMED, actingSubject(ctx.req), expectedVersion);
  }

  @Mutation(() => Stance, { description: 'An analyst rejects an extracted stance; re-ingesting never brings it back.' })
  rejectStance(
    @Args('id', { type: () => ID, description: 'The stance to reject.' }) id: string,
    @Args('expectedVersion', VERSION_ARG) expectedVersion: number | null | undefined,
    @Context() ctx: { req?: { stanceAuth?: AuthResult } },
  ) {
    return this.recording.setStatus(id, StanceStatus.REJECTED, actingSubject(ctx.req), expectedVersion);
  }

  @Mutation(() => Stance, {
    description: 'Withdraws a stance recorded in error; it is kept for the record but never current again.',
  })
  retractStance(
    @Args('id', { type: () => ID, description: 'The stance to retract.' }) id: string,
    @Args('expectedVersion', VERSION_ARG) expectedVersion: number | null | undefined,
    @Context() ctx: { req?: { stanceAuth?: AuthResult } },
  ) {
    return this.recording.setStatus(id, StanceStatus.RETRACTED, actingSubject(ctx.req), expectedVersion);
  }

  @Mutation(() => Actor, {
    description:
      'Folds actor mergeId into keepId (the same actor recorded twice): stances, evidence, roles and aliases move; mergeId is deleted.',
  })
  async mergeActors(
    @Args('keepId', { type: () => ID, description: 'The actor that stays.' }) keepId: string,
    @Args('mergeId', { type: () => ID, description: 'The duplicate, folded into keepId and deleted.' }) mergeId: string,
  ) {
    return this.actors.get(await this.actorMerge.merge(keepId, mergeId));
  }

  @Mutation(() => Proposal, {
    description:
      'Folds proposal mergeId into keepId (one proposal recorded under two names): stances, evidence, proposers and aliases move; mergeId is deleted.',
  })
  async mergeProposals(
    @Args('keepId', { type: () => ID, description: 'The proposal that stays.' }) keepId: string,
    @Args('mergeId', { type: () => ID, description: 'The duplicate, folded into keepId and deleted.' }) mergeId: string,
  ) {
    return this.proposals.get(await this.proposalMerge.merge(keepId, mergeId));
  }
}
