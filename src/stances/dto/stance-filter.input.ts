import { Field, ID, InputType } from '@nestjs/graphql';
import { Position, StanceStatus } from '../../graph/vocabulary.js';

@InputType()
export class StanceFilter {
  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => ID, { nullable: true })
  proposalId?: string | null;

  @Field(() => Position, { nullable: true })
  position?: Position | null;

  @Field(() => String, { nullable: true, description: 'Stances effective on or after this ISO date.' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Stances effective on or before this ISO date.' })
  to?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "ISO date: only each actor's stance in force on that date on each proposal (the latest effective on or before it, among the statuses asked for); position and outlet then filter those.",
  })
  asOf?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'ISO date or date-time (UTC): only what had been recorded by then (recordedAt), as the system knew it.',
  })
  knownAsOf?: string | null;

  @Field(() => String, { nullable: true, description: 'Only stances with evidence from this outlet.' })
  outlet?: string | null;

  @Field(() => [StanceStatus], { nullable: true, description: 'Defaults to PROPOSED and CONFIRMED.' })
  status?: StanceStatus[] | null;
}
