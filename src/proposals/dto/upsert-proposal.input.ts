import { Field, ID, InputType } from '@nestjs/graphql';
import { DateScalar } from '../../common/scalars/date-scalars.js';

@InputType({ description: 'A proposal to create, or to update when the id exists.' })
export class UpsertProposalInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Id to create or update (lower-case letters, digits and hyphens); defaults to the slug of the name.',
  })
  id?: string | null;

  @Field({ description: 'The canonical name, at most 200 characters; replaces the stored name.' })
  name: string;

  @Field(() => String, {
    nullable: true,
    description: 'What is proposed, at most 2000 characters. Replaces the summary when given; kept when omitted.',
  })
  summary?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Other names (at most 50, each at most 200 characters). Replaces the aliases when given; kept when omitted.',
  })
  aliases?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Id of the state or organisation that put it forward; it must exist already.',
  })
  proposedById?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Id of the person who announced it, when known; it must exist already.',
  })
  proposerId?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'When it was put forward: ISO date YYYY-MM-DD or YYYY-MM. Replaces the date when given; kept when omitted.',
  })
  proposedOn?: string | null;
}
