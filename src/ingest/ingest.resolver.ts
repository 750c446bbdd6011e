import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { ActorsService } from '../actors/actors.service.js';
import { ProposalsService } from '../proposals/proposals.service.js';
import { IngestArticleInput } from './dto/ingest-article.input.js';
import { IngestService } from './ingest.service.js';
import { IngestResult } from './models/ingest-result.model.js';

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
}
