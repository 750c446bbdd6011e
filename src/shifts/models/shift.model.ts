import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection.js';
import { Stance } from '../../stances/models/stance.model.js';
import { Position, ShiftKind } from '../../graph/vocabulary.js';
import { DateOrDateTimeScalar, DateScalar, DateTimeScalar } from '../../common/scalars/date-scalars.js';

@ObjectType({
  description:
    "A step in one actor's positions on one proposal: a live stance and the one it supersedes ((:Stance)-[:SUPERSEDES]->(:Stance), newer to older, in effectiveOn order), classified by ShiftKind.",
})
export class Shift {
  @Field(() => ID, { description: 'The id of the newer stance: each live stance makes exactly one shift.' })
  id: string;

  @Field(() => ShiftKind, { description: 'What sort of move it is.' })
  kind: ShiftKind;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "When it happened: the newer stance's effectiveOn (statedOn, else first report), ISO date YYYY-MM-DD or YYYY-MM; null when undated.",
  })
  on: string | null;

  @Field(() => Position, { nullable: true, description: 'The position before (null for FIRST_STATED).' })
  fromPosition: Position | null;

  @Field(() => Position, { description: "The newer stance's position." })
  toPosition: Position;

  @Field(() => [String], { description: 'Conditions the newer stance has and the older did not.' })
  conditionsGained: string[];

  @Field(() => [String], { description: 'Conditions the older stance had and the newer does not.' })
  conditionsDropped: string[];

  @Field(() => Stance, { description: 'The newer stance.' })
  stance: Stance;

  @Field(() => Stance, { nullable: true, description: 'The stance it supersedes (null for FIRST_STATED).' })
  previous: Stance | null;

  @Field(() => DateTimeScalar, {
    description: 'When this system recorded the newer stance: ISO 8601 date-time in UTC.',
  })
  recordedAt: string;

  actorId: string;
  proposalId: string;
}

@ObjectType({ description: 'A page of shifts, in the order the field that returns it states.' })
export class ShiftConnection extends ConnectionType(Shift, 'Shift', 'shifts') {}

@InputType({ description: 'Which shifts a list holds: every condition given must hold.' })
export class ShiftFilter {
  @Field(() => ID, { nullable: true, description: "Only this actor's shifts." })
  actorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only shifts on this proposal.' })
  proposalId?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "ISO date YYYY-MM-DD or YYYY-MM: only shifts on or after it (the newer stance's effectiveOn).",
  })
  since?: string | null;

  @Field(() => DateOrDateTimeScalar, {
    nullable: true,
    description:
      'ISO date (YYYY-MM-DD or YYYY-MM, from the start of that UTC day or month) or date-time with a zone: only shifts recorded at or after it.',
  })
  recordedSince?: string | null;

  @Field(() => [ShiftKind], { nullable: true, description: 'Only these kinds; every kind when omitted.' })
  kinds?: ShiftKind[] | null;
}
