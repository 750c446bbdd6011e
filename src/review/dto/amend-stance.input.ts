import { Field, ID, InputType } from '@nestjs/graphql';
import { DateScalar } from '../../common/scalars/date-scalars.js';
import { Position } from '../../graph/vocabulary.js';

/**
 * What an analyst changes in a stance: each field given replaces the
 * extractor's reading, each field omitted keeps it. speakerId and statedOn
 * given as null clear them.
 */
@InputType({
  description:
    "An analyst's correction of a stance: every field given replaces what the stance says, every field omitted keeps it; speakerId and statedOn given as null clear them.",
})
export class AmendStanceInput {
  @Field(() => ID, { nullable: true, description: 'The actor who really holds the stance.' })
  actorId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The person or body who voiced it for the actor; null: nobody named.',
  })
  speakerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The proposal the stance is really on (an existing one).' })
  proposalId?: string | null;

  @Field(() => Position, { nullable: true, description: 'The position really taken.' })
  position?: Position | null;

  @Field(() => [String], {
    nullable: true,
    description: 'What would change it, replacing the conditions read (at most 10, each at most 500 characters).',
  })
  conditions?: string[] | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When it was really stated (YYYY-MM-DD or YYYY-MM); null: not known.',
  })
  statedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Why, for the record (at most 500 characters).' })
  note?: string | null;
}
