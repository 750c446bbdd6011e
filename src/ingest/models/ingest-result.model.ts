import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Actor } from '../../actors/models/actor.model.js';
import { Article } from '../../articles/models/article.model.js';
import { Proposal } from '../../proposals/models/proposal.model.js';
import { Stance } from '../../stances/models/stance.model.js';

@ObjectType({ description: 'What one article added to the graph.' })
export class IngestResult {
  @Field(() => Article, { description: 'The article as stored.' })
  article: Article;

  @Field(() => Article, {
    nullable: true,
    description: 'The known article this one is a reprint or revision of; null when it is a report of its own.',
  })
  sameReportAs: Article | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Estimated Jaccard similarity of the two texts (0 to 1, a MinHash estimate); null without sameReportAs.',
  })
  similarity: number | null;

  @Field({ description: 'True when exactly this text was ingested before: nothing changed.' })
  duplicate: boolean;

  @Field(() => [Stance], { description: 'The stances this article is evidence for, new or already known.' })
  stances: Stance[];

  @Field(() => [Actor], { description: 'Actors first met in this article.' })
  newActors: Actor[];

  @Field(() => [Proposal], { description: 'Proposals first met in this article.' })
  newProposals: Proposal[];

  @Field(() => Int, {
    description: 'Stances the extractor found that a reprint could not match to the original report (not written).',
  })
  unmatched: number;

  @Field({
    description:
      "What read the article: the parser's name and version (e.g. 'corenlp 4.5') when its analysis was used, 'patterns' when the pattern extractor read it alone (no parser configured, or it was unreachable, loading or too slow).",
  })
  extractor: string;
}
