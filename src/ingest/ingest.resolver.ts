import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ActorsService } from '../actors/actors.service.js';
import { ProposalsService } from '../proposals/proposals.service.js';
import { IngestArticleInput } from './dto/ingest-article.input.js';
import { IngestService } from './ingest.service.js';
import { IngestResult } from './models/ingest-result.model.js';
import { ProposalCandidate } from './models/proposal-candidate.model.js';
import { ConfidenceModelView } from './models/confidence-model.model.js';
import { CONFIDENCE_MODEL } from '../extraction/index.js';
import { pageSize, requireText } from '../common/validation.js';

@Resolver(() => IngestResult)
export class IngestResolver {
  constructor(
    private readonly ingestService: IngestService,
    private readonly actorsService: ActorsService,
    private readonly proposalsService: ProposalsService,
  ) {}

  @Mutation(() => IngestResult, {
    description:
      'Reads an article and adds the actors, proposals and stances it finds (stances as PROPOSED). The same text twice changes nothing.',
  })
  async ingestArticle(
    @Args('input', { description: 'The article and what is known about it.' }) input: IngestArticleInput,
  ) {
    const outcome = await this.ingestService.ingest(input);
    const [newActors, newProposals] = await Promise.all([
      this.actorsService.findByIds(outcome.newActorIds),
      this.proposalsService.findByIds(outcome.newProposalIds),
    ]);
    return { ...outcome, newActors, newProposals };
  }

  @Query(() => [ProposalCandidate], {
    description:
      'The proposals the graph holds that a wording may name ("the Japan-North Korea summit", "the deal"), best first: what an analyst picks from when linking a mention by hand. None fits: make a new proposal.',
  })
  async proposalCandidates(
    @Args('wording', { description: "The mention's words, as the article has them (at most 300 characters)." })
    wording: string,
    @Args('inArticle', {
      type: () => [ID],
      nullable: true,
      description: 'The proposals the same article names: they rank first among their kind ("the deal").',
    })
    inArticle?: string[],
    @Args('first', { type: () => Int, nullable: true, description: 'How many, 1 to 100 (default 5).' })
    first?: number,
  ) {
    const text = requireText('wording', wording, 300);
    const size = pageSize('first', first, 5);
    const ranked = await this.ingestService.proposalCandidates(text, (inArticle ?? []).slice(0, 100), size);
    const rows = new Map((await this.proposalsService.findByIds(ranked.map((c) => c.id))).map((p) => [p.id, p]));
    return ranked
      .filter((c) => rows.has(c.id))
      .map((c) => ({ proposal: rows.get(c.id)!, score: c.score, rule: c.rule }));
  }

  @Query(() => ConfidenceModelView, {
    description:
      "The model behind each stance's confidence and the review queue's order: each feature's weight as kept with the extractor and as analysts' decisions have moved it.",
  })
  async confidenceModel(): Promise<ConfidenceModelView> {
    const learned = await this.ingestService.confidenceModel();
    const kept = new Map(CONFIDENCE_MODEL.features.map((f, i) => [f, CONFIDENCE_MODEL.weights[i]]));
    return {
      decisions: learned.decisions ?? 0,
      weights: learned.features.map((feature, i) => ({
        feature,
        kept: kept.get(feature) ?? 0,
        learned: learned.weights[i],
      })),
    };
  }
}
