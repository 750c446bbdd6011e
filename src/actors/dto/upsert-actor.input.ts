import { Field, ID, InputType } from '@nestjs/graphql';
import { ActorKind } from '../../graph/vocabulary.js';

@InputType()
export class RepresentsInput {
  @Field(() => ID, { description: 'The state this actor speaks for.' })
  stateId: string;

  @Field(() => String, { nullable: true })
  role?: string | null;
}

@InputType()
export class UpsertActorInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to the slug of the name.' })
  id?: string | null;

  @Field()
  name: string;

  @Field(() => ActorKind)
  kind: ActorKind;

  @Field(() => [String], { nullable: true, description: 'Replaces the aliases when given; kept when omitted.' })
  aliases?: string[] | null;

  @Field(() => RepresentsInput, { nullable: true })
  represents?: RepresentsInput | null;
}
