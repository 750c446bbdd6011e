import { Args, Context, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { actingSubject, AuthService, type AuthResult } from '../auth/auth.service.js';
import { allows } from '../auth/roles.js';
import { AFTER_ARG, FIRST_ARG } from '../common/pagination/connection.js';
import type { RequestContext } from '../graph/request-context.js';
import type { StanceRow } from '../graph/stance.row.js';
import { selects } from '../graphql/lookahead.js';
import { VERSION_ARG } from '../recording/recording.resolver.js';
import { Stance, StanceConnection } from '../stances/models/stance.model.js';
import { AmendStanceInput } from './dto/amend-stance.input.js';
import { ReviewFilter } from './dto/review-filter.input.js';
import { Amendment, BulkDecision, CueCandidate, CueStatus, DecisionBatch, Viewer } from './models/review.models.js';
import { Position } from '../graph/vocabulary.js';
import { ReviewService } from './review.service.js';

type Ctx = RequestContext & { req?: { stanceAuth?: AuthResult } };

/** The review desk: the queue, amendments, bulk decisions and their undo (confirm and reject are in recording). */
@Resolver(() => Stance)
export class ReviewResolver {
  constructor(
    private readonly review: ReviewService,
    private readonly auth: AuthService,
  ) {}

  @Query(() => StanceConnection, {
    description:
      "The review queue: PROPOSED stances, the likeliest mistakes first: least sure first (confidence: the extractor's estimate that the reading is right, moved by analysts' decisions), then the newest (by effectiveOn), then by id; filtered by proposal, actor, outlet and article. A page at a time.",
  })
  async reviewQueue(
    @Context() ctx: Ctx,
    @Info() info: GraphQLResolveInfo,
    @Args('filter', {
      type: () => ReviewFilter,
      nullable: true,
      description: 'Which stances; all PROPOSED when omitted.',
    })
    filter?: ReviewFilter,
    @Args('first', FIRST_ARG) first?: number,
    @Args('after', AFTER_ARG) after?: string,
  ) {
    const page = await this.review.queue(filter, first, after, selects(info, 'totalCount'));
    ctx.loaders.prime(page.nodes);
    return page;
  }

  @Query(() => Viewer, {
    description: 'Who the token sent with this request belongs to, and what it may do (open to anyone).',
  })
  viewer(@Context() ctx: Ctx): Viewer {
    const auth = ctx.req?.stanceAuth;
    const role = auth?.kind === 'principal' ? auth.role : null;
    const openReads = this.auth.openReads;
    return {
      subject: actingSubject(ctx.req),
      role,
      openReads,
      canRead: openReads || role !== null,
      canEdit: role !== null && allows(role, 'editor'),
      canAdmin: role !== null && allows(role, 'admin'),
    };
  }

  @Mutation(() => Stance, {
    description:
      "An analyst corrects a stance's holder, speaker, proposal, position, conditions or date, and so confirms it. The answer is the stance as amended: a new stance when holder, proposal, position or date changed (the original is kept as AMENDED), else the same one. Who, when and what changed are kept as an Amendment on both.",
  })
  amendStance(
    @Context() ctx: Ctx,
    @Args('id', { type: () => ID, description: 'The stance to amend.' }) id: string,
    @Args('input', { description: 'What to change; omitted fields are kept.' }) input: AmendStanceInput,
    @Args('expectedVersion', VERSION_ARG) expectedVersion?: number | null,
  ) {
    return this.review.amend(id, input, actingSubject(ctx.req), expectedVersion);
  }

  @Mutation(() => DecisionBatch, {
    description: `Confirms or rejects, in one step, every PROPOSED stance the filter matches (at most 1000; a filter is required). Undo it with undoDecisionBatch.`,
  })
  decideStances(
    @Context() ctx: Ctx,
    @Args('filter', { type: () => ReviewFilter, description: 'Which PROPOSED stances.' }) filter: ReviewFilter,
    @Args('decision', { type: () => BulkDecision, description: 'Confirm or reject them.' }) decision: BulkDecision,
  ) {
    return this.review.decideAll(filter, decision, actingSubject(ctx.req));
  }

  @Mutation(() => DecisionBatch, {
    description:
      'Undoes a bulk decision: its stances go back to PROPOSED, except those someone changed since (counted in kept). Undoing twice changes nothing.',
  })
  undoDecisionBatch(
    @Context() ctx: Ctx,
    @Args('batchId', { type: () => ID, description: 'The batch decideStances answered.' }) batchId: string,
  ) {
    return this.review.undo(batchId, actingSubject(ctx.req));
  }

  @Query(() => [CueCandidate], {
    description:
      'Words analysts gave as cues of the stances they recorded that the lexicon did not read as cues, most used first; filtered by status (candidates when omitted).',
  })
  cueCandidates(
    @Args('status', { type: () => CueStatus, nullable: true, description: 'Which; CANDIDATE when omitted.' })
    status?: CueStatus,
    @Args('first', FIRST_ARG) first?: number,
  ) {
    return this.review.cueCandidates(status ?? CueStatus.CANDIDATE, first);
  }

  @Mutation(() => CueCandidate, {
    description:
      "Accepts a candidate cue into the extractor's lexicon (it reads it from the next article on), or declines it; declining an accepted cue takes it out again.",
  })
  decideCue(
    @Context() ctx: Ctx,
    @Args('words', { description: 'The cue, as cueCandidates lists it.' }) words: string,
    @Args('position', { type: () => Position, description: 'The position it carries.' }) position: Position,
    @Args('accept', { description: 'True to accept, false to decline.' }) accept: boolean,
  ) {
    return this.review.decideCue(words, position, accept, actingSubject(ctx.req));
  }

  @ResolveField(() => [Amendment], {
    description:
      "Analysts' corrections that made or changed this stance, oldest first; the first one's `before` is the extractor's reading. Empty when never amended.",
  })
  async amendments(@Parent() stance: StanceRow) {
    return (await this.review.amendmentsOf([stance.id])).get(stance.id) ?? [];
  }
}
