import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class UpsertProposalInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to the slug of the name.' })
  id?: string | null;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the aliases when given; kept when omitted.' })
  aliases?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'The state or organisation that put it forward.' })
  proposedById?: string | null;

  @Field(() => ID, { nullable: true, description: 'The person who announced it, when known.' })
  proposerId?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date, day or month precision.' })
  proposedOn?: string | null;
}
