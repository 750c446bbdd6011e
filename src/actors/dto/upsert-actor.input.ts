import { Field, ID, InputType } from '@nestjs/graphql';
import { ActorKind } from '../../graph/vocabulary.js';

@InputType({ description: 'The state a person or organisation speaks for, and in what role.' })
export class RepresentsInput {
  @Field(() => ID, { description: 'Id of the state this actor speaks for; it must exist already.' })
  stateId: string;

  @Field(() => String, {
    nullable: true,
    description: 'The role it speaks in ("foreign minister"), at most 300 characters; null when not known.',
  })
  role?: string | null;
}

@InputType({ description: 'An actor to create, or to update when the id exists.' })
export class UpsertActorInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Id to create or update (lower-case letters, digits and hyphens); defaults to the slug of the name.',
  })
  id?: string | null;

  @Field({ description: 'The canonical name, at most 200 characters; replaces the stored name.' })
  name: string;

  @Field(() => ActorKind, { description: 'State, person or organisation; replaces the stored kind.' })
  kind: ActorKind;

  @Field(() => [String], {
    nullable: true,
    description:
      'Other names (at most 50, each at most 200 characters). Replaces the aliases when given; kept when omitted.',
  })
  aliases?: string[] | null;

  @Field(() => RepresentsInput, {
    nullable: true,
    description:
      'For a person or organisation: the state it speaks for (replaces any other it was said to represent). Kept when omitted.',
  })
  represents?: RepresentsInput | null;
}
