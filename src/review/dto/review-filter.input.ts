import { Field, ID, InputType } from '@nestjs/graphql';

/** Which stances the review queue and bulk decisions take: every condition given must hold. */
@InputType({ description: 'Which stances a review queue or a bulk decision takes: every condition given must hold.' })
export class ReviewFilter {
  @Field(() => ID, { nullable: true, description: 'Only stances on this proposal.' })
  proposalId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only stances this actor holds.' })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only stances with evidence from this outlet ("Kyodo").' })
  outlet?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only stances with evidence in this article.' })
  articleId?: string | null;
}
