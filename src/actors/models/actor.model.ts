import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection.js';
import { ActorKind } from '../../graph/vocabulary.js';

registerEnumType(ActorKind, {
  name: 'ActorKind',
  description: 'What sort of actor it is: a state, a person who speaks for one, or an organisation.',
  valuesMap: {
    STATE: { description: 'A state or its government as a whole ("Japan", "Tokyo", "the Japanese government").' },
    PERSON: {
      description:
        'A person who speaks for a state in a role (a minister, a spokesperson, a bureau head); see `represents`.',
    },
    ORGANIZATION: {
      description:
        'A body: a ministry or agency speaking for a state (see `represents`), an international organisation (the UN Security Council, the African Union) or a non-state movement that takes part in negotiations; the last two represent no state.',
    },
  },
});

@ObjectType({ description: 'A state, a person or an organisation that takes positions on proposals.' })
export class Actor {
  @Field(() => ID, { description: 'Stable slug of the canonical name, e.g. "south-korea".' })
  id: string;

  @Field({ description: 'The canonical name ("South Korea", "Takehiro Funakoshi").' })
  name: string;

  @Field(() => ActorKind, { description: 'State, person or organisation.' })
  kind: ActorKind;

  @Field(() => [String], {
    description:
      'Other names the actor is reported under: "Seoul", "Republic of Korea", "Moon Jae In". Searched like the name; empty when none.',
  })
  aliases: string[];
}

@ObjectType({ description: 'A person or organisation speaking for a state, in a role.' })
export class Representation {
  @Field(() => Actor, { description: 'The state spoken for.' })
  state: Actor;

  @Field(() => String, {
    nullable: true,
    description: 'The role it speaks in ("foreign minister", "director-general"); null when not known.',
  })
  role: string | null;
}

@ObjectType({ description: 'A page of actors, in the order the field that returns it states.' })
export class ActorConnection extends ConnectionType(Actor, 'Actor', 'actors') {}
