import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection.js';
import { ActorKind } from '../../graph/vocabulary.js';

registerEnumType(ActorKind, {
  name: 'ActorKind',
  description: 'A state, a person who speaks for one, or an organisation.',
});

@ObjectType({ description: 'A state, a person or an organisation that takes positions on proposals.' })
export class Actor {
  @Field(() => ID, { description: 'Stable slug of the canonical name, e.g. "south-korea".' })
  id: string;

  @Field()
  name: string;

  @Field(() => ActorKind)
  kind: ActorKind;

  @Field(() => [String], { description: 'Other names: "Seoul", "Republic of Korea", "Moon Jae In".' })
  aliases: string[];
}

@ObjectType({ description: 'A person or organisation speaking for a state, in a role.' })
export class Representation {
  @Field(() => Actor)
  state: Actor;

  @Field(() => String, { nullable: true })
  role: string | null;
}

@ObjectType()
export class ActorConnection extends ConnectionType(Actor, 'Actor') {}
