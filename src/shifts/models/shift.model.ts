import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection.js';
import { Stance } from '../../stances/models/stance.model.js';
import { Position, ShiftKind } from '../../graph/vocabulary.js';

@ObjectType({
  description:
    "A step in one actor's positions on one proposal: a live stance and the one it supersedes ((:Stance)-[:SUPERSEDES]->(:Stance), newer to older, in effectiveOn order), classified by ShiftKind.",
})
export class Shift {
  @Field(() => ID, { description: 'The id of the newer stance: each live stance makes exactly one shift.' })
  id: string;

  @Field(() => ShiftKind)
  kind: ShiftKind;

  @Field(() => String, {
    nullable: true,
    description: "When it happened: the newer stance's effectiveOn (statedOn, else first report).",
  })
  on: string | null;

  @Field(() => Position, { nullable: true, description: 'The position before (null for FIRST_STATED).' })
  fromPosition: Position | null;

  @Field(() => Position)
  toPosition: Position;

  @Field(() => [String], { description: 'Conditions the newer stance has and the older did not.' })
  conditionsGained: string[];

  @Field(() => [String], { description: 'Conditions the older stance had and the newer does not.' })
  conditionsDropped: string[];

  @Field(() => Stance, { description: 'The newer stance.' })
  stance: Stance;

  @Field(() => Stance, { nullable: true, description: 'The stance it supersedes (null for FIRST_STATED).' })
  previous: Stance | null;

  @Field({ description: 'When this system recorded the newer stance.' })
  recordedAt: string;

  actorId: string;
  proposalId: string;
}

@ObjectType()
export class ShiftConnection extends ConnectionType(Shift, 'Shift') {}

@InputType()
export class ShiftFilter {
  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => ID, { nullable: true })
  proposalId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Shifts on or after this ISO date (the newer stance's effectiveOn).",
  })
  since?: string | null;

  @Field(() => String, { nullable: true, description: 'Shifts recorded at or after this ISO date or date-time (UTC).' })
  recordedSince?: string | null;

  @Field(() => [ShiftKind], { nullable: true, description: 'Only these kinds; every kind when omitted.' })
  kinds?: ShiftKind[] | null;
}
