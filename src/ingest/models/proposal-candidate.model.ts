import { Field, Float, ObjectType } from '@nestjs/graphql';
import { Proposal } from '../../proposals/models/proposal.model.js';

@ObjectType({ description: 'A proposal the graph holds that a wording may name: for an analyst linking a mention.' })
export class ProposalCandidate {
  @Field(() => Proposal, { description: 'The proposal.' })
  proposal: Proposal;

  @Field(() => Float, { description: 'How well the wording names it, 0 to 1.' })
  score: number;

  @Field({
    description:
      'The rule that ranked it: name (one of its names), words (all its content words), kind+words (the same kind with words of its own in common), kind+parties (the same kind between the same parties), in-article (named in the same article), similar (words, kind or parties in common).',
  })
  rule: string;
}
