import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection.js';
import { Position, StanceStatus } from '../../graph/vocabulary.js';

registerEnumType(Position, { name: 'Position' });

registerEnumType(StanceStatus, {
  name: 'StanceStatus',
  description:
    'PROPOSED: found by the extractor, not yet reviewed. CONFIRMED: recorded or confirmed by an analyst. REJECTED / RETRACTED: kept for the record, never current.',
});

@ObjectType({ description: "An actor's position on a proposal at a time, with its evidence." })
export class Stance {
  @Field(() => ID, {
    description: 'Hash of actor, proposal, position and statedOn: the same fact always has the same id.',
  })
  id: string;

  @Field(() => Position)
  position: Position;

  @Field(() => String, { nullable: true, description: 'The short verbatim words that carry the stance ("premature").' })
  cue: string | null;

  @Field(() => [String], { description: 'Every cue seen for this stance across its evidence.' })
  cues: string[];

  @Field(() => [String], {
    description: 'What would change it ("unless the United States withdraws its hostile policy").',
  })
  conditions: string[];

  @Field(() => String, {
    nullable: true,
    description: 'When the actor took the stance (ISO day or month), not when it was reported.',
  })
  statedOn: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'statedOn, or the first report date when statedOn is unknown: the date "as of" answers use.',
  })
  effectiveOn: string | null;

  @Field(() => Float)
  confidence: number;

  @Field({ description: 'When this system first learned it.' })
  recordedAt: string;

  @Field(() => StanceStatus)
  status: StanceStatus;

  @Field(() => String, {
    nullable: true,
    description: 'The extraction rule that produced it (null when recorded by hand).',
  })
  rule: string | null;

  actorId: string;
  proposalId: string;
  speakerId: string | null;
}

@ObjectType({ description: 'A quote in an article that backs a stance.' })
export class Evidence {
  @Field()
  quote: string;

  @Field(() => Int, { nullable: true })
  charStart: number | null;

  @Field(() => Int, { nullable: true })
  charEnd: number | null;

  articleId: string;
}

@ObjectType()
export class StanceConnection extends ConnectionType(Stance, 'Stance') {}
