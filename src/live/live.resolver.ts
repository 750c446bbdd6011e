import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import type { RequestContext } from '../graph/request-context.js';
import { requireId } from '../common/validation.js';
import { LoadersFactory } from '../graph/loaders.js';
import { Shift } from '../shifts/models/shift.model.js';
import { Stance } from '../stances/models/stance.model.js';
import { StanceEvents, StanceRecordedEvent, StanceShiftedEvent } from './stance-events.js';
import { ShiftKind } from '../graph/vocabulary.js';

interface ShiftArgs {
  actorId?: string | null;
  proposalId?: string | null;
  kinds?: ShiftKind[] | null;
}

/**
 * Live updates over WebSocket (graphql-ws protocol, at /graphql). Events are
 * published after the transaction that made them commits. A subscription's
 * context lives as long as the subscription, so each event gets fresh
 * loaders: nested fields never read what an earlier event cached.
 */
/** A stance event on the proposal asked for (any when none was). */
const onProposal = (payload: StanceRecordedEvent, variables: { proposalId?: string | null }) =>
  variables.proposalId == null || payload.stance.proposalId === variables.proposalId;

/** The `proposalId` argument of the stance subscriptions. */
const PROPOSAL_ARG = {
  type: () => ID,
  nullable: true,
  description: 'Only stances on this proposal; every proposal when omitted.',
};

@Resolver()
export class LiveResolver {
  constructor(
    private readonly events: StanceEvents,
    private readonly loaders: LoadersFactory,
  ) {}

  @Subscription(() => Stance, {
    description:
      'Each new stance, once the transaction that recorded it has committed: on one proposal, or on any when proposalId is omitted.',
    filter: onProposal,
    resolve(this: LiveResolver, payload: StanceRecordedEvent, _args: unknown, ctx: RequestContext) {
      ctx.loaders = this.loaders.create();
      return payload.stance;
    },
  })
  stanceRecorded(@Args('proposalId', PROPOSAL_ARG) proposalId?: string) {
    if (proposalId != null) requireId('proposalId', proposalId);
    return this.events.recordedStream();
  }

  @Subscription(() => Stance, {
    description:
      "Each stance an analyst decided on (confirmed, rejected, retracted, put back by an undo) or amended, once the transaction has committed, with its new status and version: what the review desk shows of the other analysts' work. On one proposal, or on any when proposalId is omitted.",
    filter: onProposal,
    resolve(this: LiveResolver, payload: StanceRecordedEvent, _args: unknown, ctx: RequestContext) {
      ctx.loaders = this.loaders.create();
      return payload.stance;
    },
  })
  stanceReviewed(@Args('proposalId', PROPOSAL_ARG) proposalId?: string) {
    if (proposalId != null) requireId('proposalId', proposalId);
    return this.events.reviewedStream();
  }

  @Subscription(() => Shift, {
    description:
      "Each new or newly classified step in an actor's positions (a SUPERSEDES link), once its transaction has committed; filtered by actor, proposal and kinds when given.",
    filter: (payload: StanceShiftedEvent, variables: ShiftArgs) =>
      (variables.actorId == null || payload.shift.actorId === variables.actorId) &&
      (variables.proposalId == null || payload.shift.proposalId === variables.proposalId) &&
      (variables.kinds == null || variables.kinds.length === 0 || variables.kinds.includes(payload.shift.kind)),
    resolve(this: LiveResolver, payload: StanceShiftedEvent, _args: unknown, ctx: RequestContext) {
      ctx.loaders = this.loaders.create();
      return payload.shift;
    },
  })
  stanceShifted(
    @Args('actorId', { type: () => ID, nullable: true, description: "Only this actor's shifts." })
    actorId?: string,
    @Args('proposalId', { type: () => ID, nullable: true, description: 'Only shifts on this proposal.' })
    proposalId?: string,
    @Args('kinds', {
      type: () => [ShiftKind],
      nullable: true,
      description: 'Only these kinds; every kind when omitted or empty.',
    })
    _kinds?: ShiftKind[],
  ) {
    if (actorId != null) requireId('actorId', actorId);
    if (proposalId != null) requireId('proposalId', proposalId);
    return this.events.shiftedStream();
  }
}
