import { Field, ID, InputType } from '@nestjs/graphql';
import { Position, StanceStatus } from '../../graph/vocabulary.js';
import { DateOrDateTimeScalar, DateScalar } from '../../common/scalars/date-scalars.js';

@InputType({ description: 'Which stances a list holds: every condition given must hold.' })
export class StanceFilter {
  @Field(() => ID, { nullable: true, description: 'Only stances this actor holds.' })
  actorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only stances on this proposal.' })
  proposalId?: string | null;

  @Field(() => Position, { nullable: true, description: 'Only stances with this position.' })
  position?: Position | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'ISO date YYYY-MM-DD or YYYY-MM: only stances effective on or after it.',
  })
  from?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'ISO date YYYY-MM-DD or YYYY-MM (a month includes all its days): only stances effective on or before it.',
  })
  to?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "ISO date YYYY-MM-DD or YYYY-MM: only each actor's stance in force on that date on each proposal (the latest effective on or before it, among the statuses asked for); position and outlet then filter those.",
  })
  asOf?: string | null;

  @Field(() => DateOrDateTimeScalar, {
    nullable: true,
    description:
      'ISO date (YYYY-MM-DD or YYYY-MM, the whole UTC day or month) or date-time with a zone: only what had been recorded by then (recordedAt), as the system knew it.',
  })
  knownAsOf?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only stances with evidence from this outlet, by its exact name ("Kyodo").',
  })
  outlet?: string | null;

  @Field(() => [StanceStatus], {
    nullable: true,
    description:
      'Only stances with one of these statuses; PROPOSED and CONFIRMED (the live ones) when omitted or empty.',
  })
  status?: StanceStatus[] | null;
}
