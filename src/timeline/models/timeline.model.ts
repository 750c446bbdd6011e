import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Proposal } from '../../proposals/models/proposal.model.js';
import { Shift } from '../../shifts/models/shift.model.js';
import { Stance } from '../../stances/models/stance.model.js';

@ObjectType({
  description: "One actor's live stances on a proposal, oldest first; each stance's `shift` says how it moved.",
})
export class ActorTimeline {
  @Field(() => [Stance])
  stances: Stance[];

  @Field(() => Stance, { description: 'The last stance in the window: the one in force at its end.' })
  latest: Stance;

  actorId: string;
}

export enum ChangeClock {
  RECORDED = 'RECORDED',
  EFFECTIVE = 'EFFECTIVE',
}
registerEnumType(ChangeClock, {
  name: 'ChangeClock',
  description:
    'Which clock "since" reads. RECORDED: when this system learned it (stance recordedAt, proposal createdAt): what is new to us, including old statements found late. EFFECTIVE: when it happened (stance effectiveOn, proposal proposedOn).',
});

@ObjectType({ description: 'What is new since a date: stances, shifts and proposals, newest first.' })
export class Changes {
  @Field()
  since: string;

  @Field(() => ChangeClock)
  clock: ChangeClock;

  @Field(() => [Stance], { description: 'New live stances.' })
  stances: Stance[];

  @Field(() => [Shift], {
    description:
      'Moves among them (SOFTENED, HARDENED, REVERSED, REQUALIFIED); first statements and reaffirmations are in stances.',
  })
  shifts: Shift[];

  @Field(() => [Proposal])
  proposals: Proposal[];
}
