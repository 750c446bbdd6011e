import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection.js';
import { Proposal } from '../../proposals/models/proposal.model.js';
import { Shift } from '../../shifts/models/shift.model.js';
import { Stance } from '../../stances/models/stance.model.js';
import { DateOrDateTimeScalar } from '../../common/scalars/date-scalars.js';

@ObjectType({
  description: "One actor's live stances on a proposal, oldest first; each stance's `shift` says how it moved.",
})
export class ActorTimeline {
  @Field(() => [Stance], {
    description: 'The live stances in the window, oldest first by effectiveOn (undated first); never empty.',
  })
  stances: Stance[];

  @Field(() => Stance, { description: 'The last stance in the window: the one in force at its end.' })
  latest: Stance;

  actorId: string;
}

@ObjectType({ description: 'A page of actor timelines, actors in the order they first took a stance.' })
export class ActorTimelineConnection extends ConnectionType(ActorTimeline, 'ActorTimeline', 'actor timelines') {}

export enum ChangeClock {
  RECORDED = 'RECORDED',
  EFFECTIVE = 'EFFECTIVE',
}
registerEnumType(ChangeClock, {
  name: 'ChangeClock',
  description: 'Which clock "since" reads: when this system learned of a change, or when it happened.',
  valuesMap: {
    RECORDED: {
      description:
        'When this system learned it (stance recordedAt, proposal creation): what is new to us, including old statements found late.',
    },
    EFFECTIVE: {
      description: 'When it happened (stance effectiveOn, proposal proposedOn): what is new in the world.',
    },
  },
});

@ObjectType({ description: 'What is new since a date: stances, shifts and proposals, newest first.' })
export class Changes {
  @Field(() => DateOrDateTimeScalar, { description: 'The since argument, as given.' })
  since: string;

  @Field(() => ChangeClock, { description: 'The clock since was read on (RECORDED unless asked otherwise).' })
  clock: ChangeClock;

  @Field(() => [Stance], {
    description: 'New live stances, newest first (on the clock asked for), at most `first`.',
  })
  stances: Stance[];

  @Field(() => [Shift], {
    description:
      'Moves in position or terms since then (SOFTENED, HARDENED, REVERSED, REQUALIFIED), newest first, at most `first`; first statements and reaffirmations are in stances.',
  })
  shifts: Shift[];

  @Field(() => [Proposal], { description: 'New proposals, newest first (on the clock asked for), at most `first`.' })
  proposals: Proposal[];
}
